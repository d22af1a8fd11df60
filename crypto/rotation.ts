import { CryptoError } from './errors.ts';
import { DEFAULT_PURPOSE, parseEnvelope, serializeEnvelope, wrapContext } from './envelope.ts';
import { blobWrapContext, HEADER_LENGTH, parseBlobHeader, WRAP_OFFSET } from './blob-format.ts';
import { unwrapDataKey, wrapDataKey, wrappedKeyId, type Keyring } from './keyring.ts';

/**
 * Master-key rotation re-wraps each data key and leaves every ciphertext byte untouched: it
 * costs one small AES-GCM operation per record or blob whatever the data size, and a rotation
 * job interrupted half-way leaves each row readable under either keyring.
 *
 * The record id and purpose are needed because the wrapped key is bound to them; a rotation job
 * iterates rows and has both at hand. After every row is re-wrapped, drop the old key from the
 * keyring (and from backups' reach) — only then does rotation protect against a leaked old key.
 */

function rewrapKey(wrapped: Buffer, oldKeyring: Keyring, newKeyring: Keyring, context: string[]): Buffer {
  if (!newKeyring.keys.has(newKeyring.currentKeyId))
    throw new CryptoError('invalid_argument', 'new keyring has no current key');
  const dek = unwrapDataKey(oldKeyring, wrapped, context);
  try {
    return wrapDataKey(newKeyring, dek, context);
  } finally {
    dek.fill(0);
  }
}

/** True when the envelope is not yet wrapped under the keyring's current key. */
export function envelopeNeedsRewrap(envelope: Uint8Array, keyring: Keyring): boolean {
  return wrappedKeyId(parseEnvelope(envelope).wrappedKey) !== keyring.currentKeyId;
}

/**
 * Returns the envelope with its data key wrapped under newKeyring's current key. Idempotent:
 * an envelope already under that key is returned unchanged, so a restarted job does no harm.
 */
export function rewrap(
  envelope: Uint8Array,
  oldKeyring: Keyring,
  newKeyring: Keyring,
  recordId: string,
  purpose = DEFAULT_PURPOSE,
): Buffer {
  const parts = parseEnvelope(envelope);
  if (wrappedKeyId(parts.wrappedKey) === newKeyring.currentKeyId) return Buffer.from(envelope);
  return serializeEnvelope({
    ...parts,
    wrappedKey: rewrapKey(parts.wrappedKey, oldKeyring, newKeyring, wrapContext(recordId, purpose)),
  });
}

/**
 * Re-wraps a blob's data key. Takes and returns only the fixed-size header (HEADER_LENGTH
 * bytes), so a multi-gigabyte evidence file is rotated by overwriting its first bytes in place.
 */
export function rewrapBlobHeader(header: Uint8Array, oldKeyring: Keyring, newKeyring: Keyring, blobId: string): Buffer {
  const h = Buffer.from(header.subarray(0, HEADER_LENGTH));
  const { wrappedKey } = parseBlobHeader(h);
  if (wrappedKeyId(wrappedKey) === newKeyring.currentKeyId) return h;
  rewrapKey(wrappedKey, oldKeyring, newKeyring, blobWrapContext(blobId)).copy(h, WRAP_OFFSET);
  return h;
}

export { HEADER_LENGTH as BLOB_HEADER_LENGTH };
