import { useCallback, useRef, useState } from 'react';
import type { ImportResult } from '@domain/api-types.ts';
import { ApiError, api } from '../../api.ts';

/** Mirrors the importer's limit (50 MiB) so an oversize file fails at once; the server's 413 stays the authority. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const PARALLEL = 2;

export type UploadState = 'waiting' | 'uploading' | 'imported' | 'duplicate' | 'failed';
export interface Upload {
  key: string;
  name: string;
  size: number;
  state: UploadState;
  result?: ImportResult;
  error?: { id: string; message: string };
}

/** Files hidden by convention (.DS_Store, ._foo) are not documents. */
const isHidden = (f: File) => (f.webkitRelativePath || f.name).split('/').some((part) => part.startsWith('.'));

/** Uploads files a few at a time; each file ends imported, duplicate or failed with its own error. */
export function useImporter(onDone: () => void) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const seq = useRef(0);
  const update = (key: string, patch: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  const start = useCallback(
    async (files: File[]) => {
      const batch = files
        .filter((f) => !isHidden(f))
        .map((file) => ({ file, upload: { key: `u${seq.current++}`, name: file.webkitRelativePath || file.name, size: file.size, state: 'waiting' as UploadState } }));
      if (batch.length === 0) return;
      setUploads((list) => [...batch.map((b) => b.upload), ...list]);
      let next = 0;
      const worker = async () => {
        while (next < batch.length) {
          const { file, upload } = batch[next++]!;
          if (file.size > MAX_UPLOAD_BYTES) {
            update(upload.key, { state: 'failed', error: { id: 'import_too_large', message: '' } });
            continue;
          }
          if (file.size === 0) {
            update(upload.key, { state: 'failed', error: { id: 'import_empty', message: '' } });
            continue;
          }
          update(upload.key, { state: 'uploading' });
          try {
            const result = await api.importFile(file.name, file);
            update(upload.key, { state: result.status === 'failed' ? 'failed' : result.status, result });
          } catch (err) {
            const e = err instanceof ApiError ? { id: err.id, message: err.message } : { id: 'network', message: err instanceof Error ? err.message : String(err) };
            update(upload.key, { state: 'failed', error: e });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL, batch.length) }, worker));
      onDone();
    },
    [onDone],
  );
  const clear = useCallback(() => setUploads((list) => list.filter((u) => u.state === 'waiting' || u.state === 'uploading')), []);
  return { uploads, start, clear };
}
