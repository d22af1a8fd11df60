import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../../store/store.ts';
import type { IntakeFiles } from '../../store/intake-files.ts';

/**
 * Writes a received submission exactly as stored: one `<position>-<kind>.age` per object, byte
 * for byte (each opens with `age -d -i IDENTITY`). Returns the file names written.
 */
export async function exportSubmission(store: Store, files: IntakeFiles, id: string, outDir: string): Promise<string[]> {
  const sub = await store.intake.submission(id);
  const objects = (await store.intake.objects(sub.id)).filter((o) => o.status === 'stored');
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  const names: string[] = [];
  for (const o of objects) {
    const name = `${String(o.position).padStart(2, '0')}-${o.kind}.age`;
    await copyFile(files.storedPath(sub.id, o.id), join(outDir, name));
    names.push(name);
  }
  return names;
}
