import type { RecordKind } from './records.ts';
import type { RecordStatus } from './vocabulary.ts';

/** What the search index knows of one source or record. Protected person fields never go in here. */
export interface SearchDoc {
  id: string;
  kind: 'source' | RecordKind;
  title: string;
  text: string;
  /** BCP 47 of the text, 'und' when mixed or unknown. */
  language: string;
  status: RecordStatus | null;
  /** Event type, installation kind, organisation kind, source kind… */
  type: string | null;
  /** Inclusive day interval (see domain/partial-date.ts `interval`), null when undated. */
  dateLo: string | null;
  dateHi: string | null;
  placeIds: string[];
  reliability: string | null;
  sourceId: string | null;
}

export interface SearchFilters {
  kinds?: string[];
  types?: string[];
  languages?: string[];
  statuses?: string[];
  reliabilities?: string[];
  placeIds?: string[];
  /** Inclusive day bounds; a document matches when its date interval may fall within them. */
  from?: string;
  to?: string;
}

export interface SearchRequest extends SearchFilters {
  q: string;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  kind: string;
  title: string;
  /** Plain text with matches wrapped in \u0002 … \u0003 so each surface can mark them safely. */
  snippet: string;
  score: number;
}

export type FacetName = 'kind' | 'type' | 'language' | 'status' | 'reliability';

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: Record<FacetName, Record<string, number>>;
}

/** Writes index entries inside the caller's transaction, so index and records never disagree. */
export interface IndexWriter<Tx> {
  upsert(tx: Tx, doc: SearchDoc): Promise<void>;
  remove(tx: Tx, id: string): Promise<void>;
}

/** Gives the other names of a place a query mentions: "Tumen" → 투먼, 도문, 图们. */
export type NameExpander = (term: string) => string[];

export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';
