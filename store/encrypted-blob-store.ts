import { createHash } from 'node:crypto';
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { NotFoundError } from '../domain/errors.ts';
import { ignoreMissing, writeFileDurably, type BlobStore } from './blob-store.ts';
import type { Sealer } from './sealing.ts';

const HEX64 = /^[0-9a-f]{64}$/;
/** The folder says which naming scheme its files use; plaintext-named blobs never mix in. */
export const ENCRYPTED_BLOB_FOLDER = 'hmac-sha256';

export class BlobIntegrityError extends Error {
  constructor(sha256: string) {
    super(`blob ${sha256.slice(0, 12)}… decrypts to different content`);
  }
}

/**
 * Evidence bytes encrypted at rest (crypto/blob-format.ts) under a per-file data key, stored
 * under a keyed hash of their SHA-256. The database keeps the plaintext SHA-256 (the evidence
 * identity); only this store maps it to a file, so a listing of the folder reveals nothing.
 */
export class EncryptedBlobStore implements BlobStore {
  constructor(
    readonly root: string,
    private readonly sealer: Sealer,
  ) {}

  nameOf(sha256: string): string {
    if (!HEX64.test(sha256)) throw new NotFoundError('blob');
    return this.sealer.blobName(sha256);
  }

  pathOfName(name: string): string {
    return join(this.root, ENCRYPTED_BLOB_FOLDER, name.slice(0, 2), name.slice(2, 4), name);
  }

  pathOf(sha256: string): string {
    return this.pathOfName(this.nameOf(sha256));
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number; created: boolean }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const name = this.nameOf(sha256);
    if (await this.has(sha256)) return { sha256, size: bytes.byteLength, created: false };
    await writeFileDurably(this.pathOfName(name), this.sealer.sealBlob(name, bytes));
    return { sha256, size: bytes.byteLength, created: true };
  }

  /** Decrypts (every chunk authenticated) and re-checks the SHA-256 before handing bytes out. */
  async get(sha256: string): Promise<Uint8Array> {
    const name = this.nameOf(sha256);
    let sealed: Buffer;
    try {
      sealed = await readFile(this.pathOfName(name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError('blob');
      throw err;
    }
    const plain = this.sealer.openBlob(name, sealed);
    if (createHash('sha256').update(plain).digest('hex') !== sha256) throw new BlobIntegrityError(sha256);
    return new Uint8Array(plain.buffer, plain.byteOffset, plain.byteLength);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await stat(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async remove(sha256: string): Promise<void> {
    await unlink(this.pathOf(sha256)).catch(ignoreMissing);
  }

  /** Every stored file name (not SHA-256): for key rotation, which needs no database. */
  async *names(): AsyncGenerator<string> {
    const base = join(this.root, ENCRYPTED_BLOB_FOLDER);
    for (const a of await readdir(base).catch(() => [] as string[])) {
      for (const b of await readdir(join(base, a)).catch(() => [] as string[])) {
        for (const name of await readdir(join(base, a, b))) if (HEX64.test(name)) yield name;
      }
    }
  }
}
