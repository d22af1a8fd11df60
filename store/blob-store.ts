import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { NotFoundError } from '../domain/errors.ts';

/**
 * Content-addressed evidence bytes. Narrow on purpose: put/get/has are all an encrypting
 * wrapper or an object-storage adapter needs to provide.
 */
export interface BlobStore {
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number; created: boolean }>;
  get(sha256: string): Promise<Uint8Array>;
  has(sha256: string): Promise<boolean>;
  /** Only for a file no evidence refers to (a failed import's); absent files are fine. */
  remove(sha256: string): Promise<void>;
}

const HEX64 = /^[0-9a-f]{64}$/;

export class FileBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  pathOf(sha256: string): string {
    if (!HEX64.test(sha256)) throw new NotFoundError('blob');
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number; created: boolean }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (await this.has(sha256)) return { sha256, size: bytes.byteLength, created: false };
    await writeFileDurably(this.pathOf(sha256), bytes);
    return { sha256, size: bytes.byteLength, created: true };
  }

  async get(sha256: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await readFile(this.pathOf(sha256)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError('blob');
      throw err;
    }
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
}

export function ignoreMissing(err: unknown): void {
  if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
}

/** Temp file, fsync, rename, fsync the folder: a crash leaves either no file or the whole file. */
export async function writeFileDurably(path: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
  const fh = await open(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await syncFolder(dir);
}

/** fsync of a folder: makes a rename or unlink in it durable. */
export async function syncFolder(dir: string): Promise<void> {
  const dh = await open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}
