// Worker entry for ingest/parse/isolated.ts: plain JavaScript because a worker thread does not
// inherit the parent's TypeScript loader (bin/tumen.mjs registers tsx in the main thread only).
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
