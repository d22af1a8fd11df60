import { createHash } from 'node:crypto';
import type { Tumen } from '../tumen.ts';

/** Writes under way in this process, by SHA-256: a failing one must not remove a file another is about to use. */
const claims = new Map<string, number>();

/**
 * Files written for a database write that may still fail. Each file goes to disk (fsynced)
 * before the transaction that refers to it commits, so a crash leaves at most an unreferenced
 * file, never evidence without its bytes. When the write fails, the files it created are removed
 * again, unless another write of the same bytes is under way here or evidence refers to them.
 */
export class PendingBlobs {
  private readonly claimed: string[] = [];
  private readonly created: string[] = [];

  constructor(private readonly tumen: Tumen) {}

  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    claims.set(sha256, (claims.get(sha256) ?? 0) + 1);
    this.claimed.push(sha256);
    if ((await this.tumen.blobs.put(bytes)).created) this.created.push(sha256);
    return sha256;
  }

  async abandon(): Promise<void> {
    for (const sha256 of this.created) {
      if (claims.get(sha256) === 1 && !(await this.tumen.store.evidence.anyWithSha256(sha256))) await this.tumen.blobs.remove(sha256);
    }
  }

  release(): void {
    for (const sha256 of this.claimed) {
      const n = (claims.get(sha256) ?? 1) - 1;
      if (n === 0) claims.delete(sha256);
      else claims.set(sha256, n);
    }
  }
}

/** Runs `write` with a PendingBlobs: on failure the files it created and nothing refers to are removed. */
export async function withPendingBlobs<T>(tumen: Tumen, write: (blobs: PendingBlobs) => Promise<T>): Promise<T> {
  const pending = new PendingBlobs(tumen);
  try {
    return await write(pending);
  } catch (err) {
    await pending.abandon();
    throw err;
  } finally {
    pending.release();
  }
}
