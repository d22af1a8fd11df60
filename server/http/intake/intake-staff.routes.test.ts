import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Decrypter } from 'age-encryption';
import { addIntakeKey } from '../../../app/intake/recipients.ts';
import { operator } from '../../../test/keys.ts';
import type { SignedInClient } from '../../test-accounts.ts';
import { startTestServer, type TestServer } from '../../test-server.ts';
import { encryptTo, intakeJson, sendSubmission } from './intake-test-client.ts';

/** The staff browser's part, in Node: fetch ciphertext, decrypt with the staff identity held in memory. */
async function decrypt(analyst: SignedInClient, url: string, objectId: string, identity: string): Promise<Uint8Array> {
  const r = await fetch(`${url}/api/intake/objects/${objectId}/content`, { headers: { cookie: analyst.cookie } });
  assert.equal(r.status, 200);
  const d = new Decrypter();
  d.addIdentity(identity);
  return d.decrypt(new Uint8Array(await r.arrayBuffer()));
}

describe('staff intake inbox', () => {
  let s: TestServer;
  let staffIdentity = '';
  before(async () => {
    s = await startTestServer({ users: true, intake: { powBits: 6, mailboxFloorMs: 10 } });
    const staff = await addIntakeKey(s.tumen.store, { name: 'staff', kind: 'staff' }, operator);
    staffIdentity = staff.identityFile.split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-'))!;
    await addIntakeKey(s.tumen.store, { name: 'escrow', kind: 'escrow' }, operator);
  });
  after(async () => s.close());

  test('list, open, reply to the sender, import as a source with custody entries; viewers are refused', async () => {
    const text = 'Testimony: 12 people were held in a house near the river.\n';
    const sent = await sendSubmission(s.url, { message: 'see the file', files: [{ name: 'testimony.txt', type: 'text/plain', bytes: new TextEncoder().encode(text) }] });
    assert.equal(sent.status, 200);
    const analyst = await s.as('analyst');
    const list = await analyst.request('GET', '/api/intake/submissions');
    assert.equal(list.status, 200);
    assert.ok(list.body.some((x: { id: string }) => x.id === sent.id));
    const viewer = await s.as('viewer');
    assert.equal((await viewer.request('GET', '/api/intake/submissions')).status, 403);

    const detail = (await analyst.request('GET', `/api/intake/submissions/${sent.id}`)).body;
    const byKind = (k: string) => detail.objects.find((o: { kind: string }) => o.kind === k).id as string;
    assert.equal(new TextDecoder().decode(await decrypt(analyst, s.url, byKind('message'), staffIdentity)), 'see the file');
    const manifest = JSON.parse(new TextDecoder().decode(await decrypt(analyst, s.url, byKind('manifest'), staffIdentity)));
    const fileBytes = await decrypt(analyst, s.url, byKind('file'), staffIdentity);

    const replyCt = await encryptTo([...detail.recipients, detail.replyRecipient], '우리가 읽었습니다');
    const reply = await analyst.request('POST', `/api/intake/submissions/${sent.id}/replies`, { ciphertext: Buffer.from(replyCt).toString('base64') });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const notToSender = await encryptTo(detail.recipients, 'x');
    assert.equal((await analyst.request('POST', `/api/intake/submissions/${sent.id}/replies`, { ciphertext: Buffer.from(notToSender).toString('base64') })).body.error.id, 'intake_wrong_recipients');
    const box = await intakeJson(s.url, 'POST', '/intake/api/mailbox', { mailboxId: sent.keys.mailboxId, authKey: sent.keys.authKey });
    const d = new Decrypter();
    d.addIdentity(sent.keys.replyIdentity);
    assert.equal(await d.decrypt(Buffer.from(box.body.replies[0].ciphertext, 'base64'), 'text'), '우리가 읽었습니다');

    const headers = (sha: string) => ({ 'content-type': 'application/octet-stream', 'x-file-name': 'testimony.txt', 'x-intake-object': byKind('file'), 'x-expected-sha256': sha });
    const send = (sha: string) => fetch(`${s.url}/api/intake/submissions/${sent.id}/import`, { method: 'POST', headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrfToken, ...headers(sha) }, body: fileBytes as Uint8Array<ArrayBuffer> });
    const wrong = await send('0'.repeat(64));
    assert.equal(wrong.status, 400);
    const imported = await send(manifest.files[0].sha256);
    assert.equal(imported.status, 201);
    const result = (await imported.json()) as { sourceId: string; sha256: string };
    const sha = createHash('sha256').update(fileBytes).digest('hex');
    assert.equal(result.sha256, sha);
    assert.equal(sha, manifest.files[0].sha256, 'byte for byte what the sender sent');
    const evidence = await s.tumen.store.evidence.forSourceUnrestricted(result.sourceId);
    assert.equal(evidence[0]!.sha256, sha);
    const custody = (await s.tumen.store.audit.list({ limit: 1000 })).filter((e) => e.entityId === sent.id).map((e) => [e.action, e.actor]);
    const analystId = s.users!.analyst.id;
    assert.deepEqual(custody.map(([a]) => a), ['intake.received', 'intake.decrypted', 'intake.imported']);
    for (const [, who] of custody) assert.match(String(who), new RegExp(analystId));
  });
});
