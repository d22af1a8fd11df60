import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../test/databases.ts';
import { writePassphraseFile } from '../test/keys.ts';
import { REPO_ROOT } from '../test/seeds.ts';

const PASSPHRASE_FILE = writePassphraseFile(tempDir('tumen-cli-secret-'));

function tumen(args: string[]) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'tumen.mjs'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, TUMEN_DATABASE_URL: '', TUMEN_PASSPHRASE_FILE: PASSPHRASE_FILE },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('user add / list / grant / disable and token create / revoke through the real CLI', () => {
  const data = tempDir('tumen-cli-users-');
  assert.equal(tumen(['init', '--no-reference', '--data', data]).code, 0);

  const added = tumen(['user', 'add', 'Alice', '--role', 'analyst', '--data', data]);
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /created alice \(analyst\); grants: default:write/);
  assert.match(added.stdout, /one-time password .*: [\w-]{20}$/m);

  const pwFile = join(data, '..', `pw-${Date.now()}.txt`);
  writeFileSync(pwFile, 'a long enough passphrase here\n', { mode: 0o600 });
  const bob = tumen(['user', 'add', 'bob', '--role', 'viewer', '--password-file', pwFile, '--grant', 'default:read', '--data', data]);
  assert.equal(bob.code, 0, bob.stderr);
  assert.doesNotMatch(bob.stdout, /one-time password/);

  const refused = tumen(['user', 'add', 'carol', '--role', 'viewer', '--password', 'hunter2hunter2', '--data', data]);
  assert.equal(refused.code, 2, 'a password is never accepted as an argument');

  const listed = JSON.parse(tumen(['user', 'list', '--json', '--data', data]).stdout) as Array<{ username: string; role: string }>;
  assert.deepEqual(listed.map((u) => `${u.username}:${u.role}`), ['alice:analyst', 'bob:viewer']);
  assert.ok(!JSON.stringify(listed).includes('argon2'));

  const tooHigh = tumen(['token', 'create', 'bob', '--role', 'admin', '--data', data]);
  assert.equal(tooHigh.code, 1);
  const made = tumen(['token', 'create', 'alice', '--role', 'viewer', '--name', 'nightly', '--data', data]);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stdout, /^tmn_[\w-]{43}$/m);
  const id = /token (\S+) \(viewer, "nightly"\)/.exec(made.stdout)?.[1];
  assert.ok(id);
  assert.equal(tumen(['token', 'revoke', id, '--data', data]).code, 0);

  assert.equal(tumen(['user', 'grant', 'bob', 'default', 'none', '--data', data]).code, 0);
  assert.equal(tumen(['user', 'disable', 'bob', '--data', data]).code, 0);
  const after = JSON.parse(tumen(['user', 'list', '--json', '--data', data]).stdout) as Array<{ username: string; disabled: boolean; grants: Record<string, string> }>;
  assert.deepEqual(after.find((u) => u.username === 'bob'), { ...after.find((u) => u.username === 'bob'), disabled: true, grants: {} });
});
