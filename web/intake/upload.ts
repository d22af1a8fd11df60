import { Encrypter } from 'age-encryption';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * Encryption in the browser and the chunked upload. Each object is age ciphertext to every
 * recipient the server names; files are encrypted as a stream (never whole in memory) and hashed
 * on the way. A chunk whose answer is lost is asked about and resent: a dropped connection
 * resumes where the server stands, within this visit (nothing is kept on the device).
 */
export interface Config {
  recipients: string[];
  maxSubmissionBytes: number;
  chunkBytes: number;
  pow: { bits: number };
  kdf: { memoryKiB: number; passes: number };
}

export function encrypter(recipients: readonly string[]): Encrypter {
  const e = new Encrypter();
  for (const r of recipients) e.addRecipient(r);
  return e;
}

export async function json<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const r = await fetch(path, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', referrerPolicy: 'no-referrer' });
  const data = (await r.json()) as T & { error?: { id: string; message: string } };
  if (!r.ok) throw new Error(data.error ? `${data.error.message} (${data.error.id})` : `HTTP ${r.status}`);
  return data;
}

/** A file as an encrypted stream with its ciphertext length known in advance, hashed as it is read. */
export async function encryptedFile(blob: Blob, recipients: readonly string[]): Promise<{ stream: ReadableStream<Uint8Array>; size: number; sha256: Promise<string> }> {
  const h = sha256.create();
  let resolve!: (hex: string) => void;
  const digest = new Promise<string>((r) => (resolve = r));
  const hashing = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, c) {
      h.update(chunk);
      c.enqueue(chunk);
    },
    flush() {
      resolve(bytesToHex(h.digest()));
    },
  });
  const enc = await encrypter(recipients).encrypt(blob.stream().pipeThrough(hashing));
  return { stream: enc, size: enc.size(blob.size), sha256: digest };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends one chunk at `offset`; after a network failure, asks where the upload stands and goes on from there. */
async function putChunk(objectId: string, token: string, offset: number, chunk: Uint8Array): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const r = await fetch(`/intake/api/objects/${objectId}?offset=${offset}`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', authorization: `Intake ${token}` }, body: chunk as Uint8Array<ArrayBuffer>, cache: 'no-store', referrerPolicy: 'no-referrer' });
      if (r.ok) return;
      const body = (await r.json().catch(() => ({}))) as { error?: { id: string; message: string } };
      throw Object.assign(new Error(body.error ? `${body.error.message} (${body.error.id})` : `HTTP ${r.status}`), { final: true });
    } catch (err) {
      if ((err as { final?: boolean }).final || attempt >= 8) throw err;
      await sleep(500 * 2 ** Math.min(attempt, 4));
      const status = await json<{ received: number }>('GET', `/intake/api/objects/${objectId}`, undefined, { authorization: `Intake ${token}` }).catch(() => null);
      if (status && status.received === offset + chunk.length) return;
    }
  }
}

/** Uploads a stream (or bytes) in chunks of `chunkBytes`, reporting progress. */
export async function uploadObject(objectId: string, token: string, data: ReadableStream<Uint8Array> | Uint8Array, chunkBytes: number, progress: (sent: number) => void): Promise<void> {
  const stream = data instanceof Uint8Array ? new Blob([data as Uint8Array<ArrayBuffer>]).stream() : data;
  const reader = stream.getReader();
  let buf = new Uint8Array(chunkBytes);
  let fill = 0;
  let offset = 0;
  const flush = async () => {
    if (!fill) return;
    await putChunk(objectId, token, offset, buf.subarray(0, fill));
    offset += fill;
    fill = 0;
    buf = new Uint8Array(chunkBytes);
    progress(offset);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    let v = value;
    while (v.length) {
      const n = Math.min(v.length, chunkBytes - fill);
      buf.set(v.subarray(0, n), fill);
      fill += n;
      v = v.subarray(n);
      if (fill === chunkBytes) await flush();
    }
  }
  await flush();
}
