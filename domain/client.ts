import type {
  AnyRecord,
  ApiErrorBody,
  AuditPage,
  CandidateListQuery,
  FigureMetric,
  FigureSeriesView,
  LoginInput,
  Me,
  ReviewOutcome,
  CitationCreate,
  CitationList,
  ExportFormat,
  Health,
  ImportResult,
  IntakeDetailView,
  IntakeSummaryView,
  NewRecordInput,
  NewSourceInput,
  Page,
  PageQuery,
  RecordListQuery,
  RecordPatch,
  SearchQuery,
  SourceListQuery,
  SourceSummaryView,
  SourceView,
} from './api-types.ts';
import type { CaseDossier, CaseListItem } from './case-views.ts';
import type { Citation, RecordKind } from './records.ts';
import type { SearchResult } from './search.ts';

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
    /** Seconds to wait, from Retry-After (429 answers). */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ClientOptions {
  /** Origin of the server, e.g. "http://127.0.0.1:7300"; empty for the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Called when the server answers 401: the session is gone or never was. */
  onUnauthenticated?: (err: ApiError) => void;
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
  // The session cookie travels by itself; the CSRF token that must go with every change is
  // handed out by login and /auth/me and kept here.
  let csrfToken: string | null = null;
  const remember = (me: Me): Me => {
    csrfToken = me.csrfToken;
    return me;
  };

  async function request<T>(method: string, path: string, init: { body?: unknown; raw?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal | undefined } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (csrfToken && method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = csrfToken;
    let body: BodyInit | undefined = init.raw;
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    const res = await doFetch(`${base}/api${path}`, { method, headers, body, signal: init.signal ?? null, credentials: 'same-origin' });
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
      const retry = Number(res.headers.get('retry-after'));
      const apiErr = new ApiError(res.status, err?.id ?? `http_${res.status}`, err?.message ?? (res.statusText || `HTTP ${res.status}`), Number.isFinite(retry) && retry > 0 ? retry : null);
      if (res.status === 401 && !path.startsWith('/auth/login')) options.onUnauthenticated?.(apiErr);
      throw apiErr;
    }
    return parsed as T;
  }

  const get = <T>(path: string, query?: Query, o?: CallOptions) => request<T>('GET', `${path}${queryString(query)}`, { signal: o?.signal });
  const id = (value: string) => encodeURIComponent(value);

  return {
    health: (o?: CallOptions) => get<Health>('/health', undefined, o),

    /** Signs in: the server sets the session cookie; the CSRF token is kept for later changes. */
    login: async (input: LoginInput, o?: CallOptions) => remember(await request<Me>('POST', '/auth/login', { body: input, signal: o?.signal })),
    logout: async (o?: CallOptions) => {
      try {
        await request<void>('POST', '/auth/logout', { signal: o?.signal });
      } finally {
        csrfToken = null;
      }
    },
    me: async (o?: CallOptions) => remember(await get<Me>('/auth/me', undefined, o)),
    /** Two-factor set-up: a new secret (shown once), then a first code turns it on. */
    enrollTotp: (o?: CallOptions) => request<{ secret: string; uri: string }>('POST', '/auth/totp/enroll', { body: {}, signal: o?.signal }),
    confirmTotp: (code: string, o?: CallOptions) => request<{ recoveryCodes: string[] }>('POST', '/auth/totp/confirm', { body: { code }, signal: o?.signal }),

    listSources: (q: SourceListQuery = {}, o?: CallOptions) => get<Page<SourceSummaryView>>('/sources', { ...q }, o),
    getSource: (sourceId: string, o?: CallOptions) => get<SourceView>(`/sources/${id(sourceId)}`, undefined, o),
    createSource: (input: NewSourceInput, o?: CallOptions) => request<SourceView>('POST', '/sources', { body: input, signal: o?.signal }),
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

    candidates: (q: CandidateListQuery = {}, o?: CallOptions) => get<Page<AnyRecord>>('/candidates', { ...q }, o),
    /** Confirms a candidate, with an edited body if given; a place may merge into the one it names. */
    confirmCandidate: (recordId: string, body?: Record<string, unknown>, o?: CallOptions) =>
      request<ReviewOutcome>('POST', `/candidates/${id(recordId)}/confirm`, { body: body === undefined ? {} : { body }, signal: o?.signal }),
    rejectCandidate: (recordId: string, o?: CallOptions) => request<ReviewOutcome>('POST', `/candidates/${id(recordId)}/reject`, { body: {}, signal: o?.signal }),
    reviewBatch: (ids: string[], action: 'confirm' | 'reject', o?: CallOptions) =>
      request<{ items: ReviewOutcome[] }>('POST', '/candidates/batch', { body: { ids, action }, signal: o?.signal }),

    figureMetrics: (o?: CallOptions) => get<{ items: FigureMetric[] }>('/figures/metrics', undefined, o),
    figureSeries: (metric: string, q: { candidates?: 'include' } = {}, o?: CallOptions) => get<FigureSeriesView>('/figures/series', { metric, ...q }, o),
    /** Chooses this figure as the value shown for its metric, period and place. */
    pinFigure: (figureId: string, o?: CallOptions) => request<void>('POST', `/figures/${id(figureId)}/pin`, { body: {}, signal: o?.signal }),

    caseRegister: (q: { status?: string; risk?: string; minDays?: number; maxDays?: number } = {}, o?: CallOptions) => get<{ items: CaseListItem[] }>('/case-register', q, o),
    caseDossier: (caseId: string, o?: CallOptions) => get<CaseDossier>(`/cases/${id(caseId)}/dossier`, undefined, o),
    /** The HTML draft of a UN communication; refused (ApiError consent_missing…) without consent in force. */
    appealHtml: (caseId: string, kind: 'urgent-appeal' | 'wgad', o?: CallOptions) =>
      request<string>('POST', `/cases/${id(caseId)}/appeal`, { body: { kind, format: 'html' }, signal: o?.signal }),

    search: (q: SearchQuery, o?: CallOptions) =>
      get<SearchResult>('/search', { q: searchQueryText(q), limit: q.limit, offset: q.offset }, o),

    audit: (q: { afterSeq?: number; limit?: number } = {}, o?: CallOptions) => get<AuditPage>('/audit', q, o),

    /** Secure intake inbox: ciphertext only; staff decrypt in the browser with their own identity. */
    intakeSubmissions: (o?: CallOptions) => get<IntakeSummaryView[]>('/intake/submissions', undefined, o),
    intakeSubmission: (submissionId: string, o?: CallOptions) => get<IntakeDetailView>(`/intake/submissions/${id(submissionId)}`, undefined, o),
    intakeObject: async (objectId: string, o?: CallOptions): Promise<Uint8Array> => {
      const res = await doFetch(`${base}/api/intake/objects/${id(objectId)}/content`, { credentials: 'same-origin', signal: o?.signal ?? null });
      if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, res.statusText || `HTTP ${res.status}`, null);
      return new Uint8Array(await res.arrayBuffer());
    },
    intakeReply: (submissionId: string, ciphertextBase64: string, o?: CallOptions) =>
      request<{ id: string }>('POST', `/intake/submissions/${id(submissionId)}/replies`, { body: { ciphertext: ciphertextBase64 }, signal: o?.signal }),
    /** Imports bytes the browser decrypted; refused unless they hash to `sha256` (from the sender's manifest). */
    intakeImport: (submissionId: string, objectId: string, name: string, sha256: string, bytes: BodyInit, o?: CallOptions) =>
      request<ImportResult>('POST', `/intake/submissions/${id(submissionId)}/import`, {
        raw: bytes,
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), 'x-intake-object': objectId, 'x-expected-sha256': sha256 },
        signal: o?.signal,
      }),
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
