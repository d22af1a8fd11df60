import { rename, unlink, writeFile } from 'node:fs/promises';

/** Writes beside the target and renames: a failure never leaves a half file that looks whole. */
export async function writeFileAtomic(path: string, bytes: Buffer | string): Promise<void> {
  const tmp = `${path}.partial`;
  try {
    await writeFile(tmp, bytes, { mode: 0o600 });
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
