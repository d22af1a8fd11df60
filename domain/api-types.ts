import type { z } from 'zod';
import type { Me } from './accounts.ts';
import type { SeriesPeriod, SeriesValue } from './figure-series.ts';
import type { Abilities } from './policies/index.ts';
import type {
  Citation,
  citationInputSchema,
  PersonProtected,
  RECORD_BODY_SCHEMAS,
  RecordKind,
  TumenRecord,
} from './records.ts';
import type { SearchFilters } from './search.ts';
import type { Source, SourceInput, SourceSummary } from './sources.ts';
import type { RecordStatus, SourceKind, SourceReliability } from './vocabulary.ts';

/**
 * The HTTP API's envelopes, stated once in terms of the domain's own types so that every
 * surface (the web app, scripts, tests) speaks the same shapes. web/contract.test.ts checks
 * at compile time that the server's response schemas still produce exactly these.
 */

/** Every error body: `{ error: { id, message } }`, `id` stable and documented. */
export interface ApiErrorBody {
  error: { id: string; message: string };
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export interface Health {
  status: 'ok';
  version: string;
  database: 'sqlite' | 'postgres';
}

/**
 * What the server adds to every record and source it returns: the item's compartments and what
 * the caller may do with it (evaluated by the server from domain/policies), so a screen shows or
 * hides an action without re-implementing a rule.
 */
export interface Access {
  compartments?: string[];
  abilities?: Abilities;
}

/** A record whose `body` is narrowed by checking `kind`. */
export type AnyRecord = { [K in RecordKind]: TumenRecord<K> & Access }[RecordKind];
export type SourceView = Source & Access;
export type SourceSummaryView = SourceSummary & Access;

/** What a form sends: defaults may be left out, as the server fills them in. */
export type RecordBodyInput<K extends RecordKind> = z.input<(typeof RECORD_BODY_SCHEMAS)[K]>;
export type CitationCreate = z.input<typeof citationInputSchema>;

export interface NewRecordInput<K extends RecordKind = RecordKind> {
  kind: K;
  body: RecordBodyInput<K>;
  status?: RecordStatus;
  protected?: Partial<PersonProtected> | null;
  citations?: CitationCreate[];
}

/** Body and protected fields are merged key by key on the server. */
export interface RecordPatch {
  body?: Record<string, unknown>;
  status?: RecordStatus;
  protected?: Record<string, unknown> | null;
  /** Refused with 409 unless the record is still at this version. */
  expectedVersion?: number;
}

/** Dates are YYYY, YYYY-MM or YYYY-MM-DD; `from` and `to` are inclusive. */
export interface DateBounds {
  from?: string;
  to?: string;
}

export interface PageQuery {
  cursor?: string | null;
  limit?: number;
}

export interface RecordListQuery extends DateBounds, PageQuery {
  kind?: RecordKind;
  status?: RecordStatus;
  type?: string;
  placeId?: string;
  parentId?: string;
  metric?: string;
  sourceId?: string;
  include?: 'protected';
}

export interface SourceListQuery extends DateBounds, PageQuery {
  kind?: SourceKind;
  language?: string;
  reliability?: SourceReliability;
  publisher?: string;
}

export type NewSourceInput = Partial<Omit<SourceInput, 'title' | 'text'>> & Pick<SourceInput, 'title' | 'text'>;

/** One uploaded file's outcome (POST /api/imports and `tumen import`). */
export interface ImportResult {
  file: string;
  status: 'imported' | 'duplicate' | 'failed';
  sourceId?: string;
  title?: string;
  sha256?: string;
  /** Candidate records proposed from the text. */
  candidates?: number;
}

export interface CitationList {
  items: Citation[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityKind: string;
  entityId: string;
  stateHash: string;
  detail: Record<string, unknown>;
}

export interface AuditPage {
  items: AuditEntry[];
  nextAfterSeq: number | null;
}

export type ExportFormat = 'json' | 'csv' | 'geojson';

export interface SearchQuery extends Omit<SearchFilters, 'placeIds'> {
  q: string;
  limit?: number;
  offset?: number;
}

export interface CandidateListQuery extends PageQuery {
  sourceId?: string;
  kind?: RecordKind;
}

/** What a review decision did: a confirmed place may merge into the gazetteer place it names. */
export interface ReviewOutcome {
  id: string;
  action: 'confirm' | 'reject' | 'merge';
  /** The record that stands now: the candidate itself, or the one it merged into. */
  recordId: string;
}

export interface FigureMetric {
  metric: string;
  count: number;
}

export type SeriesValueView = Omit<SeriesValue, 'period'>;
export type SeriesPeriodView = Omit<SeriesPeriod, 'values' | 'chosen'> & { values: SeriesValueView[]; chosen: SeriesValueView | null };

/** GET /api/figures/series: every value of a metric per period, the chosen one and the conflicts. */
export interface FigureSeriesView {
  metric: string;
  conflicts: number;
  periods: SeriesPeriodView[];
}

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
}

export type { Me };

/** One received intake submission as the inbox lists it: no address, no exact time. */
export interface IntakeSummaryView {
  id: string;
  day: string;
  size: number;
  files: number;
  replies: number;
  followups: number;
  weaker: boolean;
}

export interface IntakeDetailView {
  id: string;
  day: string;
  weaker: boolean;
  /** The sender's reply recipient (null for the no-JavaScript form). */
  replyRecipient: string | null;
  /** Staff and escrow recipients: a reply is encrypted to these too. */
  recipients: string[];
  objects: Array<{ id: string; kind: string; position: number; size: number; day: string; sha256: string | null }>;
}
