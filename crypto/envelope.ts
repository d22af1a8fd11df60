import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CryptoError } from './errors.ts';
import {
  encodeContext,
  newDataKey,
  toKeyring,
  unwrapDataKey,
  wrapDataKey,
  WRAPPED_KEY_LENGTH,
  type Keyring,
} from './keyring.ts';

/**
 * Field envelope, version 1 (all lengths fixed except the ciphertext):
 *
 *   0      1 byte   version = 0x01
 *   1     68 bytes  wrapped data key: master key id (8) | nonce (12) | AES-256-GCM(DEK) (32) | tag (16)
 *   69    12 bytes  data nonce
 *   81     n bytes  AES-256-GCM(DEK, plaintext)
 *   81+n  16 bytes  data tag
 *
 * Every envelope gets a fresh random DEK, so the data nonce never repeats under a key. The data
 * is bound to (purpose, record id) through associated data, deliberately NOT to the master key
 * id: rotation re-wraps the DEK and must leave the ciphertext bytes alone (see rotation.ts).
 */
export const ENVELOPE_VERSION = 1;
const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;
const WRAP_OFFSET = 1;
const NONCE_OFFSET = WRAP_OFFSET + WRAPPED_KEY_LENGTH;
const DATA_OFFSET = NONCE_OFFSET + NONCE_LENGTH;
export const ENVELOPE_OVERHEAD = DATA_OFFSET + TAG_LENGTH;
/** Default purpose; callers should pass the field name so ciphertexts cannot be swapped between columns. */
export const DEFAULT_PURPOSE = 'field';

export type EnvelopeParts = { wrappedKey: Buffer; nonce: Buffer; ciphertext: Buffer; tag: Buffer };

function checkContext(recordId: string, purpose: string): void {
  if (recordId.length === 0 || purpose.length === 0)
    throw new CryptoError('invalid_argument', 'record id and purpose are required');
}

/** The wrap context and the data context differ in their label, so neither tag can stand in for the other. */
export function wrapContext(recordId: string, purpose: string): string[] {
  return ['envelope/v1', purpose, recordId];
}
const dataAad = (recordId: string, purpose: string) => encodeContext(['tumen/envelope/v1/data', purpose, recordId]);

export function parseEnvelope(envelope: Uint8Array): EnvelopeParts {
  const buf = Buffer.from(envelope.buffer, envelope.byteOffset, envelope.byteLength);
  if (buf.length < ENVELOPE_OVERHEAD) throw new CryptoError('malformed', 'envelope too short');
  if (buf[0] !== ENVELOPE_VERSION)
    throw new CryptoError('unsupported_version', `envelope version ${buf[0]} is not supported`);
  return {
    wrappedKey: buf.subarray(WRAP_OFFSET, NONCE_OFFSET),
    nonce: buf.subarray(NONCE_OFFSET, DATA_OFFSET),
    ciphertext: buf.subarray(DATA_OFFSET, buf.length - TAG_LENGTH),
    tag: buf.subarray(buf.length - TAG_LENGTH),
  };
}

export function serializeEnvelope(p: EnvelopeParts): Buffer {
  return Buffer.concat([Buffer.of(ENVELOPE_VERSION), p.wrappedKey, p.nonce, p.ciphertext, p.tag]);
}

/** Encrypts one field of one record under a fresh data key wrapped by the current master key. */
export function encryptField(
  keys: Uint8Array | Keyring,
  recordId: string,
  plaintext: string | Uint8Array,
  purpose = DEFAULT_PURPOSE,
): Buffer {
  checkContext(recordId, purpose);
  const dek = newDataKey();
  try {
    const wrappedKey = wrapDataKey(toKeyring(keys), dek, wrapContext(recordId, purpose));
    const nonce = randomBytes(NONCE_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', dek, nonce, { authTagLength: TAG_LENGTH });
    cipher.setAAD(dataAad(recordId, purpose));
    const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
    const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
    return serializeEnvelope({ wrappedKey, nonce, ciphertext, tag: cipher.getAuthTag() });
  } finally {
    dek.fill(0); // best effort: V8 may have copied it, but do not leave it lying in our buffer
  }
}

/** Throws CryptoError for any tampering, a wrong record id or purpose, or a key not in the keyring. */
export function decryptField(
  keys: Uint8Array | Keyring,
  recordId: string,
  envelope: Uint8Array,
  purpose = DEFAULT_PURPOSE,
): Buffer {
  checkContext(recordId, purpose);
  const p = parseEnvelope(envelope);
  const dek = unwrapDataKey(toKeyring(keys), p.wrappedKey, wrapContext(recordId, purpose));
  try {
    const decipher = createDecipheriv('aes-256-gcm', dek, p.nonce, { authTagLength: TAG_LENGTH });
    decipher.setAAD(dataAad(recordId, purpose));
    decipher.setAuthTag(p.tag);
    try {
      return Buffer.concat([decipher.update(p.ciphertext), decipher.final()]);
    } catch {
      throw new CryptoError('auth_failed', 'field ciphertext did not authenticate');
    }
  } finally {
    dek.fill(0);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
export function decryptFieldText(
  keys: Uint8Array | Keyring,
  recordId: string,
  envelope: Uint8Array,
  purpose = DEFAULT_PURPOSE,
): string {
  return utf8.decode(decryptField(keys, recordId, envelope, purpose));
}
