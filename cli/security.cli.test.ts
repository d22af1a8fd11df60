import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readKeysFile } from '../app/keys/keys-file.ts';
import { DEMO_KEY_FILE } from '../app/keys/setup.ts';
import { tempDir } from '../test/databases.ts';
import { openRawTestDatabase, testVault, writePassphraseFile } from '../test/keys.ts';
import { REPO_ROOT, seedFiles } from '../test/seeds.ts';

function tumen(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'tumen.mjs'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    // No terminal and no secret unless a test gives one: what CI looks like.
    env: { ...process.env, TUMEN_DATABASE_URL: '', TUMEN_PASSPHRASE_FILE: '', TUMEN_KEY_FILE: '', TUMEN_BACKUP_PASSPHRASE_FILE: '', TUMEN_NEW_PASSPHRASE_FILE: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function oneLine(r: { code: number | null; stderr: string }, re: RegExp): void {
  assert.notEqual(r.code, 0);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line: ${r.stderr}`);
  assert.match(lines[0]!, re);
}

test('without a secret, a command fails with one line that names the fix; init refuses a short passphrase', () => {
  const root = tempDir('tumen-cli-keys-');
  const data = join(root, 'data');
  oneLine(tumen(['init', '--data', data]), /^tumen: no passphrase: set TUMEN_PASSPHRASE_FILE=FILE or pass --passphrase-file FILE/);
  const short = writePassphraseFile(root, 'elevenchars', 'short.txt');
  oneLine(tumen(['init', '--data', data, '--passphrase-file', short]), /at least 12 characters/);
  assert.equal(existsSync(join(data, 'keys.json')), false);
  const good = writePassphraseFile(root, 'twelve chars ok');
  const init = tumen(['init', '--data', data, '--no-reference', '--passphrase-file', good]);
  assert.equal(init.code, 0, init.stderr);
  oneLine(tumen(['sources', '--data', data]), /^tumen: no passphrase/);
  oneLine(tumen(['sources', '--data', data], { TUMEN_PASSPHRASE_FILE: writePassphraseFile(root, 'twelve chars NO', 'bad.txt') }), /^tumen: wrong passphrase for this data folder$/);
  assert.equal(tumen(['sources', '--data', data], { TUMEN_PASSPHRASE_FILE: good }).code, 0);
});

test('checkpoint, verify (intact, then tampered), backup, restore and key rotation through the CLI', async () => {
  const root = tempDir('tumen-cli-log-');
  const data = join(root, 'data');
  await testVault(data); // cheap KDF, made in-process: the CLI uses the cost stored in keys.json
  const env = { TUMEN_PASSPHRASE_FILE: writePassphraseFile(root), TUMEN_BACKUP_PASSPHRASE_FILE: writePassphraseFile(root, 'backup passphrase here', 'backup.txt') };
  assert.equal(tumen(['import', seedFiles()[0]!, '--data', data], env).code, 0);

  const witness = join(root, 'witness.checkpoint');
  const cp = tumen(['checkpoint', '--data', data, '--out', witness], env);
  assert.equal(cp.code, 0, cp.stderr);
  assert.match(cp.stdout, /^checkpoint: \d+ entries, root [0-9a-f]{64}, written to /);
  assert.match(readFileSync(witness, 'utf8'), /^tumen\.local\/[0-9a-f]{16}\n\d+\n[A-Za-z0-9+/]{43}=\ntimestamp \d+\n\n\u2014 /);
  const ok = tumen(['verify', '--data', data, '--checkpoint', witness], env);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /^verify: intact/);

  const archive = join(root, 'backup.tumen');
  const b = tumen(['backup', '--data', data, '--out', archive], env);
  assert.equal(b.code, 0, b.stderr);
  oneLine(tumen(['restore', archive, '--data', join(root, 'wrong')], { ...env, TUMEN_BACKUP_PASSPHRASE_FILE: writePassphraseFile(root, 'not the backup one', 'nb.txt') }), /^tumen: wrong backup passphrase/);
  assert.equal(existsSync(join(root, 'wrong')), false);
  const restored = join(root, 'restored');
  assert.equal(tumen(['restore', archive, '--data', restored], env).code, 0);
  assert.equal(tumen(['verify', '--data', restored, '--checkpoint', witness], env).code, 0);

  const raw = await openRawTestDatabase(data);
  raw.prepare(`UPDATE sources SET title = 'Doctored' WHERE rowid = 1`).run();
  raw.prepare(`DELETE FROM audit_log WHERE seq = 2`).run();
  raw.close();
  const bad = tumen(['verify', '--data', data, '--checkpoint', witness], env);
  assert.equal(bad.code, 1);
  const lines = bad.stderr.trim().split('\n');
  assert.ok(lines.some((l) => /^tumen: verify: source .*: differs from its last logged state/.test(l)), bad.stderr);
  assert.ok(lines.some((l) => /^tumen: verify: audit log: entries 2–2 are missing/.test(l)), bad.stderr);
  assert.match(lines[lines.length - 1]!, /^tumen: verify failed: \d+ problem\(s\)/);

  const rotate = tumen(['keys', 'rotate', '--data', restored], { ...env, TUMEN_NEW_PASSPHRASE_FILE: writePassphraseFile(root, 'the new master passphrase', 'new.txt') });
  assert.equal(rotate.code, 0, rotate.stderr);
  oneLine(tumen(['verify', '--data', restored], env), /^tumen: wrong passphrase/);
  assert.equal(tumen(['verify', '--data', restored], { TUMEN_PASSPHRASE_FILE: join(root, 'new.txt') }).code, 0);
});

test('serve --demo starts with no prompt on a demo key file, says so loudly, and signs a checkpoint at shutdown', { timeout: 120_000 }, async () => {
  const data = join(tempDir('tumen-demo-'), 'demo');
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'tumen.mjs'), 'serve', '--demo', '--data', data, '--port', '0'], {
    cwd: REPO_ROOT,
    env: { ...process.env, TUMEN_DATABASE_URL: '', TUMEN_PASSPHRASE_FILE: '', TUMEN_DEMO_DIR: join(REPO_ROOT, '..', 'shared', 'seeds') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Tumen is running')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  child.kill('SIGTERM');
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 0, err);
  assert.match(err, /DEMO ONLY/);
  assert.equal((await readKeysFile(data)).demo, true);
  const db = await openRawTestDatabase(data, { readonly: true, keyFile: readFileSync(join(data, DEMO_KEY_FILE), 'utf8') });
  const { n } = db.prepare('SELECT count(*) AS n FROM audit_checkpoints').get() as { n: number };
  db.close();
  assert.equal(n, 1, 'one checkpoint, signed at shutdown');
});
