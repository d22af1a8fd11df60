import { createHash } from 'node:crypto';
import { parseEnvelope } from '../crypto/envelope.ts';

/**
 * What the store needs from the key material, and nothing more: the keys themselves stay in
 * app/keys (the vault), so a repository can encrypt and decrypt but never hold or log a key.
 */
export interface Sealer {
  /** Person protected fields (canonical JSON) → envelope, base64, bound to the record id. */
  sealField(recordId: string, plaintext: string): string;
  openField(recordId: string, sealed: string): string;
  /**
   * Evidence files are stored under a keyed hash of their SHA-256, never the SHA-256 itself:
   * whoever holds a copy of a file could otherwise confirm that we hold it from a directory listing.
   */
  blobName(sha256: string): string;
  sealBlob(name: string, bytes: Uint8Array): Buffer;
  openBlob(name: string, sealed: Uint8Array): Buffer;
}

/**
 * The audit log hashes this instead of the plaintext (a bare hash of a birth date or a name can
 * be confirmed by guessing). It covers nonce, ciphertext and tag but not the wrapped data key,
 * so a key rotation (which re-wraps that key only) leaves every logged state hash valid.
 */
export function sealedFingerprint(sealed: string): string {
  const p = parseEnvelope(Buffer.from(sealed, 'base64'));
  return createHash('sha256').update(p.nonce).update(p.ciphertext).update(p.tag).digest('hex');
}
