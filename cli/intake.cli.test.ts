import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Decrypter } from 'age-encryption';
import { resolveConfig } from '../app/config.ts';
import { buildServer } from '../server/app.ts';
import { intakeJson, sendSubmission } from '../server/http/intake/intake-test-client.ts';
import { tempDir } from '../test/databases.ts';
import { openTestTumen, writePassphraseFile } from '../test/keys.ts';
import { REPO_ROOT } from '../test/seeds.ts';

const PASSPHRASE_FILE = writePassphraseFile(tempDir('tumen-intake-cli-secret-'));

function tumen(args: string[]) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'tumen.mjs'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, TUMEN_DATABASE_URL: '', TUMEN_PASSPHRASE_FILE: PASSPHRASE_FILE } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('intake key add, list and export through the real CLI; Debian age opens the escrow copy', async () => {
  const data = tempDir('tumen-intake-cli-');
  const keys = tempDir('tumen-intake-cli-keys-');
  // A data folder with a vault, then a submission through the real server on it.
  const t = await openTestTumen(resolveConfig({ data, env: { ...process.env, TUMEN_DATABASE_URL: '' } }));
  await t.close();

  const staff = tumen(['intake', 'key', 'add', '--name', 'Kim', '--out', join(keys, 'kim.txt'), '--data', data]);
  assert.equal(staff.code, 0, staff.stderr);
  const escrow = tumen(['intake', 'key', 'add', '--name', 'Escrow', '--escrow', '--out', join(keys, 'escrow.txt'), '--data', data]);
  assert.equal(escrow.code, 0, escrow.stderr);
  assert.equal(statSync(join(keys, 'escrow.txt')).mode & 0o777, 0o600);
  assert.match(readFileSync(join(keys, 'kim.txt'), 'utf8'), /^AGE-SECRET-KEY-PQ-1/m);
  assert.match(readFileSync(join(keys, 'escrow.txt'), 'utf8'), /^AGE-SECRET-KEY-1/m);
  const again = tumen(['intake', 'key', 'add', '--name', 'Other', '--out', join(keys, 'kim.txt'), '--data', data]);
  assert.notEqual(again.code, 0);
  assert.equal(again.stderr.trim().split('\n').length, 1, 'one readable line');
  const listedKeys = JSON.parse(tumen(['intake', 'key', 'list', '--data', data, '--json']).stdout) as Array<{ kind: string }>;
  assert.deepEqual(listedKeys.map((k) => k.kind).sort(), ['escrow', 'staff']);

  const file = new Uint8Array(randomBytes(300_000));
  const server = await openTestTumen(resolveConfig({ data, env: { ...process.env, TUMEN_DATABASE_URL: '' } }));
  const app = await buildServer(server, { intake: { powBits: 6, mailboxFloorMs: 10 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  let sent;
  try {
    sent = await sendSubmission(url, { message: '집에서 나갈 수 없습니다', files: [{ name: '사진.jpg', type: 'image/jpeg', bytes: file }] });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
  } finally {
    app.server.closeAllConnections();
    await app.close();
    await server.close();
  }

  const list = tumen(['intake', 'list', '--data', data, '--json']);
  assert.equal(list.code, 0, list.stderr);
  const rows = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
  assert.equal(rows.length, 1);
  assert.deepEqual(Object.keys(rows[0]!).sort(), ['day', 'files', 'followups', 'id', 'replies', 'size', 'weaker']);
  assert.equal(rows[0]!.files, 1);
  assert.match(String(rows[0]!.day), /^\d{4}-\d{2}-\d{2}$/);

  const out = tempDir('tumen-intake-export-');
  const exp = tumen(['intake', 'export', sent.id!, '--data', data, '--out', out]);
  assert.equal(exp.code, 0, exp.stderr);
  const age = (f: string) => spawnSync('age', ['-d', '-i', join(keys, 'escrow.txt'), join(out, f)]);
  assert.equal(age('00-message.age').stdout.toString(), '집에서 나갈 수 없습니다');
  const plain = age('01-file.age').stdout;
  assert.equal(createHash('sha256').update(plain).digest('hex'), createHash('sha256').update(file).digest('hex'));
  assert.equal(JSON.parse(age('02-manifest.age').stdout.toString()).files[0].name, '사진.jpg');
  const missing = tumen(['intake', 'export', '00000000-0000-4000-8000-000000000000', '--data', data, '--out', out]);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /not found/);

  writeFileSync(join(keys, 'reply.txt'), 'We received your message.');
  const reply = tumen(['intake', 'reply', sent.id!, '--message-file', join(keys, 'reply.txt'), '--data', data]);
  assert.equal(reply.code, 0, reply.stderr);
  const again2 = await openTestTumen(resolveConfig({ data, env: { ...process.env, TUMEN_DATABASE_URL: '' } }));
  const app2 = await buildServer(again2, { intake: { powBits: 6, mailboxFloorMs: 10 } });
  await app2.listen({ port: 0, host: '127.0.0.1' });
  try {
    const url2 = `http://127.0.0.1:${(app2.server.address() as { port: number }).port}`;
    const box = await intakeJson(url2, 'POST', '/intake/api/mailbox', { mailboxId: sent.keys.mailboxId, authKey: sent.keys.authKey });
    const d = new Decrypter();
    d.addIdentity(sent.keys.replyIdentity);
    assert.equal(await d.decrypt(Buffer.from(box.body.replies[0].ciphertext, 'base64'), 'text'), 'We received your message.');
  } finally {
    app2.server.closeAllConnections();
    await app2.close();
    await again2.close();
  }
});
