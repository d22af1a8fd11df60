import { parentPort } from 'node:worker_threads';
import { ImportError } from '../../domain/errors.ts';
import { parseDocument } from './index.ts';
import type { ParseReply, ParseRequest } from './isolated.ts';

/** Parses one document per message; the parent kills this thread when it runs over its time. */
parentPort?.on('message', (req: ParseRequest) => {
  parentPort?.postMessage({ id: req.id, started: true } satisfies ParseReply);
  void parseDocument(req.name, req.bytes, { maxBytes: req.maxBytes }).then(
    (doc): void => parentPort?.postMessage({ id: req.id, doc } satisfies ParseReply),
    (err: unknown): void => {
      // parseDocument turns every failure into an ImportError; anything else is reported as unreadable.
      const e = err instanceof ImportError ? err : new ImportError('unreadable', 'The file could not be read.');
      parentPort?.postMessage({ id: req.id, error: { reason: e.reason, message: e.message } } satisfies ParseReply);
    },
  );
});
