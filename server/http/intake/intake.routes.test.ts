import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Decrypter } from 'age-encryption';
import { exportSubmission } from '../../../app/intake/export.ts';
import { IntakeService } from '../../../app/intake/intake-service.ts';
import { addIntakeKey } from '../../../app/intake/recipients.ts';
import { deriveMailbox, generateReceipt } from '../../../domain/intake/receipt.ts';
import { operator } from '../../../test/keys.ts';
import { startTestServer, type TestServer } from '../../test-server.ts';
import { encryptTo, intakeJson, proofOfWork, sendSubmission } from './intake-test-client.ts';

const LIMIT = 3 * 1024 * 1024;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function ageDecrypt(identityFile: string, file: string): Buffer {
  const r = spawnSync('age', ['-d', '-i', identityFile, file]);
  assert.equal(r.status, 0, r.stderr.toString());
  return r.stdout;
}

/** Every file under the data folder's intake store, recursively. */
function intakeFiles(s: TestServer): string[] {
  const root = join(s.tumen.config.dataDir, 'intake');
  return existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name) : [];
}

describe('secure intake API', () => {
  let s: TestServer;
  const keys = mkdtempSync(join(tmpdir(), 'tumen-intake-keys-'));
  const staffFile = join(keys, 'staff.txt');
  const escrowFile = join(keys, 'escrow.txt');
  before(async () => {
    s = await startTestServer({ intake: { powBits: 8, mailboxFloorMs: 150, maxSubmissionBytes: LIMIT, chunkBytes: 256 * 1024 } });
    const closed = await intakeJson(s.url, 'GET', '/intake/api/config');
    assert.equal(closed.body.error.id, 'intake_no_recipients', 'no recipient, no intake');
    writeFileSync(staffFile, (await addIntakeKey(s.tumen.store, { name: 'staff one', kind: 'staff' }, operator)).identityFile);
    writeFileSync(escrowFile, (await addIntakeKey(s.tumen.store, { name: 'escrow', kind: 'escrow' }, operator)).identityFile);
  });
  after(async () => s.close());

  test('config names every staff (hybrid) and escrow (X25519) recipient and the limits', async () => {
    const r = await intakeJson(s.url, 'GET', '/intake/api/config');
    assert.equal(r.status, 200);
    assert.equal(r.body.recipients.length, 2);
    assert.ok(r.body.recipients.some((x: string) => x.startsWith('age1pq1')));
    assert.ok(r.body.recipients.some((x: string) => /^age1[^p]/.test(x)));
    assert.equal(r.body.maxSubmissionBytes, LIMIT);
  });

  test('a submission is stored as sent; export opens with Debian age (escrow) and with the staff hybrid key', async () => {
    const file = new Uint8Array(randomBytes(700_000));
    const sent = await sendSubmission(s.url, { message: 'please help us', files: [{ name: 'photo.jpg', type: 'image/jpeg', bytes: file }] });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.match(sent.body.day, /^\d{4}-\d{2}-\d{2}$/);
    const listed = (await s.tumen.store.intake.list()).find((x) => x.id === sent.id);
    assert.ok(listed);
    assert.equal(listed.files, 1);
    const out = mkdtempSync(join(tmpdir(), 'tumen-intake-out-'));
    const names = await exportSubmission(s.tumen.store, new IntakeService(s.tumen).files, sent.id!, out);
    assert.deepEqual(names, ['00-message.age', '01-file.age', '02-manifest.age', '03-received.age']);
    assert.equal(ageDecrypt(escrowFile, join(out, '00-message.age')).toString(), 'please help us');
    assert.equal(sha(ageDecrypt(escrowFile, join(out, '01-file.age'))), sha(file));
    const manifest = JSON.parse(ageDecrypt(escrowFile, join(out, '02-manifest.age')).toString());
    assert.equal(manifest.files[0].sha256, sha(file));
    assert.match(JSON.parse(ageDecrypt(escrowFile, join(out, '03-received.age')).toString()).receivedAt, /T\d{2}:\d{2}/);
    const d = new Decrypter();
    d.addIdentity(readFileSync(staffFile, 'utf8').split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-PQ-'))!);
    assert.equal(await d.decrypt(readFileSync(join(out, '00-message.age')), 'text'), 'please help us');
  });

  test('bad ciphertext is refused with a clear id and leaves nothing behind', async () => {
    const before = intakeFiles(s).length;
    const rows = (await s.tumen.store.intake.list()).length;
    const config = (await intakeJson(s.url, 'GET', '/intake/api/config')).body;
    const staffOnly = [config.recipients.find((r: string) => r.startsWith('age1pq1'))];
    const file = [{ name: 'f.bin', type: 'application/octet-stream', bytes: new Uint8Array(randomBytes(2 * 65536)) }];
    const cases: Array<[string, Parameters<typeof sendSubmission>[1], string]> = [
      ['wrong recipients (escrow missing)', { message: 'x', recipients: staffOnly }, 'intake_wrong_recipients'],
      ['not age at all', { message: 'x', tamper: (k, b) => (k === 'message' ? new TextEncoder().encode('hello, plain text') : b) }, 'intake_not_age'],
      ['truncated inside the last frame', { message: 'x', files: file, tamper: (k, b) => (k === 'file' ? b.subarray(0, b.length - 65552 + 10) : b) }, 'intake_framing'],
      ['truncated inside the header', { message: 'x', tamper: (k, b) => (k === 'message' ? b.subarray(0, 60) : b) }, 'intake_truncated'],
      ['header lines reordered', { message: 'x', tamper: (k, b) => (k === 'message' ? reorderHeader(b) : b) }, 'intake_header_malformed'],
      ['stanza tampered', { message: 'x', tamper: (k, b) => (k === 'message' ? replaceOnce(b, '-> X25519 ', '-> X25519 !') : b) }, 'intake_header_malformed'],
      ['stanza type changed', { message: 'x', tamper: (k, b) => (k === 'message' ? replaceOnce(b, '-> X25519 ', '-> X25518 ') : b) }, 'intake_wrong_recipients'],
      ['declared shorter than sent', { message: 'x', declare: (k, n) => (k === 'manifest' ? n - 5 : n) }, 'intake_framing'],
      ['finished before whole', { message: 'x', declare: (k, n) => (k === 'manifest' ? n + 5 : n) }, 'intake_incomplete'],
    ];
    for (const [label, opts, id] of cases) {
      const r = await sendSubmission(s.url, opts);
      assert.ok(r.status >= 400 && r.status < 500, `${label}: ${r.status}`);
      assert.equal(r.body.error.id, id, `${label}: ${JSON.stringify(r.body)}`);
    }
    // The incomplete one is still open for its sender to resume; every refused one left nothing.
    assert.equal((await s.tumen.store.intake.list()).length, rows);
    const left = intakeFiles(s).length - before;
    assert.ok(left <= 3, `only the unfinished (resumable) submission's parts remain: ${left}`);
  });

  test('a dropped upload resumes where the server stands; a chunk out of order is refused', async () => {
    const config = (await intakeJson(s.url, 'GET', '/intake/api/config')).body;
    const { identityToRecipient } = await import('age-encryption');
    const mailbox = await deriveMailbox(generateReceipt('ko'));
    const ct = await encryptTo(config.recipients, new Uint8Array(randomBytes(600_000)));
    const msg = await encryptTo(config.recipients, 'm');
    const man = await encryptTo(config.recipients, '{}');
    const created = await intakeJson(s.url, 'POST', '/intake/api/submissions', {
      pow: await proofOfWork(s.url),
      mailbox: { mailboxId: mailbox.mailboxId, authKey: mailbox.authKey, replyRecipient: await identityToRecipient(mailbox.replyIdentity) },
      objects: [{ kind: 'message', size: msg.length }, { kind: 'file', size: ct.length }, { kind: 'manifest', size: man.length }],
    });
    assert.equal(created.status, 201);
    const auth = { authorization: `Intake ${created.body.uploadToken}` };
    const put = (id: string, off: number, b: Uint8Array) => fetch(`${s.url}/intake/api/objects/${id}?offset=${off}`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', ...auth }, body: b as Uint8Array<ArrayBuffer> });
    const [m, f, mf] = created.body.objects.map((o: { id: string }) => o.id);
    assert.equal((await put(f, 0, ct.subarray(0, 200_000))).status, 200);
    // The answer to the next chunk is "lost": the client asks where the upload stands.
    const status = await intakeJson(s.url, 'GET', `/intake/api/objects/${f}`, undefined, auth);
    assert.deepEqual(status.body, { received: 200_000, size: ct.length, stored: false });
    const skipped = await put(f, 400_000, ct.subarray(400_000));
    assert.equal(((await skipped.json()) as any).error.id, 'intake_bad_offset');
    assert.equal((await put(f, 200_000, ct.subarray(200_000, 400_000))).status, 200);
    assert.equal((await put(f, 400_000, ct.subarray(400_000))).status, 200);
    assert.equal((await put(m, 0, msg)).status, 200);
    assert.equal((await put(mf, 0, man)).status, 200);
    const wrongToken = await intakeJson(s.url, 'GET', `/intake/api/objects/${f}`, undefined, { authorization: 'Intake nope' });
    assert.equal(wrongToken.status, 404);
    const done = await intakeJson(s.url, 'POST', `/intake/api/submissions/${created.body.id}/finish`, undefined, auth);
    assert.equal(done.status, 200);
  });

  test('uploads abandoned before yesterday are swept, parts and rows; received ones stay', async () => {
    const service = new IntakeService(s.tumen);
    const open = await s.tumen.store.intake.abandoned('9999-12-31');
    assert.ok(open.length >= 1, 'the test above left an unfinished upload');
    const received = (await s.tumen.store.intake.list()).length;
    assert.equal(await service.sweepAbandoned(Date.parse('9999-12-30T00:00:00Z')), open.length);
    assert.deepEqual(await s.tumen.store.intake.abandoned('9999-12-31'), []);
    assert.equal((await s.tumen.store.intake.list()).length, received);
    assert.ok(!intakeFiles(s).some((f) => f.endsWith('.part')), 'no part file left');
  });

  test('over the limit is refused before anything is stored', async () => {
    const before = intakeFiles(s).length;
    const r = await sendSubmission(s.url, { message: 'x', declare: (k, n) => (k === 'manifest' ? LIMIT : n) });
    assert.equal(r.status, 413);
    assert.equal(r.body.error.id, 'intake_too_large');
    assert.equal(intakeFiles(s).length, before);
  });

  test('proof of work: missing, wrong or reused is refused', async () => {
    const body = (pow: unknown) => ({ pow, mailbox: { mailboxId: '0'.repeat(32), authKey: '0'.repeat(64), replyRecipient: 'age1' + 'q'.repeat(58) }, objects: [{ kind: 'message', size: 300 }, { kind: 'manifest', size: 300 }] });
    const wrong = await intakeJson(s.url, 'POST', '/intake/api/submissions', body({ challenge: 'nope', nonce: '1' }));
    assert.equal(wrong.body.error.id, 'intake_proof_of_work');
    const pow = await proofOfWork(s.url);
    assert.equal((await intakeJson(s.url, 'POST', '/intake/api/submissions', body(pow))).status, 201);
    assert.equal((await intakeJson(s.url, 'POST', '/intake/api/submissions', body(pow))).body.error.id, 'intake_proof_of_work');
  });

  test('reply round trip; a wrong receipt reads nothing, like an unknown one, after the same floor', async () => {
    const sent = await sendSubmission(s.url, { message: 'first message' });
    assert.equal(sent.status, 200);
    await new IntakeService(s.tumen).reply(sent.id!, '답장: we read you');
    const open = await intakeJson(s.url, 'POST', '/intake/api/mailbox', { mailboxId: sent.keys.mailboxId, authKey: sent.keys.authKey });
    assert.equal(open.status, 200);
    assert.equal(open.body.replies.length, 1);
    const d = new Decrypter();
    d.addIdentity(sent.keys.replyIdentity);
    assert.equal(await d.decrypt(Buffer.from(open.body.replies[0].ciphertext, 'base64'), 'text'), '답장: we read you');

    const config = (await intakeJson(s.url, 'GET', '/intake/api/config')).body;
    const more = await intakeJson(s.url, 'POST', '/intake/api/mailbox/messages', { mailboxId: sent.keys.mailboxId, authKey: sent.keys.authKey, ciphertext: Buffer.from(await encryptTo(config.recipients, 'one more thing')).toString('base64') });
    assert.equal(more.status, 201);
    assert.equal((await s.tumen.store.intake.list()).find((x) => x.id === sent.id)?.followups, 1);

    const other = await deriveMailbox('abandon ability able about above absent absorb abstract');
    const answers = [];
    for (const proof of [{ mailboxId: sent.keys.mailboxId, authKey: 'f'.repeat(64) }, { mailboxId: other.mailboxId, authKey: other.authKey }, { mailboxId: 'x', authKey: 'y' }]) {
      const t0 = Date.now();
      const r = await intakeJson(s.url, 'POST', '/intake/api/mailbox', proof);
      assert.ok(Date.now() - t0 >= 140, 'slow');
      answers.push({ status: r.status, body: r.body });
    }
    assert.equal(answers[0]!.status, 404);
    assert.deepEqual(answers[1], answers[0]);
    assert.deepEqual(answers[2], answers[0]);
  });

  test('headers on the page, the no-JS form and the API', async () => {
    for (const path of ['/intake', '/intake/nojs', '/intake/api/config']) {
      const r = await fetch(s.url + path);
      const csp = r.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.equal(r.headers.get('cache-control'), 'no-store', path);
      assert.equal(r.headers.get('referrer-policy'), 'no-referrer', path);
      assert.match(r.headers.get('permissions-policy') ?? '', /camera=\(\), microphone=\(\), geolocation=\(\)/, path);
      assert.equal(r.headers.get('x-frame-options'), 'DENY', path);
      const html = await r.text();
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${path}: no inline script`);
      for (const m of html.matchAll(/<script[^>]*>/g)) assert.match(m[0], /integrity="sha384-/, `${path}: SRI`);
    }
    const ko = await (await fetch(`${s.url}/intake`, { headers: { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8' } })).text();
    assert.match(ko, /<html lang="ko">/);
    assert.ok(ko.indexOf('보호되는 것') < ko.indexOf('What is protected'), 'Korean first');
    const en = await (await fetch(`${s.url}/intake`, { headers: { 'accept-language': 'en-US,en;q=0.9' } })).text();
    assert.match(en, /<html lang="en">/);
    assert.match(en, /What is not protected/);
  });

  test('the no-JS form seals the text to the same recipients, labelled weaker', async () => {
    const page = await (await fetch(`${s.url}/intake/nojs`)).text();
    assert.match(page, /weaker/);
    const r = await fetch(`${s.url}/intake/nojs`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ message: 'no javascript here' }) });
    assert.equal(r.status, 200);
    assert.match(await r.text(), /id="sent"/);
    const row = (await s.tumen.store.intake.list()).find((x) => x.weaker);
    assert.ok(row);
    const out = mkdtempSync(join(tmpdir(), 'tumen-intake-nojs-'));
    await exportSubmission(s.tumen.store, new IntakeService(s.tumen).files, row.id, out);
    assert.equal(ageDecrypt(escrowFile, join(out, '00-message.age')).toString(), 'no javascript here');
    const empty = await fetch(`${s.url}/intake/nojs`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'message=' });
    assert.equal(empty.status, 400);
  });
});

function replaceOnce(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  return new Uint8Array(Buffer.from(text.replace(from, to), 'latin1'));
}

/** Moves the MAC line before the stanzas. */
function reorderHeader(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const end = text.indexOf('\n', text.indexOf('\n--- ') + 1);
  const lines = text.slice(0, end).split('\n');
  const mac = lines.pop()!;
  lines.splice(1, 0, mac);
  return new Uint8Array(Buffer.from(lines.join('\n') + text.slice(end), 'latin1'));
}
