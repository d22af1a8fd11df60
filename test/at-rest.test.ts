import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../app/config.ts';
import { verifyTumen } from '../app/commands/verifier.ts';
import { tempDir } from './databases.ts';
import { filesUnder, scan } from './canary-scan.ts';
import { openRawTestDatabase, openTestTumen, operator } from './keys.ts';
import { buildSource } from './factories.ts';
import { REPO_ROOT } from './seeds.ts';

/**
 * The whole embedded database is encrypted (issue: nothing readable at rest). Canaries go into a
 * source's text, title and file name, a citation quote, a person's protected fields, a search
 * query and a spoofed forwarding header, through the real server; then every file in the data
 * folder (database, WAL, blobs, keys), the server's logs and a backup are searched for them.
 */
test('no canary appears in the data folder, the server logs or a backup (SQLite)', { timeout: 120_000 }, () => {
  const CANARY = `CANARY${randomBytes(4).toString('hex')}`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test', 'at-rest-child.ts')], {
    cwd: REPO_ROOT,
    encoding: 'buffer',
    timeout: 100_000,
    env: { ...process.env, CANARY, TUMEN_DATABASE_URL: '' },
  });
  const stdout = run.stdout.toString('utf8');
  assert.equal(run.status, 0, run.stderr.toString('utf8'));
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  assert.ok(line, stdout);
  const { data, backup } = JSON.parse(line.slice('RESULT '.length)) as { data: string; backup: string };
  const canaries = ['T', 'X', 'Q', 'F', 'S', 'IP', 'N', 'P'].map((k) => `${CANARY}${k}`);
  const files = filesUnder(data);
  assert.ok(files.some((f) => f.endsWith('tumen.db')), 'the database file was scanned');
  assert.ok(files.some((f) => f.includes(`${join('blobs', '')}`)), 'evidence files were scanned');
  const hits: string[] = [];
  for (const f of files) hits.push(...scan(f, readFileSync(f), canaries));
  hits.push(...scan('server logs (stdout)', run.stdout, canaries), ...scan('server logs (stderr)', run.stderr, canaries));
  hits.push(...scan(backup, readFileSync(backup), canaries));
  assert.deepEqual(hits, []);
  assert.ok(stdout.includes('"reqId"'), 'the server did log requests (so the log scan means something)');
});

test('a database file opened with a wrong key or none reads nothing, not even its header', async () => {
  const dir = tempDir('tumen-at-rest-');
  const tumen = await openTestTumen(resolveConfig({ data: dir, env: {} }));
  await tumen.close();
  const head = readFileSync(join(dir, 'tumen.db')).subarray(0, 16);
  assert.notEqual(head.toString('latin1'), 'SQLite format 3\0', 'the header is encrypted too');
  const { openSqliteFile } = await import('../store/sqlite-cipher.ts');
  assert.throws(() => openSqliteFile(join(dir, 'tumen.db'), randomBytes(32)), (e: unknown) => (e as { id?: string }).id === 'database_wrong_key');
  assert.throws(() => openSqliteFile(join(dir, 'tumen.db')), (e: unknown) => (e as { id?: string }).id === 'database_wrong_key', 'no key reads no schema');
});

test('deleting a source erases its text, title and quotes from the pages (secure_delete), keeps its identity', async () => {
  const dir = tempDir('tumen-erase-');
  const CANARY = `ERASE${randomBytes(4).toString('hex')}`;
  const tumen = await openTestTumen(resolveConfig({ data: dir, env: {} }));
  const { input, sha256 } = buildSource({ title: `Title ${CANARY}T`, text: `Testimony ${CANARY}X from the border; ${CANARY}Q said the guard.` });
  const source = await tumen.store.sources.create(operator, input, sha256);
  const at = source.text.indexOf(`${CANARY}Q`);
  await tumen.store.records.create(operator, {
    kind: 'organization',
    body: { name: 'Guard unit' },
    citations: [{ sourceId: source.id, start: at, end: at + CANARY.length + 1, quote: `${CANARY}Q`, note: '', credibility: 2, rule: null }],
  });
  await tumen.store.sources.remove(operator, source.id);
  const tomb = await tumen.store.sources.getUnrestricted(source.id, { includeDeleted: true });
  assert.equal(tomb.sha256, sha256, 'the tombstone keeps the evidence identity');
  assert.equal(tomb.text, '');
  assert.deepEqual((await verifyTumen(tumen)).failures, [], 'the erasure is logged: verify still passes');
  await tumen.close();
  // Decrypted pages, as an attacker with the key would see them, after the WAL is folded in.
  const raw = await openRawTestDatabase(dir);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const pages = raw.serialize();
  raw.close();
  assert.deepEqual(scan('decrypted database pages', pages, [`${CANARY}T`, `${CANARY}X`, `${CANARY}Q`]), []);
});

test('files the CLI creates are 0600 and folders 0700, whatever the umask; a failing command creates no folder', () => {
  const root = tempDir('tumen-modes-');
  const data = join(root, 'data');
  const pass = join(root, 'pass.txt');
  spawnSync('sh', ['-c', `umask 022; printf 'modes test passphrase\\n' > ${pass}`]);
  const cli = (args: string[]) =>
    spawnSync('sh', ['-c', `umask 022; exec "$0" "$@"`, process.execPath, join(REPO_ROOT, 'bin', 'tumen.mjs'), ...args], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, TUMEN_PASSPHRASE_FILE: pass, TUMEN_DATABASE_URL: '' },
    });
  const missing = join(root, 'typo');
  const failed = cli(['sources', '--data', missing]);
  assert.notEqual(failed.status, 0);
  assert.equal(statSync(missing, { throwIfNoEntry: false }), undefined, 'no folder left behind by a failing command');
  const init = cli(['init', '--data', data, '--no-reference']);
  assert.equal(init.status, 0, init.stderr);
  const imp = cli(['import', join(REPO_ROOT, '..', 'shared', 'seeds'), '--data', data]);
  assert.equal(imp.status, 0, imp.stderr);
  const loose: string[] = [];
  const check = (p: string) => {
    const mode = statSync(p).mode & 0o777;
    const want = statSync(p).isDirectory() ? 0o700 : 0o600;
    if (mode !== want) loose.push(`${p}: ${mode.toString(8)}`);
  };
  check(data);
  for (const f of filesUnder(data)) check(f);
  let dir = join(data, 'blobs');
  check(dir);
  for (const part of ['hmac-sha256']) check((dir = join(dir, part)));
  assert.deepEqual(loose, []);
});
