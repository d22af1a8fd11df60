import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CryptoError } from './errors.ts';
import { newDataKey, unwrapDataKey, wrapDataKey, WRAPPED_KEY_LENGTH, type Keyring } from './keyring.ts';

/**
 * Evidence blob format, version 1: a STREAM-style chunked AEAD (Hoang, Reyhanitabar, Rogaway,
 * Vizár 2015; the same idea as age's payload), so files of any size are encrypted and checked
 * in bounded memory.
 *
 * Header, 85 bytes:
 *   0   4  magic "TMNB"
 *   4   1  version = 0x01
 *   5   4  chunk size C (plaintext bytes per chunk, u32 big-endian)
 *   9   8  random nonce prefix
 *   17 68  data key wrapped under the master key (keyring.ts), bound to ('blob/v1', blob id)
 * Then chunks: AES-256-GCM(DEK, nonce = prefix || u32 BE chunk index, aad = header[0..17] || final)
 *   - every chunk but the last holds exactly C plaintext bytes; the last holds 0..C and has
 *     final = 0x01 (0 bytes only when the whole file is empty);
 *   - the index in the nonce stops reordering, duplication and dropping chunks in the middle;
 *   - the final flag stops truncation at a chunk boundary and appending after the end;
 *   - header[0..17] in every tag stops editing the chunk size or prefix.
 * The DEK is fresh per blob, so (key, nonce) never repeats; the random prefix is a second
 * guard should a caller ever reuse a DEK. Bytes 17..85 are excluded from the chunk AAD so that
 * rotation can re-wrap the data key in place (rotation.ts) without touching the chunks.
 */
export const BLOB_MAGIC = Buffer.from('TMNB', 'latin1');
export const BLOB_VERSION = 1;
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
/** Keeps a forged header from making the reader buffer gigabytes before any tag is checked. */
export const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
export const TAG_LENGTH = 16;
const PREFIX_LENGTH = 8;
const MAX_CHUNKS = 2 ** 32; // the chunk index is a u32 in the nonce
export const AAD_HEADER_LENGTH = 4 + 1 + 4 + PREFIX_LENGTH;
export const WRAP_OFFSET = AAD_HEADER_LENGTH;
export const HEADER_LENGTH = AAD_HEADER_LENGTH + WRAPPED_KEY_LENGTH;

export const blobWrapContext = (blobId: string) => ['blob/v1', blobId];

export type BlobState = { dek: Buffer; chunkSize: number; prefix: Buffer; headerAad: Buffer };

export function checkChunkSize(chunkSize: number): void {
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
    throw new CryptoError('invalid_argument', `chunk size must be 1..${MAX_CHUNK_SIZE} bytes`);
  }
}

function checkBlobId(blobId: string): void {
  if (blobId.length === 0) throw new CryptoError('invalid_argument', 'blob id is required');
}

export function newBlob(keyring: Keyring, blobId: string, chunkSize: number): { header: Buffer; state: BlobState } {
  checkBlobId(blobId);
  checkChunkSize(chunkSize);
  const dek = newDataKey();
  const headerAad = Buffer.alloc(AAD_HEADER_LENGTH);
  BLOB_MAGIC.copy(headerAad, 0);
  headerAad[4] = BLOB_VERSION;
  headerAad.writeUInt32BE(chunkSize, 5);
  const prefix = randomBytes(PREFIX_LENGTH);
  prefix.copy(headerAad, 9);
  const header = Buffer.concat([headerAad, wrapDataKey(keyring, dek, blobWrapContext(blobId))]);
  return { header, state: { dek, chunkSize, prefix, headerAad } };
}

/** Checks framing only; the header is authenticated by the key unwrap and by every chunk tag. */
export function parseBlobHeader(header: Uint8Array): {
  chunkSize: number;
  prefix: Buffer;
  headerAad: Buffer;
  wrappedKey: Buffer;
} {
  const h = Buffer.from(header.buffer, header.byteOffset, header.byteLength);
  if (h.length < HEADER_LENGTH) throw new CryptoError('truncated', 'blob header is incomplete');
  if (!h.subarray(0, 4).equals(BLOB_MAGIC)) throw new CryptoError('malformed', 'not a Tumen encrypted blob');
  if (h[4] !== BLOB_VERSION) throw new CryptoError('unsupported_version', `blob version ${h[4]} is not supported`);
  const chunkSize = h.readUInt32BE(5);
  try {
    checkChunkSize(chunkSize);
  } catch {
    throw new CryptoError('malformed', 'blob header has an impossible chunk size');
  }
  return {
    chunkSize,
    prefix: Buffer.from(h.subarray(9, AAD_HEADER_LENGTH)),
    headerAad: Buffer.from(h.subarray(0, AAD_HEADER_LENGTH)),
    wrappedKey: Buffer.from(h.subarray(WRAP_OFFSET, HEADER_LENGTH)),
  };
}

export function openBlob(keyring: Keyring, blobId: string, header: Uint8Array): BlobState {
  checkBlobId(blobId);
  const p = parseBlobHeader(header);
  const dek = unwrapDataKey(keyring, p.wrappedKey, blobWrapContext(blobId));
  return { dek, chunkSize: p.chunkSize, prefix: p.prefix, headerAad: p.headerAad };
}

function chunkNonce(s: BlobState, index: number): Buffer {
  if (index >= MAX_CHUNKS) throw new CryptoError('invalid_argument', 'blob has too many chunks for its chunk size');
  const nonce = Buffer.alloc(12);
  s.prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, PREFIX_LENGTH);
  return nonce;
}

const chunkAad = (s: BlobState, final: boolean) => Buffer.concat([s.headerAad, Buffer.of(final ? 1 : 0)]);

/** Returns ciphertext || tag for one chunk. */
export function sealChunk(s: BlobState, index: number, final: boolean, plaintext: Uint8Array): Buffer[] {
  const cipher = createCipheriv('aes-256-gcm', s.dek, chunkNonce(s, index), { authTagLength: TAG_LENGTH });
  cipher.setAAD(chunkAad(s, final));
  const body = cipher.update(plaintext);
  cipher.final();
  return [body, cipher.getAuthTag()];
}

/** Null when the tag does not verify, so callers can tell truncation from tampering. */
export function tryOpenChunk(s: BlobState, index: number, final: boolean, sealed: Uint8Array): Buffer | null {
  if (sealed.length < TAG_LENGTH || sealed.length > s.chunkSize + TAG_LENGTH) return null;
  const decipher = createDecipheriv('aes-256-gcm', s.dek, chunkNonce(s, index), { authTagLength: TAG_LENGTH });
  decipher.setAAD(chunkAad(s, final));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_LENGTH));
  const body = decipher.update(sealed.subarray(0, sealed.length - TAG_LENGTH));
  try {
    decipher.final();
    return body;
  } catch {
    return null;
  }
}

export function openChunk(s: BlobState, index: number, final: boolean, sealed: Uint8Array): Buffer {
  const body = tryOpenChunk(s, index, final, sealed);
  if (body) return body;
  // A final chunk that verifies as a middle chunk means the rest of the file was cut off.
  if (final && sealed.length === s.chunkSize + TAG_LENGTH && tryOpenChunk(s, index, false, sealed)) {
    throw new CryptoError('truncated', 'blob ends at a chunk boundary before its final chunk');
  }
  throw new CryptoError('auth_failed', `blob chunk ${index} did not authenticate`);
}
