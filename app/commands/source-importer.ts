import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import { ImportError, TumenError } from '../../domain/errors.ts';
import { sourceInputSchema } from '../../domain/sources.ts';
import { parseOrThrow } from '../../domain/validate.ts';
import { detectFormat, MAX_IMPORT_BYTES, parseDocumentIsolated, tooLarge, type ParseLimits } from '../../ingest/parse/index.ts';
import type { Tumen } from '../tumen.ts';
import { importExportFile } from './export-importer.ts';
import { proposeCandidates } from './candidate-proposer.ts';
import { withPendingBlobs } from './pending-blobs.ts';

export type ImportStatus = 'imported' | 'duplicate' | 'failed';

export interface ImportResult {
  file: string;
  status: ImportStatus;
  sourceId?: string;
  title?: string;
  sha256?: string;
  candidates?: number;
  /** For an export file: how many items it restored. */
  restored?: number;
  error?: { id: string; message: string };
}

export interface ImportProps {
  /** Files or folders; folders are walked recursively, hidden files skipped. */
  paths: string[];
  actor: Actor;
  /** Where new sources go (the actor needs write access to each); the default compartment otherwise. */
  compartments?: string[];
  maxBytes?: number;
  /** Time and memory for parsing one document (defaults: DEFAULT_PARSE_LIMITS). */
  parseLimits?: Partial<ParseLimits>;
  onProgress?: (done: number, total: number, last: ImportResult) => void;
}

/** Lists the files an import of these paths would read, in a stable order. */
export async function collectFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (!s) {
      out.push(p);
    } else if (s.isDirectory()) {
      const names = (await readdir(p)).filter((n) => !n.startsWith('.')).sort();
      out.push(...(await collectFiles(names.map((n) => join(p, n)))));
    } else {
      out.push(p);
    }
  }
  return out;
}

/**
 * Imports each file on its own: one bad file gets one error line and leaves the store as it
 * was, while the others still import.
 */
export async function importPaths(tumen: Tumen, props: ImportProps): Promise<ImportResult[]> {
  const files = await collectFiles(props.paths);
  const results: ImportResult[] = [];
  for (const file of files) {
    const r = await importOneFile(tumen, file, props);
    results.push(r);
    props.onProgress?.(results.length, files.length, r);
  }
  return results;
}

async function importOneFile(tumen: Tumen, file: string, props: ImportProps): Promise<ImportResult> {
  try {
    const s = await stat(file).catch(() => null);
    if (!s || !s.isFile()) throw new ImportError('unreadable', 'No such file.');
    const max = props.maxBytes ?? MAX_IMPORT_BYTES;
    if (s.size > max) throw tooLarge(s.size, max);
    const bytes = new Uint8Array(await readFile(file));
    if (detectFormat(file, bytes) === 'json') {
      const restored = await importExportFile(tumen, file, props.actor);
      return { file, status: restored > 0 ? 'imported' : 'duplicate', restored };
    }
    return await importDocument(tumen, basename(file), bytes, props, file);
  } catch (err) {
    return { file, status: 'failed', error: describe(err) };
  }
}

export type DocumentImportProps = Pick<ImportProps, 'actor' | 'maxBytes' | 'compartments' | 'parseLimits'>;

/** Imports one document from its bytes: used by the CLI per file and by the HTTP upload route. */
export async function importDocument(
  tumen: Tumen,
  name: string,
  bytes: Uint8Array,
  props: DocumentImportProps,
  label = name,
): Promise<ImportResult> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = await tumen.store.sources.findBySha256Unrestricted(sha256);
  if (existing) {
    // Bytes are unique across compartments; name the existing source only to someone who may see it.
    const visible = await tumen.store.sources.findBySha256(props.actor, sha256);
    return visible ? { file: label, status: 'duplicate', sourceId: visible.id, title: visible.title, sha256 } : { file: label, status: 'duplicate', sha256 };
  }
  // In a worker with a time and memory budget: the CLI and the server share this path, and a
  // hostile file must not stall the server's event loop (see ingest/parse/isolated.ts).
  const doc = await parseDocumentIsolated(name, bytes, {
    ...(props.maxBytes ? { maxBytes: props.maxBytes } : {}),
    ...(props.parseLimits ? { limits: props.parseLimits } : {}),
  });
  if (!doc.text.trim()) throw new ImportError('empty', 'The file has no text.');
  const input = parseOrThrow(sourceInputSchema, { ...doc, retrievedAt: new Date().toISOString() }, 'source');
  // Refused before anything is written: a 403 leaves no file behind.
  await tumen.store.sources.requireCreatable(props.actor, props.compartments);
  // The file goes first (a crash leaves at most an unreferenced file, reused by the retry); a
  // failed transaction removes the file it wrote, unless evidence refers to those bytes meanwhile.
  const { source, candidates } = await withPendingBlobs(tumen, async (blobs) => {
    await blobs.put(bytes);
    return tumen.store.transaction(async (tx) => {
      const source = await tx.sources.create(props.actor, input, sha256, undefined, props.compartments);
      await tx.evidence.attach(props.actor, { sourceId: source.id, sha256, mediaType: doc.mediaType, size: bytes.byteLength, originalName: name });
      const candidates = await proposeCandidates(tx, source, props.actor);
      return { source, candidates };
    });
  });
  return { file: label, status: 'imported', sourceId: source.id, title: source.title, sha256, candidates };
}

export function describe(err: unknown): { id: string; message: string } {
  if (err instanceof TumenError) return { id: err.id, message: err.message };
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES') return { id: 'import_unreadable', message: 'Permission denied.' };
  return { id: 'internal_error', message: e?.message ?? String(err) };
}
