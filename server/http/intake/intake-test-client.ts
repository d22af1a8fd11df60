import { Encrypter, identityToRecipient } from 'age-encryption';
import { createHash } from 'node:crypto';
import { deriveMailbox, generateReceipt, type MailboxKeys } from '../../../domain/intake/receipt.ts';
import { solvePow } from '../../../domain/intake/pow.ts';

/**
 * What the browser does, in Node, for API tests: encrypt to the configured recipients, prove
 * work, declare, upload in chunks, finish. `tamper` lets a test send bytes other than the
 * honest ciphertext of an object.
 */
export interface Sent {
  status: number;
  body: any;
  id?: string;
  receipt: string;
  keys: MailboxKeys;
}

export interface FileToSend {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export async function encryptTo(recipients: readonly string[], plaintext: Uint8Array | string): Promise<Uint8Array> {
  const e = new Encrypter();
  for (const r of recipients) e.addRecipient(r);
  return e.encrypt(plaintext);
}

export async function intakeJson(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const r = await fetch(`${url}${path}`, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, headers: r.headers, body: (r.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text };
}

export async function proofOfWork(url: string): Promise<{ challenge: string; nonce: string }> {
  const c = (await intakeJson(url, 'POST', '/intake/api/challenge')).body as { challenge: string; bits: number };
  return { challenge: c.challenge, nonce: solvePow(c.challenge, c.bits) };
}

export async function sendSubmission(
  url: string,
  opts: { message: string; files?: FileToSend[]; recipients?: string[]; tamper?: (kind: string, bytes: Uint8Array) => Uint8Array; declare?: (kind: string, size: number) => number; headers?: Record<string, string> },
): Promise<Sent> {
  const config = (await intakeJson(url, 'GET', '/intake/api/config')).body as { recipients: string[]; chunkBytes: number };
  const recipients = opts.recipients ?? config.recipients;
  const receipt = generateReceipt('en');
  const keys = await deriveMailbox(receipt);
  const files = opts.files ?? [];
  const manifest = { version: 1, consent: true, files: files.map((f) => ({ name: f.name, type: f.type, size: f.bytes.length, sha256: createHash('sha256').update(f.bytes).digest('hex'), stripped: false })) };
  const plain: Array<{ kind: string; bytes: Uint8Array }> = [
    { kind: 'message', bytes: await encryptTo(recipients, opts.message) },
    ...(await Promise.all(files.map(async (f) => ({ kind: 'file', bytes: await encryptTo(recipients, f.bytes) })))),
    { kind: 'manifest', bytes: await encryptTo(recipients, JSON.stringify(manifest)) },
  ];
  const objects = plain.map((o) => ({ kind: o.kind, bytes: opts.tamper ? opts.tamper(o.kind, o.bytes) : o.bytes }));
  const created = await intakeJson(
    url,
    'POST',
    '/intake/api/submissions',
    {
      pow: await proofOfWork(url),
      mailbox: { mailboxId: keys.mailboxId, authKey: keys.authKey, replyRecipient: await identityToRecipient(keys.replyIdentity) },
      objects: objects.map((o) => ({ kind: o.kind, size: opts.declare ? opts.declare(o.kind, o.bytes.length) : o.bytes.length })),
    },
    opts.headers,
  );
  if (created.status !== 201) return { ...created, receipt, keys };
  const { id, uploadToken } = created.body as { id: string; uploadToken: string; objects: Array<{ id: string }> };
  for (const [i, o] of objects.entries()) {
    const objectId = created.body.objects[i].id as string;
    for (let off = 0; off < o.bytes.length; off += config.chunkBytes) {
      const chunk = o.bytes.subarray(off, off + config.chunkBytes);
      const r = await fetch(`${url}/intake/api/objects/${objectId}?offset=${off}`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', authorization: `Intake ${uploadToken}`, ...opts.headers }, body: chunk as Uint8Array<ArrayBuffer> });
      if (r.status !== 200) return { status: r.status, body: await r.json(), id, receipt, keys };
    }
  }
  const done = await intakeJson(url, 'POST', `/intake/api/submissions/${id}/finish`, undefined, { authorization: `Intake ${uploadToken}`, ...opts.headers });
  return { status: done.status, body: done.body, id, receipt, keys };
}
