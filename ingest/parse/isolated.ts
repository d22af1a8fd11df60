import { Worker } from 'node:worker_threads';
import { ImportError } from '../../domain/errors.ts';
import type { ParsedDocument } from './document.ts';
import { MAX_IMPORT_BYTES, tooLarge } from './limits.ts';

export interface ParseLimits {
  /** Wall time for one document once its parse has started; the worker is killed after it. */
  timeoutMs: number;
  /** V8 heap of the parsing thread: a document that needs more fails alone, not the server. */
  maxHeapMb: number;
}

/**
 * Generous for a 50 MB PDF on a slow machine, short enough that a hostile file only costs a
 * minute of one core; the server keeps answering throughout because parsing is off its thread.
 */
export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  timeoutMs: Number(process.env.TUMEN_PARSE_TIMEOUT_MS) || 60_000,
  maxHeapMb: 1536,
};

export interface ParseRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
  maxBytes: number;
}
export type ParseReply =
  | { id: number; started: true; doc?: undefined; error?: undefined }
  | { id: number; started?: undefined; doc: ParsedDocument; error?: undefined }
  | { id: number; started?: undefined; doc?: undefined; error: { reason: ImportError['reason']; message: string } };

interface Job {
  req: ParseRequest;
  limits: ParseLimits;
  resolve(doc: ParsedDocument): void;
  reject(err: ImportError): void;
}

const WORKER_URL = new URL('./parse-worker.mjs', import.meta.url);
/** How long a fresh thread may take to load the parsers before it is given up. */
const STARTUP_MS = 60_000;

/**
 * One long-lived parsing thread, one document at a time (parsing is CPU-bound and the machine
 * may have two cores). A thread that overruns its time or memory is terminated and the next
 * document gets a fresh one. Unreferenced while idle, so the CLI exits when its work is done.
 */
class ParseWorker {
  private worker: Worker | null = null;
  private heapMb = 0;
  private readonly queue: Job[] = [];
  private current: (Job & { timer: NodeJS.Timeout }) | null = null;
  private nextId = 1;

  run(name: string, bytes: Uint8Array, maxBytes: number, limits: ParseLimits): Promise<ParsedDocument> {
    return new Promise((resolve, reject) => {
      this.queue.push({ req: { id: this.nextId++, name, bytes, maxBytes }, limits, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    const worker = this.workerFor(job.limits.maxHeapMb);
    worker.ref();
    // The budget starts when the thread picks the document up: loading the parsers into a fresh
    // thread takes seconds on a busy machine and is not the document's fault.
    this.current = { ...job, timer: this.overrunAfter(job, job.limits.timeoutMs + STARTUP_MS) };
    worker.postMessage(job.req);
  }

  private overrunAfter(job: Job, ms: number): NodeJS.Timeout {
    return setTimeout(() => {
      this.fail(new ImportError('timeout', `The file took longer than ${Math.max(1, Math.round(job.limits.timeoutMs / 1000))} s to read, so it was stopped; it is probably built to be slow to parse (or far too large).`));
    }, ms);
  }

  private workerFor(heapMb: number): Worker {
    if (this.worker && this.heapMb === heapMb) return this.worker;
    void this.worker?.terminate();
    const worker = new Worker(WORKER_URL, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
    });
    worker.on('message', (reply: ParseReply) => this.settle(worker, reply));
    worker.on('error', (err: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(oom ? new ImportError('too_complex', 'The file needs more memory to read than an import may use.') : new ImportError('unreadable', 'The file could not be read: the parser failed.'));
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (this.current) this.fail(new ImportError('unreadable', 'The file could not be read: the parser stopped.'));
    });
    this.worker = worker;
    this.heapMb = heapMb;
    return worker;
  }

  private settle(worker: Worker, reply: ParseReply): void {
    const job = this.current;
    if (this.worker !== worker || !job || job.req.id !== reply.id) return;
    clearTimeout(job.timer);
    if (reply.started) {
      job.timer = this.overrunAfter(job, job.limits.timeoutMs);
      return;
    }
    this.current = null;
    worker.unref();
    if (reply.error) job.reject(new ImportError(reply.error.reason, reply.error.message));
    else if (reply.doc) job.resolve(reply.doc);
    this.pump();
  }

  /** Ends the current job with `err` and throws its thread away: its state is unknown. */
  private fail(err: ImportError): void {
    const job = this.current;
    const worker = this.worker;
    this.current = null;
    this.worker = null;
    if (job) {
      clearTimeout(job.timer);
      job.reject(err);
    }
    void worker?.terminate();
    this.pump();
  }
}

let shared: ParseWorker | null = null;

/**
 * parseDocument in a worker thread with a time and memory budget: a hostile or pathological
 * file (deep nesting, a PDF that loops) fails with import_timeout / import_too_complex and
 * never blocks the event loop that serves everyone else.
 */
export function parseDocumentIsolated(
  name: string,
  bytes: Uint8Array,
  opts: { maxBytes?: number; limits?: Partial<ParseLimits> } = {},
): Promise<ParsedDocument> {
  const maxBytes = opts.maxBytes ?? MAX_IMPORT_BYTES;
  if (bytes.length > maxBytes) {
    return Promise.reject(tooLarge(bytes.length, maxBytes));
  }
  shared ??= new ParseWorker();
  return shared.run(name, bytes, maxBytes, { ...DEFAULT_PARSE_LIMITS, ...opts.limits });
}
