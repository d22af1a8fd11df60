import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { CryptoError } from './errors.ts';

/**
 * Master keys and data-key wrapping shared by field envelopes and evidence blobs.
 *
 * A master key is never used directly as an AES key: it is the input to HKDF (for the key-
 * encryption key) and to HMAC (for the key-check value), so each use has its own subkey and
 * a weakness in one construction cannot leak material for another.
 */
export const MASTER_KEY_LENGTH = 32;
export const KEY_ID_LENGTH = 8;
const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;
const DEK_LENGTH = 32;
/** key id | nonce | AES-256-GCM(DEK) | tag */
export const WRAPPED_KEY_LENGTH = KEY_ID_LENGTH + NONCE_LENGTH + DEK_LENGTH + TAG_LENGTH;

/** Ids are hex so they can be logged and stored in config; the bytes in ciphertexts are the raw 8. */
export type Keyring = { readonly currentKeyId: string; readonly keys: ReadonlyMap<string, Buffer> };

function checkKey(key: Uint8Array): void {
  if (key.length !== MASTER_KEY_LENGTH)
    throw new CryptoError('invalid_argument', `master key must be ${MASTER_KEY_LENGTH} bytes`);
}

/** Safe to store next to the data: proves a passphrase derived the right key without revealing it. */
export function keyCheckValue(masterKey: Uint8Array): Buffer {
  checkKey(masterKey);
  return createHmac('sha256', masterKey).update('tumen/key-check/v1').digest();
}

/** A hash of the key-check value, never of the key: ids are logged and stored in clear, and must not be a second function of the key itself. */
export function masterKeyId(masterKey: Uint8Array): string {
  return createHash('sha256').update(keyCheckValue(masterKey)).digest().subarray(0, KEY_ID_LENGTH).toString('hex');
}

/** The first key is the one new data is wrapped under; the rest stay readable until rotated away. */
export function createKeyring(current: Uint8Array, ...older: Uint8Array[]): Keyring {
  const keys = new Map<string, Buffer>();
  for (const k of [current, ...older]) keys.set(masterKeyId(k), Buffer.from(k));
  return { currentKeyId: masterKeyId(current), keys };
}

export function toKeyring(keys: Uint8Array | Keyring): Keyring {
  return keys instanceof Uint8Array ? createKeyring(keys) : keys;
}

function kek(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'tumen/kek/v1', 32));
}

/** Length-prefixed so ('ab','c') and ('a','bc') can never produce the same associated data. */
export function encodeContext(parts: readonly (string | Uint8Array)[]): Buffer {
  const out: Buffer[] = [];
  for (const p of parts) {
    const b = typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    out.push(len, b);
  }
  return Buffer.concat(out);
}

export function newDataKey(): Buffer {
  return randomBytes(DEK_LENGTH);
}

/**
 * Wraps a data key under the keyring's current master key with AES-256-GCM and a random
 * 96-bit nonce; the key id and caller context (record id, purpose) are associated data, so a
 * wrapped key moved to another record or relabelled with another key id fails to unwrap.
 * Random nonces bound us to ~2^32 wraps per master key (NIST SP 800-38D); rotate well before.
 */
export function wrapDataKey(keyring: Keyring, dek: Uint8Array, context: readonly (string | Uint8Array)[]): Buffer {
  const master = keyring.keys.get(keyring.currentKeyId);
  if (!master) throw new CryptoError('invalid_argument', 'keyring has no current key');
  const keyId = Buffer.from(keyring.currentKeyId, 'hex');
  const nonce = randomBytes(NONCE_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', kek(master), nonce, { authTagLength: TAG_LENGTH });
  cipher.setAAD(encodeContext(['tumen/dek/v1', keyId, ...context]));
  const wrapped = Buffer.concat([keyId, nonce, cipher.update(dek), cipher.final(), cipher.getAuthTag()]);
  return wrapped;
}

/** The key id inside a wrapped key, for callers deciding whether rotation is needed. */
export function wrappedKeyId(wrapped: Uint8Array): string {
  if (wrapped.length < WRAPPED_KEY_LENGTH) throw new CryptoError('malformed', 'wrapped key too short');
  return Buffer.from(wrapped.subarray(0, KEY_ID_LENGTH)).toString('hex');
}

export function unwrapDataKey(
  keyring: Keyring,
  wrapped: Uint8Array,
  context: readonly (string | Uint8Array)[],
): Buffer {
  if (wrapped.length !== WRAPPED_KEY_LENGTH) throw new CryptoError('malformed', 'wrapped key has the wrong length');
  const id = wrappedKeyId(wrapped);
  const master = keyring.keys.get(id);
  if (!master) throw new CryptoError('unknown_key', `no master key with id ${id} in the keyring`);
  let o = KEY_ID_LENGTH;
  const nonce = wrapped.subarray(o, (o += NONCE_LENGTH));
  const body = wrapped.subarray(o, (o += DEK_LENGTH));
  const tag = wrapped.subarray(o, (o += TAG_LENGTH));
  const decipher = createDecipheriv('aes-256-gcm', kek(master), nonce, { authTagLength: TAG_LENGTH });
  decipher.setAAD(encodeContext(['tumen/dek/v1', wrapped.subarray(0, KEY_ID_LENGTH), ...context]));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new CryptoError('auth_failed', 'data key did not authenticate (tampered, wrong key or wrong record)');
  }
}
