import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { createBlobDecryptStream, createBlobEncryptStream, decryptBuffer, encryptBuffer } from './blob-cipher.ts';
import { HEADER_LENGTH, TAG_LENGTH } from './blob-format.ts';
import { CryptoError, type CryptoFailure } from './errors.ts';

const KEY = randomBytes(32);
const BLOB = 'evidence/0f1e2d3c';

async function run(stream: Transform, parts: Uint8Array[]): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(Readable.from(parts), stream, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) out.push(chunk);
  });
  return Buffer.concat(out);
}

/** Cuts data at the given (sorted, deduplicated) offsets, so streams see arbitrary write boundaries. */
function split(data: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let prev = 0;
  for (const p of [...points, data.length]) {
    parts.push(data.subarray(prev, p));
    prev = p;
  }
  return parts.filter((p) => p.length > 0);
}

function failsSync(fn: () => unknown, reason?: CryptoFailure): void {
  assert.throws(fn, (e: unknown) => e instanceof CryptoError && (reason === undefined || e.reason === reason));
}
async function failsStream(blob: Buffer, reason?: CryptoFailure, blobId = BLOB, key = KEY): Promise<void> {
  await assert.rejects(
    run(createBlobDecryptStream(key, blobId), [blob]),
    (e: unknown) => e instanceof CryptoError && (reason === undefined || e.reason === reason),
  );
}

test('buffers round-trip at every size around the chunk boundaries', () => {
  for (const chunkSize of [1, 16, 100]) {
    for (const n of [0, 1, chunkSize - 1, chunkSize, chunkSize + 1, 2 * chunkSize, 3 * chunkSize + 7]) {
      const plain = randomBytes(n);
      const blob = encryptBuffer(KEY, BLOB, plain, { chunkSize });
      assert.equal(blob.length, HEADER_LENGTH + n + Math.max(1, Math.ceil(n / chunkSize)) * TAG_LENGTH);
      assert.deepEqual(decryptBuffer(KEY, BLOB, blob), plain, `n=${n} chunk=${chunkSize}`);
    }
  }
});

test('property: streams and buffers produce one format, for random data, chunk sizes and write boundaries', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uint8Array({ maxLength: 5000 }),
      fc.integer({ min: 1, max: 700 }),
      fc.array(fc.nat(), { maxLength: 12 }),
      async (bytes, chunkSize, cuts) => {
        const plain = Buffer.from(bytes);
        const streamed = await run(createBlobEncryptStream(KEY, BLOB, { chunkSize }), split(plain, cuts));
        assert.deepEqual(decryptBuffer(KEY, BLOB, streamed), plain);
        const buffered = encryptBuffer(KEY, BLOB, plain, { chunkSize });
        assert.equal(buffered.length, streamed.length);
        assert.deepEqual(await run(createBlobDecryptStream(KEY, BLOB), split(buffered, cuts)), plain);
      },
    ),
    { numRuns: 150 },
  );
});

test('property: any single-bit flip in a blob fails, by buffer and by stream', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uint8Array({ maxLength: 3000 }),
      fc.integer({ min: 1, max: 512 }),
      fc.nat(),
      async (bytes, chunkSize, pos) => {
        const blob = encryptBuffer(KEY, BLOB, bytes, { chunkSize });
        const bit = pos % (blob.length * 8);
        blob[bit >> 3]! ^= 1 << (bit & 7);
        failsSync(() => decryptBuffer(KEY, BLOB, blob));
        await failsStream(blob);
      },
    ),
    { numRuns: 300 },
  );
});

test('every single-bit flip in a small blob fails', () => {
  const blob = encryptBuffer(KEY, BLOB, randomBytes(40), { chunkSize: 16 });
  for (let bit = 0; bit < blob.length * 8; bit++) {
    const bad = Buffer.from(blob);
    bad[bit >> 3]! ^= 1 << (bit & 7);
    failsSync(() => decryptBuffer(KEY, BLOB, bad));
  }
});

