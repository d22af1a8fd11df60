import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { decryptBuffer, encryptBuffer } from './blob-cipher.ts';
import { decryptFieldText, encryptField, parseEnvelope } from './envelope.ts';
import { CryptoError } from './errors.ts';
import { createKeyring } from './keyring.ts';
import { BLOB_HEADER_LENGTH, envelopeNeedsRewrap, rewrap, rewrapBlobHeader } from './rotation.ts';

const RECORD = 'c9e3b1d0-5a4f-4e2b-8c6d-1f0a9b8c7d6e';
const isCrypto = (reason: string) => (err: unknown) => err instanceof CryptoError && err.reason === reason;

test('rewrap changes only the wrapped key: nonce, ciphertext and tag stay byte-identical', () => {
  const oldRing = createKeyring(randomBytes(32));
  const newRing = createKeyring(randomBytes(32));
  fc.assert(
    fc.property(fc.string(), (text) => {
      const env = encryptField(oldRing, RECORD, text, 'testimony.body');
      assert.ok(envelopeNeedsRewrap(env, newRing));
      const rotated = rewrap(env, oldRing, newRing, RECORD, 'testimony.body');
      const before = parseEnvelope(env);
      const after = parseEnvelope(rotated);
      assert.deepEqual(rotated.subarray(69), env.subarray(69), 'data part byte-identical');
      assert.deepEqual([after.nonce, after.ciphertext, after.tag], [before.nonce, before.ciphertext, before.tag]);
      assert.notDeepEqual(after.wrappedKey, before.wrappedKey);
      assert.equal(
        decryptFieldText(newRing, RECORD, rotated, 'testimony.body'),
        text,
        'readable with the new key alone',
      );
      assert.throws(() => decryptFieldText(oldRing, RECORD, rotated, 'testimony.body'), isCrypto('unknown_key'));
      assert.equal(envelopeNeedsRewrap(rotated, newRing), false);
      assert.deepEqual(rewrap(rotated, oldRing, newRing, RECORD, 'testimony.body'), rotated, 'idempotent');
    }),
    { numRuns: 50 },
  );
});

test('rewrap refuses the wrong record or a keyring without the old key', () => {
  const oldRing = createKeyring(randomBytes(32));
  const newRing = createKeyring(randomBytes(32));
  const env = encryptField(oldRing, RECORD, 'x');
  assert.throws(() => rewrap(env, oldRing, newRing, 'another-record'), isCrypto('auth_failed'));
  assert.throws(() => rewrap(env, createKeyring(randomBytes(32)), newRing, RECORD), isCrypto('unknown_key'));
});

test('a blob is rotated by rewriting its header only', () => {
  const oldRing = createKeyring(randomBytes(32));
  const newRing = createKeyring(randomBytes(32));
  const plain = randomBytes(200_000);
  const blob = encryptBuffer(oldRing, 'evidence-1', plain, { chunkSize: 4096 });
  const header = rewrapBlobHeader(blob.subarray(0, BLOB_HEADER_LENGTH), oldRing, newRing, 'evidence-1');
  assert.equal(header.length, BLOB_HEADER_LENGTH);
  const rotated = Buffer.concat([header, blob.subarray(BLOB_HEADER_LENGTH)]);
  assert.deepEqual(rotated.subarray(BLOB_HEADER_LENGTH), blob.subarray(BLOB_HEADER_LENGTH), 'chunks untouched');
  assert.deepEqual(decryptBuffer(newRing, 'evidence-1', rotated), plain);
  assert.throws(() => decryptBuffer(oldRing, 'evidence-1', rotated), isCrypto('unknown_key'));
  assert.throws(
    () => rewrapBlobHeader(blob.subarray(0, BLOB_HEADER_LENGTH), oldRing, newRing, 'evidence-2'),
    isCrypto('auth_failed'),
  );
});
