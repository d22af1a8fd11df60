import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Decrypter } from 'age-encryption';
import { exportSubmission } from '../../../app/intake/export.ts';
import { IntakeService } from '../../../app/intake/intake-service.ts';
import { addIntakeKey } from '../../../app/intake/recipients.ts';
import { PG_URL } from '../../../test/databases.ts';
import { operator } from '../../../test/keys.ts';
import { startTestServer } from '../../test-server.ts';
import { intakeJson, sendSubmission } from './intake-test-client.ts';

test('intake on PostgreSQL: submit, list, reply, mailbox, export opened by Debian age', { skip: PG_URL ? false : 'TUMEN_TEST_PG_URL not set' }, async () => {
  const s = await startTestServer({ dialect: 'postgres', intake: { powBits: 6, mailboxFloorMs: 10 } });
  try {
    await addIntakeKey(s.tumen.store, { name: 'staff', kind: 'staff' }, operator);
    const escrow = await addIntakeKey(s.tumen.store, { name: 'escrow', kind: 'escrow' }, operator);
    const sent = await sendSubmission(s.url, { message: 'on postgres', files: [{ name: 'a.txt', type: 'text/plain', bytes: new TextEncoder().encode('file') }] });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const [row] = await s.tumen.store.intake.list();
    assert.equal(row?.id, sent.id);
    assert.equal(row?.files, 1);
    assert.equal(typeof row?.size, 'number');
    const service = new IntakeService(s.tumen);
    await service.reply(sent.id!, 'reply on postgres');
    const box = await intakeJson(s.url, 'POST', '/intake/api/mailbox', { mailboxId: sent.keys.mailboxId, authKey: sent.keys.authKey });
    const d = new Decrypter();
    d.addIdentity(sent.keys.replyIdentity);
    assert.equal(await d.decrypt(Buffer.from(box.body.replies[0].ciphertext, 'base64'), 'text'), 'reply on postgres');
    const out = mkdtempSync(join(tmpdir(), 'tumen-intake-pg-'));
    await exportSubmission(s.tumen.store, service.files, sent.id!, out);
    writeFileSync(join(out, 'escrow.txt'), escrow.identityFile);
    const r = spawnSync('age', ['-d', '-i', join(out, 'escrow.txt'), join(out, '00-message.age')], { encoding: 'utf8' });
    assert.equal(r.stdout, 'on postgres');
  } finally {
    await s.close();
  }
});
