import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where intake ciphertext lives: DATA/intake/<submission>/<object>.age, written as
 * <object>.part while it arrives. Files are age ciphertext already (only staff and escrow keys
 * open them), so they are kept exactly as the browser made them: that is what export hands out.
 */
export class IntakeFiles {
  constructor(readonly root: string) {}

  private dir(submissionId: string): string {
    return join(this.root, submissionId);
  }

  partPath(submissionId: string, objectId: string): string {
    return join(this.dir(submissionId), `${objectId}.part`);
  }

  storedPath(submissionId: string, objectId: string): string {
    return join(this.dir(submissionId), `${objectId}.age`);
  }

  async received(submissionId: string, objectId: string): Promise<number> {
    try {
      return (await stat(this.partPath(submissionId, objectId))).size;
    } catch {
      return 0;
    }
  }

  async append(submissionId: string, objectId: string, bytes: Uint8Array): Promise<void> {
    await mkdir(this.dir(submissionId), { recursive: true, mode: 0o700 });
    const fh = await open(this.partPath(submissionId, objectId), 'a', 0o600);
    try {
      await fh.write(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
  }

  /** Renames the whole part into place; returns the SHA-256 of the ciphertext. */
  async seal(submissionId: string, objectId: string): Promise<string> {
    const part = this.partPath(submissionId, objectId);
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(part)) hash.update(chunk as Buffer);
    await rename(part, this.storedPath(submissionId, objectId));
    return hash.digest('hex');
  }

  async writeWhole(submissionId: string, objectId: string, bytes: Uint8Array): Promise<string> {
    await rm(this.partPath(submissionId, objectId), { force: true });
    await this.append(submissionId, objectId, bytes);
    return this.seal(submissionId, objectId);
  }

  async removeSubmission(submissionId: string): Promise<void> {
    await rm(this.dir(submissionId), { recursive: true, force: true });
  }
}
