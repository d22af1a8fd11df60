import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { restoreBackup } from '../../../app/backup/backup-restorer.ts';
import { writeBackup } from '../../../app/backup/backup-writer.ts';
import { addIntakeKey } from '../../../app/intake/recipients.ts';
import { operator, TEST_KDF } from '../../../test/keys.ts';
import { startTestServer } from '../../test-server.ts';
import { sendSubmission } from './intake-test-client.ts';

/** Every file under `dir`, recursively (binary: databases, WAL, blobs, intake objects). */
function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

/** The canary in the forms it could be written in: UTF-8, UTF-16 (SQLite may use it), base64, hex. */
function forms(canary: string): Buffer[] {
  const utf8 = Buffer.from(canary, 'utf8');
  return [utf8, Buffer.from(canary, 'utf16le'), Buffer.from(utf8.toString('base64').slice(0, 16)), Buffer.from(utf8.toString('hex'))];
}

test('message, file name and forwarded-address canaries appear nowhere: data folder, logs, backup', async () => {
  const tag = randomBytes(6).toString('hex');
  const canaries = { message: `CANARY-MESSAGE-${tag}`, name: `CANARY-NAME-${tag}.txt`, content: `CANARY-CONTENT-${tag}`, xff: `198.51.100.${parseInt(tag.slice(0, 2), 16) % 200}`, xffTag: `CANARY-XFF-${tag}`, ua: `CANARY-UA-${tag}` };
  const log: string[] = [];
  const s = await startTestServer({ intake: { powBits: 6, mailboxFloorMs: 10 }, logStream: { write: (l) => void log.push(l) } });
  try {
    await addIntakeKey(s.tumen.store, { name: 'staff', kind: 'staff' }, operator);
    await addIntakeKey(s.tumen.store, { name: 'escrow', kind: 'escrow' }, operator);
    const headers = { 'x-forwarded-for': `${canaries.xff}, ${canaries.xffTag}`, 'user-agent': canaries.ua, forwarded: `for=${canaries.xffTag}` };
    const sent = await sendSubmission(s.url, { message: canaries.message, files: [{ name: canaries.name, type: 'text/plain', bytes: new TextEncoder().encode(canaries.content) }], headers });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const nojs = await fetch(`${s.url}/intake/nojs`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ message: canaries.message }) });
    assert.equal(nojs.status, 200);
    await fetch(`${s.url}/intake`, { headers });
    // A failed request too: errors are where addresses usually leak.
    await fetch(`${s.url}/intake/api/mailbox`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"mailboxId": CANARY' });

    const backup = join(mkdtempSync(join(tmpdir(), 'tumen-canary-bak-')), 'b.tumen-backup');
    const passphrase = 'canary backup passphrase';
    await writeBackup(s.tumen, backup, passphrase, { actor: operator, kdf: TEST_KDF });
    const restored = join(mkdtempSync(join(tmpdir(), 'tumen-canary-restore-')), 'data');
    await restoreBackup(backup, { dataDir: restored, databaseUrl: null }, passphrase);
    const restoredFiles = allFiles(restored);
    assert.ok(restoredFiles.some((f) => f.endsWith('.age')), 'the backup carries the intake ciphertext');

    const places = [...allFiles(s.tumen.config.dataDir), backup, ...restoredFiles];
    assert.ok(places.some((f) => /tumen\.db/.test(f)));
    const logText = Buffer.from(log.join(''));
    for (const [what, canary] of Object.entries(canaries)) {
      for (const form of forms(canary)) {
        for (const file of places) assert.equal(readFileSync(file).indexOf(form), -1, `${what} canary in ${file}`);
        assert.equal(logText.indexOf(form), -1, `${what} canary in the log`);
      }
    }
    const requestLines = log.filter((l) => l.includes('"reqId"')).join('');
    assert.doesNotMatch(requestLines, /127\.0\.0\.1|remoteAddress|user-agent/i);
    // No line at all for intake requests: its timestamp would be the exact time of a submission.
    assert.doesNotMatch(requestLines, /\/intake/);
  } finally {
    await s.close();
  }
});
