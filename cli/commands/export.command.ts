import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { exportAll, type ExportFormat } from '../../app/commands/exporter.ts';
import { exportPublic, type PublicFormat } from '../../app/publish/public-export.ts';
import { cliOperator, processOutput, withTumen } from '../context.ts';
import { CliFailure } from '../errors.ts';

const FORMATS: ExportFormat[] = ['json', 'csv', 'geojson'];
const PUBLIC_FORMATS: PublicFormat[] = ['json', 'csv', 'geojson', 'huridocs'];

interface PublicOpts {
  format: string;
  publishable?: string;
  grid?: string;
  k?: string;
}

function publicOptions(opts: PublicOpts): { format: PublicFormat; publishable: string[]; grid?: number; k?: number } {
  if (!PUBLIC_FORMATS.includes(opts.format as PublicFormat)) throw new CliFailure(`unknown format "${opts.format}" for the public profile (use json, csv, geojson or huridocs)`);
  const num = (flag: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new CliFailure(`${flag} must be a number, not "${v}"`);
    return n;
  };
  const grid = num('--grid', opts.grid);
  const k = num('--k', opts.k);
  return { format: opts.format as PublicFormat, publishable: (opts.publishable ?? '').split(',').map((c) => c.trim()).filter(Boolean), ...(grid !== undefined ? { grid } : {}), ...(k !== undefined ? { k } : {}) };
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export everything, streaming (json re-imports losslessly; csv; geojson)')
    .option('--data <dir>', 'data folder')
    .option('--format <format>', 'json | csv | geojson', 'json')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--include-protected', 'include person protected fields (plaintext: handle the file as sensitive)')
    .option('--no-blobs', 'leave evidence file bytes out of a JSON export')
    .option('--profile <profile>', 'full (everything, re-importable) | public (open data: see docs/THREAT-MODEL.md)', 'full')
    .option('--publishable <ids>', 'public profile: the compartments marked publishable, comma-separated')
    .option('--grid <degrees>', 'public profile: coordinate grid in degrees (default 0.1, never finer than a place’s precision)')
    .option('--k <n>', 'public profile: suppress aggregated counts under n (default 5)')
    .action(async (opts: { data?: string; format: string; out?: string; includeProtected?: boolean; blobs: boolean; profile: string } & PublicOpts) => {
      if (opts.profile !== 'full' && opts.profile !== 'public') throw new CliFailure(`unknown profile "${opts.profile}" (use full or public)`);
      const pub = opts.profile === 'public' ? publicOptions(opts) : null;
      if (pub && opts.includeProtected) throw new CliFailure('the public profile never carries protected fields: drop --include-protected');
      if (!pub && !FORMATS.includes(opts.format as ExportFormat)) throw new CliFailure(`unknown format "${opts.format}" (use json, csv or geojson)`);
      // Write beside the target and rename at the end: a failed export never leaves a half file that looks whole.
      const tmp = opts.out ? `${opts.out}.partial` : null;
      const out = tmp ? createWriteStream(tmp, { mode: 0o600 }) : process.stdout;
      try {
        const n = await withTumen(opts.data, async (tumen) =>
          pub
            ? (await exportPublic(tumen.store, { ...pub, out })).items
            : exportAll(tumen, { format: opts.format as ExportFormat, out, actor: await cliOperator(tumen), includeProtected: opts.includeProtected ?? false, includeBlobs: opts.blobs }),
        );
        if (tmp && opts.out) {
          out.end();
          await finished(out);
          await rename(tmp, opts.out);
          processOutput.err(`exported ${n} items to ${opts.out}`);
        }
      } catch (err) {
        if (tmp) await unlink(tmp).catch(() => undefined);
        throw err;
      }
    });
}