test('truncation, reordering, duplication and appending are detected', async () => {
  const cs = 64;
  const sealed = cs + TAG_LENGTH;
  const blob = encryptBuffer(KEY, BLOB, randomBytes(cs * 3 + 10), { chunkSize: cs });
  const header = blob.subarray(0, HEADER_LENGTH);
  const chunk = (i: number) => blob.subarray(HEADER_LENGTH + i * sealed, HEADER_LENGTH + (i + 1) * sealed);
  const cases: [string, Buffer, CryptoFailure][] = [
    ['last chunk dropped at a boundary', blob.subarray(0, HEADER_LENGTH + 3 * sealed), 'truncated'],
    ['two chunks dropped', blob.subarray(0, HEADER_LENGTH + 2 * sealed), 'truncated'],
    ['cut inside a chunk', blob.subarray(0, blob.length - 5), 'auth_failed'],
    ['cut inside a tag', blob.subarray(0, HEADER_LENGTH + 3 * sealed + 7), 'truncated'],
    ['header only', Buffer.from(header), 'truncated'],
    ['half a header', blob.subarray(0, 40), 'truncated'],
    [
      'chunks 0 and 1 swapped',
      Buffer.concat([header, chunk(1), chunk(0), blob.subarray(HEADER_LENGTH + 2 * sealed)]),
      'auth_failed',
    ],
    ['chunk 0 duplicated', Buffer.concat([header, chunk(0), blob.subarray(HEADER_LENGTH)]), 'auth_failed'],
    ['bytes appended', Buffer.concat([blob, Buffer.alloc(1)]), 'auth_failed'],
    ['a whole chunk appended', Buffer.concat([blob, chunk(0)]), 'auth_failed'],
  ];
  for (const [name, bad, reason] of cases) {
    assert.throws(
      () => decryptBuffer(KEY, BLOB, bad),
      (e: unknown) => e instanceof CryptoError && e.reason === reason,
      `buffer: ${name}`,
    );
    await failsStream(bad, reason);
  }
});

test('an empty file round-trips; editing the header chunk size fails', () => {
  const blob = encryptBuffer(KEY, BLOB, Buffer.alloc(0), { chunkSize: 64 });
  assert.equal(blob.length, HEADER_LENGTH + TAG_LENGTH);
  assert.deepEqual(decryptBuffer(KEY, BLOB, blob), Buffer.alloc(0));
  const resized = encryptBuffer(KEY, BLOB, randomBytes(300), { chunkSize: 64 });
  resized.writeUInt32BE(128, 5); // reframe the same bytes as 128-byte chunks
  failsSync(() => decryptBuffer(KEY, BLOB, resized), 'auth_failed');
  resized.writeUInt32BE(0, 5);
  failsSync(() => decryptBuffer(KEY, BLOB, resized), 'malformed');
});

test('the wrong key or blob id is refused before any plaintext is released', async () => {
  const blob = encryptBuffer(KEY, BLOB, randomBytes(1000), { chunkSize: 100 });
  failsSync(() => decryptBuffer(randomBytes(32), BLOB, blob), 'unknown_key');
  failsSync(() => decryptBuffer(KEY, 'evidence/other', blob), 'auth_failed');
  await failsStream(blob, 'unknown_key', BLOB, randomBytes(32));
  await failsStream(blob, 'auth_failed', 'evidence/other');
  failsSync(() => encryptBuffer(KEY, BLOB, Buffer.alloc(1), { chunkSize: 0 }), 'invalid_argument');
});

test('a 3 MiB file streams through the default 64 KiB chunks', async () => {
  const plain = randomBytes(3 * 1024 * 1024 + 123);
  const parts = split(
    plain,
    Array.from({ length: 40 }, () => Math.floor(Math.random() * plain.length)),
  );
  const blob = await run(createBlobEncryptStream(KEY, BLOB), parts);
  assert.equal(blob.length, HEADER_LENGTH + plain.length + Math.ceil(plain.length / 65536) * TAG_LENGTH);
  assert.deepEqual(
    await run(createBlobDecryptStream(KEY, BLOB), split(blob, [1, 84, 85, 86, 65_000, 1_000_000])),
    plain,
  );
});
