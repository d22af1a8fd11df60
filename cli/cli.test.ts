import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../test/databases.ts';
import { testVault, writePassphraseFile } from '../test/keys.ts';
import { REPO_ROOT, seedFiles } from '../test/seeds.ts';

// The data folders are encrypted: every run reads the passphrase from a file, as CI would.
const PASSPHRASE_FILE = writePassphraseFile(tempDir('tumen-cli-secret-'));

function tumen(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'tumen.mjs'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, TUMEN_DATABASE_URL: '', TUMEN_PASSPHRASE_FILE: PASSPHRASE_FILE, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('init, import, sources, show and export through the real CLI', () => {
  const data = tempDir('tumen-cli-');
  const init = tumen(['init', '--data', data]);
  assert.equal(init.code, 0, init.stderr);
  assert.match(init.stdout, /places/);

  const seeds = seedFiles();
  const imp = tumen(['import', ...seeds, '--data', data, '--json']);
  assert.equal(imp.code, 0, imp.stderr);
  const report = JSON.parse(imp.stdout) as { imported: number; failed: number };
  assert.equal(report.imported, 5);

  const list = JSON.parse(tumen(['sources', '--data', data, '--json']).stdout) as Array<{ id: string; sha256: string; title: string; published: string | null }>;
  for (const file of seeds) {
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    assert.ok(list.some((s) => s.sha256 === sha), `${file} listed by its SHA-256`);
  }
  const dated = list.find((s) => s.published === '2023-09-08');
  assert.ok(dated, 'the dated seed keeps its date');

  const show = tumen(['show', dated.id, '--data', data, '--json']);
  assert.equal(show.code, 0);
  assert.equal((JSON.parse(show.stdout) as { source: { id: string } }).source.id, dated.id);

  const found = tumen(['search', '"facial recognition"', '--data', data, '--json']);
  assert.equal(found.code, 0, found.stderr);
  const hits = found.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; kind: string; title: string; snippet: string });
  assert.ok(hits.length >= 1);
  for (const h of hits) {
    assert.deepEqual(Object.keys(h).slice(0, 4), ['id', 'kind', 'title', 'snippet']);
    assert.match(h.snippet.toLowerCase(), /facial recognition/);
  }

  const candidates = JSON.parse(tumen(['review', 'list', '--data', data, '--json']).stdout) as Array<{ id: string; kind: string }>;
  assert.ok(candidates.length > 10, 'import proposed candidates');
  const event = candidates.find((c) => c.kind === 'event')!;
  const confirmed = tumen(['review', 'confirm', event.id, '--data', data]);
  assert.equal(confirmed.code, 0, confirmed.stderr);

  const out = join(data, 'export.json');
  const exp = tumen(['export', '--data', data, '--format', 'json', '--out', out]);
  assert.equal(exp.code, 0, exp.stderr);
  assert.ok((JSON.parse(readFileSync(out, 'utf8')) as { items: unknown[] }).items.length > 100);
});

test('failures exit non-zero with one readable line, and a bad file does not stop the others', async () => {
  const data = tempDir('tumen-cli-bad-');
  await testVault(data);
  const bad = join(data, 'garbage.txt');
  writeFileSync(bad, Buffer.from([0, 1, 2, 3, 0, 255]));
  const imp = tumen(['import', bad, seedFiles()[0]!, '--data', data]);
  assert.equal(imp.code, 1);
  assert.match(imp.stdout, /1 imported/);
  const lines = imp.stderr.trim().split('\n');
  assert.ok(lines.some((l) => l.startsWith(`${bad}: `)), imp.stderr);

  for (const args of [
    ['show', 'no-such-id', '--data', data],
    ['export', '--format', 'xml', '--data', data],
    ['serve', '--host', '0.0.0.0', '--data', data],
    ['frobnicate'],
  ]) {
    const r = tumen(args);
    assert.notEqual(r.code, 0, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^tumen: /);
  }
});

test('a hostile HTML file fails alone with one readable line, through the same parsing thread as the server', async () => {
  const data = tempDir('tumen-cli-deep-');
  await testVault(data);
  const deep = join(data, 'deep.html');
  writeFileSync(deep, '<div>'.repeat(200_000));
  const started = Date.now();
  const imp = tumen(['import', deep, seedFiles()[0]!, '--data', data]);
  assert.equal(imp.code, 1);
  assert.match(imp.stdout, /1 imported/);
  const line = imp.stderr.trim().split('\n').find((l) => l.startsWith(`${deep}: `));
  assert.ok(line, imp.stderr);
  assert.match(line, /nests elements 200000 levels deep/);
  assert.ok(Date.now() - started < 60_000, 'the CLI exits once its work is done (the idle parsing thread does not hold it)');
});

test('extract prints the contract JSON for one file and stores nothing', () => {
  const seed = seedFiles().find((f) => f.includes('001_'))!;
  const r = tumen(['extract', seed, '--published', '2023-09-08', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const x = JSON.parse(r.stdout) as { events: Array<{ type: string; quote: string }>; figures: Array<{ value: number; period: string | null }>; places: string[]; organizations: string[]; installations: Array<{ kind: string }> };
  assert.deepEqual(Object.keys(x).sort(), ['events', 'figures', 'installations', 'organizations', 'places']);
  assert.ok(x.places.includes('Hunchun'));
  assert.ok(x.figures.some((f) => f.value === 1047 && f.period === '2019'));
  assert.ok(x.events.every((e) => e.quote.length > 0));
  const bad = tumen(['extract', seed, '--published', 'yesterday']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^tumen: --published must be/);
});
