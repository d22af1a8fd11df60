import type {
  AnyRecord,
  ApiErrorBody,
  AuditPage,
  CitationCreate,
  CitationList,
  ExportFormat,
  Health,
  ImportResult,
  NewRecordInput,
  NewSourceInput,
  Page,
  PageQuery,
  RecordListQuery,
  RecordPatch,
  SearchQuery,
  SourceListQuery,
} from './api-types.ts';
import type { Citation, RecordKind } from './records.ts';
import type { SearchResult } from './search.ts';
import type { Source, SourceSummary } from './sources.ts';

/**
 * A typed client for Tumen's HTTP API: one function per endpoint. It runs wherever `fetch`
 * does (the browser, Node 20), and turns every error answer into an ApiError carrying the
 * server's stable error id, so callers branch on `err.id`, never on message text.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ClientOptions {
  /** Origin of the server, e.g. "http://127.0.0.1:7300"; empty for the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export interface CallOptions {
  signal?: AbortSignal;
}

type Query = Record<string, string | number | boolean | null | undefined>;

function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const FILTER_WORDS: Array<[keyof SearchQuery, string]> = [
  ['kinds', 'kind'],
  ['types', 'type'],
  ['languages', 'lang'],
  ['statuses', 'status'],
  ['reliabilities', 'reliability'],
];

/**
 * Facet filters travel inside `q`, in the search box's own syntax (`kind:event,source`), which
 * the search parser defines; the query text itself is sent untouched in front of them.
 */
export function searchQueryText(query: SearchQuery): string {
  const parts = [query.q.trim()];
  for (const [field, word] of FILTER_WORDS) {
    const values = query[field] as string[] | undefined;
    if (values && values.length > 0) parts.push(`${word}:${values.join(',')}`);
  }
  if (query.from) parts.push(`from:${query.from}`);
  if (query.to) parts.push(`to:${query.to}`);
  return parts.filter(Boolean).join(' ');
}

export function createClient(options: ClientOptions = {}) {
  const base = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request<T>(method: string, path: string, init: { body?: unknown; raw?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal | undefined } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    let body: BodyInit | undefined = init.raw;
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    const res = await doFetch(`${base}/api${path}`, { method, headers, body, signal: init.signal ?? null });
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    const isJson = (res.headers.get('content-type') ?? '').includes('json') && text !== '';
    let parsed: unknown = text;
    if (isJson) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (!res.ok) {
      const err = (parsed as Partial<ApiErrorBody> | null)?.error;
      throw new ApiError(res.status, err?.id ?? `http_${res.status}`, err?.message ?? (res.statusText || `HTTP ${res.status}`));
    }
    return parsed as T;
  }

  const get = <T>(path: string, query?: Query, o?: CallOptions) => request<T>('GET', `${path}${queryString(query)}`, { signal: o?.signal });
  const id = (value: string) => encodeURIComponent(value);

  return {
    health: (o?: CallOptions) => get<Health>('/health', undefined, o),

    listSources: (q: SourceListQuery = {}, o?: CallOptions) => get<Page<SourceSummary>>('/sources', { ...q }, o),
    getSource: (sourceId: string, o?: CallOptions) => get<Source>(`/sources/${id(sourceId)}`, undefined, o),
    createSource: (input: NewSourceInput, o?: CallOptions) => request<Source>('POST', '/sources', { body: input, signal: o?.signal }),
    sourceCitations: (sourceId: string, o?: CallOptions) => get<CitationList>(`/sources/${id(sourceId)}/citations`, undefined, o),
    sourceRecords: (sourceId: string, q: PageQuery = {}, o?: CallOptions) => get<Page<AnyRecord>>(`/sources/${id(sourceId)}/records`, { ...q }, o),

    /** Uploads one file's bytes; the name (with its extension) says how the server reads it. */
    importFile: (name: string, bytes: BodyInit, o?: CallOptions) =>
      request<ImportResult>('POST', '/imports', {
        raw: bytes,
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
        signal: o?.signal,
      }),

    listRecords: (q: RecordListQuery = {}, o?: CallOptions) => get<Page<AnyRecord>>('/records', { ...q }, o),
    getRecord: (recordId: string, q: { include?: 'protected' } = {}, o?: CallOptions) => get<AnyRecord>(`/records/${id(recordId)}`, q, o),
    createRecord: <K extends RecordKind>(input: NewRecordInput<K>, o?: CallOptions) =>
      request<AnyRecord>('POST', '/records', { body: input, signal: o?.signal }),
    updateRecord: (recordId: string, patch: RecordPatch, o?: CallOptions) =>
      request<AnyRecord>('PATCH', `/records/${id(recordId)}`, { body: patch, signal: o?.signal }),
    deleteRecord: (recordId: string, o?: CallOptions) => request<void>('DELETE', `/records/${id(recordId)}`, { signal: o?.signal }),
    addCitation: (recordId: string, citation: CitationCreate, o?: CallOptions) =>
      request<Citation>('POST', `/records/${id(recordId)}/citations`, { body: citation, signal: o?.signal }),

    search: (q: SearchQuery, o?: CallOptions) =>
      get<SearchResult>('/search', { q: searchQueryText(q), limit: q.limit, offset: q.offset }, o),

    audit: (q: { afterSeq?: number; limit?: number } = {}, o?: CallOptions) => get<AuditPage>('/audit', q, o),
    /** A link, not a call: exports stream as downloads. */
    exportUrl: (format: ExportFormat) => `${base}/api/export${queryString({ format })}`,
  };
}

export type TumenClient = ReturnType<typeof createClient>;

/** Follows `nextCursor` until the last page or until `max` items, for lists a screen needs whole. */
export async function allPages<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, max = 100_000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await fetchPage(cursor);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && out.length < max);
  return out;
}
