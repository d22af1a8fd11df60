import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { ENVELOPE_OVERHEAD, decryptField, decryptFieldText, encryptField, wrapContext } from './envelope.ts';
import { CryptoError, type CryptoFailure } from './errors.ts';
import { createKeyring, keyCheckValue, masterKeyId, unwrapDataKey, wrapDataKey, type Keyring } from './keyring.ts';

const RECORD = '0b6f3a52-8a8e-4c44-9a4e-6a3c2e1f0d11';
const OTHER_RECORD = '7d1c9e20-3b5f-4a61-8f0e-2c4d6b8a9e13';

function fails(fn: () => unknown, reason?: CryptoFailure): void {
  assert.throws(fn, (err: unknown) => err instanceof CryptoError && (reason === undefined || err.reason === reason));
}

test('a field round-trips and every encryption is fresh', () => {
  const key = randomBytes(32);
  const text = '함경북도 회령에서 2019년 강제송환된 증언';
  const a = encryptField(key, RECORD, text, 'testimony.body');
  const b = encryptField(key, RECORD, text, 'testimony.body');
  assert.notDeepEqual(a, b, 'same plaintext must not give the same envelope');
  assert.equal(decryptFieldText(key, RECORD, a, 'testimony.body'), text);
  assert.equal(a.length, ENVELOPE_OVERHEAD + Buffer.byteLength(text));
  assert.ok(!a.includes(Buffer.from(text)), 'no plaintext in the envelope');
  assert.deepEqual(decryptField(key, RECORD, encryptField(key, RECORD, Buffer.alloc(0))), Buffer.alloc(0));
});

test('property: random plaintext round-trips for random record ids', () => {
  const key = randomBytes(32);
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 4096 }), fc.string({ minLength: 1 }), (plain, id) => {
      assert.deepEqual(decryptField(key, id, encryptField(key, id, plain)), Buffer.from(plain));
    }),
    { numRuns: 200 },
  );
});

test('every single-bit flip anywhere in an envelope fails with a typed error', () => {
  const key = randomBytes(32);
  const env = encryptField(key, RECORD, 'short secret');
  for (let bit = 0; bit < env.length * 8; bit++) {
    const bad = Buffer.from(env);
    bad[bit >> 3]! ^= 1 << (bit & 7);
    fails(() => decryptField(key, RECORD, bad));
  }
});

test('property: a bit flip in an envelope of random plaintext fails', () => {
  const key = randomBytes(32);
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2048 }), fc.nat(), (plain, pos) => {
      const env = encryptField(key, RECORD, plain);
      const bit = pos % (env.length * 8);
      env[bit >> 3]! ^= 1 << (bit & 7);
      fails(() => decryptField(key, RECORD, env));
    }),
    { numRuns: 300 },
  );
});

test('an envelope moved to another record or field does not decrypt', () => {
  const key = randomBytes(32);
  const env = encryptField(key, RECORD, 'name of informant', 'person.name');
  fails(() => decryptField(key, OTHER_RECORD, env, 'person.name'), 'auth_failed');
  fails(() => decryptField(key, RECORD, env, 'person.alias'), 'auth_failed');
  // Splice the wrapped key of one envelope onto the data of another of the same record: the DEKs differ.
  const other = encryptField(key, RECORD, 'name of informant', 'person.name');
  const spliced = Buffer.concat([other.subarray(0, 69), env.subarray(69)]);
  fails(() => decryptField(key, RECORD, spliced, 'person.name'), 'auth_failed');
  fails(() => decryptField(key, RECORD, env.subarray(0, ENVELOPE_OVERHEAD - 1), 'person.name'), 'malformed');
  fails(() => decryptField(key, RECORD, Buffer.concat([env, Buffer.of(0)]), 'person.name'), 'auth_failed');
});

test('the version byte and key id are checked before any decryption', () => {
  const key = randomBytes(32);
  const env = encryptField(key, RECORD, 'x');
  const v2 = Buffer.from(env);
  v2[0] = 2;
  fails(() => decryptField(key, RECORD, v2), 'unsupported_version');
  const otherId = Buffer.from(env);
  otherId[1]! ^= 0xff;
  fails(() => decryptField(key, RECORD, otherId), 'unknown_key');
});

test('the wrong master key fails even when it claims the right key id', () => {
  const right = randomBytes(32);
  const wrong = randomBytes(32);
  const env = encryptField(right, RECORD, 'x');
  fails(() => decryptField(wrong, RECORD, env), 'unknown_key');
  const forged: Keyring = { currentKeyId: masterKeyId(right), keys: new Map([[masterKeyId(right), wrong]]) };
  fails(() => decryptField(forged, RECORD, env), 'auth_failed');
});

test('a keyring reads data under old keys and writes under the current one', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);
  const old = encryptField(createKeyring(k1), RECORD, 'before rotation');
  const ring = createKeyring(k2, k1);
  assert.equal(decryptFieldText(ring, RECORD, old), 'before rotation');
  const fresh = encryptField(ring, RECORD, 'after rotation');
  assert.equal(fresh.subarray(1, 9).toString('hex'), masterKeyId(k2));
  fails(() => decryptField(k1, RECORD, fresh), 'unknown_key');
});

test('key ids come from the key-check value, not from the key', () => {
  const key = randomBytes(32);
  const id = masterKeyId(key);
  assert.match(id, /^[0-9a-f]{16}$/);
  assert.equal(id, createHash('sha256').update(keyCheckValue(key)).digest().subarray(0, 8).toString('hex'));
  assert.notEqual(id, createHash('sha256').update(key).digest().subarray(0, 8).toString('hex'));
  assert.equal(masterKeyId(Buffer.from(key)), id, 'stable');
  fails(() => masterKeyId(randomBytes(16)), 'invalid_argument');
  fails(() => encryptField(randomBytes(32), '', 'x'), 'invalid_argument');
});

test('the data itself is bound to its record: a key re-wrapped for another record still fails', () => {
  // What a buggy (or malicious) rotation job holding the keys could produce.
  const ring = createKeyring(randomBytes(32));
  const env = encryptField(ring, RECORD, 'testimony', 'testimony.body');
  const dek = unwrapDataKey(ring, env.subarray(1, 69), wrapContext(RECORD, 'testimony.body'));
  const moved = Buffer.concat([
    env.subarray(0, 1),
    wrapDataKey(ring, dek, wrapContext(OTHER_RECORD, 'testimony.body')),
    env.subarray(69),
  ]);
  fails(() => decryptField(ring, OTHER_RECORD, moved, 'testimony.body'), 'auth_failed');
  const relabelled = Buffer.concat([
    env.subarray(0, 1),
    wrapDataKey(ring, dek, wrapContext(RECORD, 'person.name')),
    env.subarray(69),
  ]);
  fails(() => decryptField(ring, RECORD, relabelled, 'person.name'), 'auth_failed');
});
