import { Transform, type TransformCallback } from 'node:stream';
import { CryptoError } from './errors.ts';
import { toKeyring, type Keyring } from './keyring.ts';
import {
  DEFAULT_CHUNK_SIZE,
  HEADER_LENGTH,
  TAG_LENGTH,
  checkChunkSize,
  newBlob,
  openBlob,
  openChunk,
  sealChunk,
  type BlobState,
} from './blob-format.ts';

/**
 * Streaming encryption of evidence files; the format and its guarantees are in blob-format.ts.
 *
 * Decryption releases each chunk as soon as its own tag verifies, but truncation can only be
 * seen at the end. A consumer must therefore write to a temporary place and use the output
 * only once the stream finished without error (an error means: discard everything).
 */
export type BlobOptions = { chunkSize?: number };

/** Pending input without re-concatenating on every write (which would be quadratic). */
class ByteQueue {
  private parts: Buffer[] = [];
  length = 0;
  push(b: Buffer): void {
    if (b.length === 0) return;
    this.parts.push(b);
    this.length += b.length;
  }
  /** Removes and returns exactly n bytes (n <= length); zero-copy when one part suffices. */
  take(n: number): Buffer {
    const first = this.parts[0];
    let out: Buffer;
    if (first && first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.parts.shift();
      else this.parts[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let o = 0;
      while (o < n) {
        const p = this.parts[0]!;
        const k = Math.min(p.length, n - o);
        p.copy(out, o, 0, k);
        o += k;
        if (k === p.length) this.parts.shift();
        else this.parts[0] = p.subarray(k);
      }
    }
    this.length -= n;
    return out;
  }
}

const asBuffer = (chunk: unknown): Buffer => {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new CryptoError('invalid_argument', 'blob streams carry bytes only');
};

class BlobEncryptStream extends Transform {
  private readonly queue = new ByteQueue();
  private index = 0;
  constructor(
    private readonly state: BlobState,
    header: Buffer,
  ) {
    super();
    this.push(header);
  }
  override _transform(chunk: unknown, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.queue.push(asBuffer(chunk));
      // Keep a full chunk back until more data arrives: only then do we know it is not the last.
      while (this.queue.length > this.state.chunkSize) {
        for (const part of sealChunk(this.state, this.index++, false, this.queue.take(this.state.chunkSize)))
          this.push(part);
      }
      done();
    } catch (err) {
      done(err as Error);
    }
  }
  override _flush(done: TransformCallback): void {
    try {
      for (const part of sealChunk(this.state, this.index, true, this.queue.take(this.queue.length))) this.push(part);
      done();
    } catch (err) {
      done(err as Error);
    } finally {
      this.state.dek.fill(0);
    }
  }
  override _destroy(err: Error | null, done: (err: Error | null) => void): void {
    this.state.dek.fill(0);
    done(err);
  }
}

class BlobDecryptStream extends Transform {
  private readonly queue = new ByteQueue();
  private state: BlobState | null = null;
  private index = 0;
  constructor(
    private readonly keyring: Keyring,
    private readonly blobId: string,
  ) {
    super();
  }
  override _transform(chunk: unknown, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.queue.push(asBuffer(chunk));
      if (!this.state && this.queue.length >= HEADER_LENGTH)
        this.state = openBlob(this.keyring, this.blobId, this.queue.take(HEADER_LENGTH));
      const s = this.state;
      if (s) {
        const sealedSize = s.chunkSize + TAG_LENGTH;
        while (this.queue.length > sealedSize)
          this.push(openChunk(s, this.index++, false, this.queue.take(sealedSize)));
      }
      done();
    } catch (err) {
      done(err as Error);
    }
  }
  override _flush(done: TransformCallback): void {
    try {
      if (!this.state) throw new CryptoError('truncated', 'blob header is incomplete');
      if (this.queue.length < TAG_LENGTH) throw new CryptoError('truncated', 'blob ends inside its final chunk');
      this.push(openChunk(this.state, this.index, true, this.queue.take(this.queue.length)));
      done();
    } catch (err) {
      done(err as Error);
    } finally {
      this.state?.dek.fill(0);
    }
  }
  override _destroy(err: Error | null, done: (err: Error | null) => void): void {
    this.state?.dek.fill(0);
    done(err);
  }
}

export function createBlobEncryptStream(keys: Uint8Array | Keyring, blobId: string, opts: BlobOptions = {}): Transform {
  const { header, state } = newBlob(toKeyring(keys), blobId, opts.chunkSize ?? DEFAULT_CHUNK_SIZE);
  return new BlobEncryptStream(state, header);
}

export function createBlobDecryptStream(keys: Uint8Array | Keyring, blobId: string): Transform {
  if (blobId.length === 0) throw new CryptoError('invalid_argument', 'blob id is required');
  return new BlobDecryptStream(toKeyring(keys), blobId);
}

/** Same bytes as the stream produces; one preallocated output instead of a list of parts. */
export function encryptBuffer(
  keys: Uint8Array | Keyring,
  blobId: string,
  plaintext: Uint8Array,
  opts: BlobOptions = {},
): Buffer {
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  checkChunkSize(chunkSize);
  const { header, state } = newBlob(toKeyring(keys), blobId, chunkSize);
  const chunks = Math.max(1, Math.ceil(plaintext.length / chunkSize));
  const out = Buffer.allocUnsafe(HEADER_LENGTH + plaintext.length + chunks * TAG_LENGTH);
  let o = header.copy(out, 0);
  try {
    for (let i = 0; i < chunks; i++) {
      const piece = plaintext.subarray(i * chunkSize, Math.min(plaintext.length, (i + 1) * chunkSize));
      for (const part of sealChunk(state, i, i === chunks - 1, piece)) o += part.copy(out, o);
    }
    return out;
  } finally {
    state.dek.fill(0);
  }
}

export function decryptBuffer(keys: Uint8Array | Keyring, blobId: string, blob: Uint8Array): Buffer {
  const state = openBlob(toKeyring(keys), blobId, blob.subarray(0, HEADER_LENGTH));
  try {
    const payload = blob.length - HEADER_LENGTH;
    const sealedSize = state.chunkSize + TAG_LENGTH;
    const chunks = Math.max(1, Math.ceil(payload / sealedSize));
    const lastSize = payload - (chunks - 1) * sealedSize;
    if (lastSize < TAG_LENGTH) throw new CryptoError('truncated', 'blob ends inside its final chunk');
    const out = Buffer.allocUnsafe(payload - chunks * TAG_LENGTH);
    let o = 0;
    for (let i = 0; i < chunks; i++) {
      const start = HEADER_LENGTH + i * sealedSize;
      const sealed = blob.subarray(start, Math.min(blob.length, start + sealedSize));
      o += openChunk(state, i, i === chunks - 1, sealed).copy(out, o);
    }
    return out;
  } finally {
    state.dek.fill(0);
  }
}
