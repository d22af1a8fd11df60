import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../test/databases.ts';
import { writePassphraseFile } from '../test/keys.ts';
import { REPO_ROOT } from '../test/seeds.ts';

const PASSPHRASE_FILE = writePassphraseFile(tempDir('tumen-cases-secret-'));
const data = join(tempDir('tumen-cases-cli-'), 'data');

export function tumen(args: string[]) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'tumen.mjs'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, TUMEN_DATABASE_URL: '', TUMEN_PASSPHRASE_FILE: PASSPHRASE_FILE },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Row { id: string; label: string; risk: string; latestStatus: string; unCommunicationConsent: boolean }
let rows: Row[] = [];

before(() => {
  const init = tumen(['init', '--demo', '--data', data]);
  assert.equal(init.code, 0, init.stderr);
  assert.match(init.stdout, /2 demo cases created/);
  const list = tumen(['cases', '--data', data, '--json']);
  assert.equal(list.code, 0, list.stderr);
  rows = JSON.parse(list.stdout) as Row[];
});

test('tumen init --demo creates the seed-004 cases; tumen cases lists and filters them', () => {
  assert.deepEqual(rows.map((r) => r.risk).sort(), ['disappeared', 'facing_repatriation']);
  assert.ok(rows.every((r) => r.unCommunicationConsent));
  const missing = JSON.parse(tumen(['cases', '--data', data, '--json', '--status', 'missing']).stdout) as Row[];
  assert.deepEqual(missing.map((r) => r.risk), ['disappeared']);
});

test('tumen case show prints the dossier with cited statuses', () => {
  const engineer = rows.find((r) => r.risk === 'facing_repatriation')!;
  const shown = tumen(['case', 'show', engineer.id, '--data', data, '--json']);
  assert.equal(shown.code, 0, shown.stderr);
  const d = JSON.parse(shown.stdout) as { statuses: Array<{ status: string; sources: Array<{ quote: string }> }>; places: Array<{ name: string }> };
  assert.deepEqual(d.statuses.map((s) => s.status), ['in_hiding', 'detained', 'detained']);
  assert.match(d.statuses[2]!.sources[0]!.quote, /waiting to be repatriated/);
  assert.match(d.places[0]!.name, /Jilin/);
});

test('bad input: one readable line and a non-zero exit', () => {
  for (const args of [
    ['cases', '--risk', 'doomed'],
    ['cases', '--min-days', 'soon'],
    ['case', 'show', '0190a5c0-0000-7000-8000-000000000099'],
  ]) {
    const r = tumen([...args, '--data', data]);
    assert.equal(r.code, 1, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^tumen: /);
  }
});

test('tumen appeal writes a footnoted draft; refusals write nothing', () => {
  const dir = tempDir('tumen-appeal-out-');
  const engineer = rows.find((r) => r.risk === 'facing_repatriation')!;
  const out = join(dir, 'ua.html');
  const ok = tumen(['appeal', engineer.id, '--kind', 'urgent-appeal', '--format', 'html', '--out', out, '--data', data]);
  assert.equal(ok.code, 0, ok.stderr);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /waiting to be repatriated/);
  assert.match(html, /<sup><a href="#fn-1"/);
  for (const args of [
    [engineer.id, '--kind', 'letter', '--format', 'html'],
    [engineer.id, '--kind', 'wgad', '--format', 'docx'],
    ['0190a5c0-0000-7000-8000-000000000099', '--kind', 'wgad', '--format', 'html'],
  ]) {
    const bad = join(dir, 'refused.html');
    const r = tumen(['appeal', ...args, '--out', bad, '--data', data]);
    assert.equal(r.code, 1, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.equal(existsSync(bad) || existsSync(`${bad}.partial`), false);
  }
});

test('tumen export --profile public: open data, and refusals that write nothing', () => {
  const dir = tempDir('tumen-public-out-');
  const out = join(dir, 'public.geojson');
  const ok = tumen(['export', '--profile', 'public', '--format', 'geojson', '--publishable', 'default', '--out', out, '--data', data]);
  assert.equal(ok.code, 0, ok.stderr);
  const doc = JSON.parse(readFileSync(out, 'utf8')) as { type: string; features: unknown[] };
  assert.equal(doc.type, 'FeatureCollection');
  assert.doesNotMatch(readFileSync(out, 'utf8'), /Ms Lee|Software engineer/);
  for (const args of [
    ['--format', 'json'],
    ['--format', 'json', '--publishable', 'default', '--include-protected'],
    ['--format', 'json', '--publishable', 'default', '--grid', '0.0001'],
    ['--format', 'xml', '--publishable', 'default'],
  ]) {
    const bad = join(dir, 'refused.json');
    const r = tumen(['export', '--profile', 'public', ...args, '--out', bad, '--data', data]);
    assert.equal(r.code, 1, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.equal(existsSync(bad) || existsSync(`${bad}.partial`), false, args.join(' '));
  }
});

test('tumen report and tumen verify-report; a tampered report and an impossible range fail', () => {
  const dir = tempDir('tumen-report-out-');
  const out = join(dir, 'report.html');
  const made = tumen(['report', '--format', 'html', '--lang', 'en', '--out', out, '--data', data]);
  assert.equal(made.code, 0, made.stderr);
  const ok = tumen(['verify-report', out]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /report verified/);
  const html = readFileSync(out, 'utf8');
  const tampered = join(dir, 'tampered.html');
  writeFileSync(tampered, html.replace(/"state_hash":"[0-9a-f]/, '"state_hash":"x'));
  const bad = tumen(['verify-report', tampered]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /inclusion proof/);
  const never = join(dir, 'never.html');
  const range = tumen(['report', '--from', '2024', '--to', '2023', '--out', never, '--data', data]);
  assert.equal(range.code, 1);
  assert.equal(range.stderr.trim().split('\n').length, 1, range.stderr);
  assert.equal(existsSync(never), false);
});
