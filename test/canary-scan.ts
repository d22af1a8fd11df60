import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Canary scanning for at-rest tests: a canary is searched in UTF-8, UTF-16 (LE and BE) and
 * base64 (at each of the three alignments), so an encoding change cannot hide a leak.
 */
export function forms(canary: string): Array<{ form: string; bytes: Buffer }> {
  const utf8 = Buffer.from(canary, 'utf8');
  const be = Buffer.from(canary, 'utf16le').swap16();
  const out = [
    { form: 'utf8', bytes: utf8 },
    { form: 'utf16le', bytes: Buffer.from(canary, 'utf16le') },
    { form: 'utf16be', bytes: be },
  ];
  // base64 of the canary inside any larger text: the stable middle of each of the 3 alignments.
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift, 0x20), utf8]).toString('base64');
    out.push({ form: `base64+${shift}`, bytes: Buffer.from(b64.slice(4, -4), 'latin1') });
  }
  return out;
}

export function scan(label: string, haystack: Buffer, canaries: string[]): string[] {
  const hits: string[] = [];
  for (const c of canaries) for (const f of forms(c)) if (haystack.includes(f.bytes)) hits.push(`${label}: ${c} as ${f.form}`);
  return hits;
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

