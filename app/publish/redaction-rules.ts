import type { RecordBody, RecordKind, TumenRecord } from '../../domain/records.ts';
import type { GeoPrecision } from '../../domain/vocabulary.ts';

/**
 * Every rule of the public profile, in one place: what may leave Tumen as open data. Each rule
 * is a named, pure function tested on its own (redaction-rules.test.ts); the public exporter
 * only composes them. When in doubt a rule leaves a thing out.
 */

/** Kinds that may be published. Persons, cases, case statuses, consents and involvements (which name who did what to whom) never are. */
export const PUBLIC_KINDS: ReadonlySet<RecordKind> = new Set(['event', 'installation', 'observation', 'figure']);

/** R1: only a kind in PUBLIC_KINDS. */
export const isPublicKind = (r: Pick<TumenRecord, 'kind'>): boolean => PUBLIC_KINDS.has(r.kind);

/** R2: only confirmed records: candidates are unreviewed machine output, rejected ones are wrong. */
export const isConfirmed = (r: Pick<TumenRecord, 'status'>): boolean => r.status === 'confirmed';

/** R3: every compartment the record is in must be marked publishable (a record in none is not published). */
export const inPublishableCompartments = (compartments: readonly string[], publishable: ReadonlySet<string>): boolean =>
  compartments.length > 0 && compartments.every((c) => publishable.has(c));

/**
 * R4: the fields each kind publishes, by allowlist: free text (titles, descriptions, notes,
 * labels) is left out everywhere, because it is where names and exact places hide.
 */
export function publicFields(r: TumenRecord): Record<string, unknown> {
  switch (r.kind) {
    case 'event': {
      const b = r.body as RecordBody<'event'>;
      return { type: b.type, start: b.start, end: b.end, count: b.count };
    }
    case 'installation': {
      const b = r.body as RecordBody<'installation'>;
      return { kind: b.kind, segment: b.segment };
    }
    case 'observation': {
      const b = r.body as RecordBody<'observation'>;
      return { action: b.action, date: b.date };
    }
    case 'figure': {
      const b = r.body as RecordBody<'figure'>;
      return { metric: b.metric, value: b.value, valueMax: b.valueMax, unit: b.unit, period: b.period, qualifier: b.qualifier, provisional: b.provisional };
    }
    case 'person':
    case 'case':
    case 'case_status':
    case 'case_consent':
    case 'involvement':
    case 'organization':
    case 'place':
      return {};
  }
}

/** The coarsest a place's own precision allows, in degrees: a grid finer than this would invent precision. */
export const PRECISION_GRID: Record<GeoPrecision, number | null> = {
  exact: 0,
  town: 0.05,
  county: 0.25,
  province: 1,
  country: 5,
  unknown: null,
};
export const DEFAULT_GRID = 0.1;
/** Finer than about 1 km is not coarsening at all. */
export const MIN_GRID = 0.01;

/**
 * R5: a point moves to the centre of its grid cell, the cell no finer than `grid` nor than the
 * place's precision; a place of unknown precision publishes no coordinates at all.
 */
export function coarsenPoint(lonLat: readonly [number, number], precision: GeoPrecision, grid = DEFAULT_GRID): [number, number] | null {
  const own = PRECISION_GRID[precision];
  if (own === null) return null;
  const cell = Math.max(grid, own, MIN_GRID);
  const snap = (x: number) => Number((Math.floor(x / cell) * cell + cell / 2).toFixed(6));
  return [snap(lonLat[0]), snap(lonLat[1])];
}

/** Whether a coordinate is a cell centre of a grid at least `grid` wide (what the scan test checks). */
export function isCoarse(x: number, grid: number): boolean {
  const k = (x - grid / 2) / grid;
  return Math.abs(k - Math.round(k)) < 1e-6;
}

/** R6: a citation publishes where the value comes from, never the quoted passage (testimony can name people). */
export interface PublicCitation {
  title: string;
  outlet: string;
  date: string | null;
  url: string;
}

/** R7: in aggregated tables, a count under k is suppressed (shown as null with `suppressed: true`). */
export const DEFAULT_K = 5;
export const suppress = (count: number, k = DEFAULT_K): { count: number | null; suppressed: boolean } => (count < k ? { count: null, suppressed: true } : { count, suppressed: false });

/** R8: published sources are the public kinds; a testimony is cited as "testimony (withheld)", never by its title or URL. */
export const PUBLIC_SOURCE_KINDS: ReadonlySet<string> = new Set(['news_report', 'ngo_report', 'un_report', 'statistical_table', 'imagery_analysis']);

export function publicCitation(s: { kind: string; title: string; publisher: string; published: { value: string } | null; url: string }): PublicCitation {
  if (!PUBLIC_SOURCE_KINDS.has(s.kind)) return { title: `${s.kind} (withheld)`, outlet: '', date: null, url: '' };
  return { title: s.title, outlet: s.publisher, date: s.published?.value ?? null, url: /^https?:\/\//i.test(s.url) ? s.url : '' };
}

/** R9: a place is named only when it is a shipped gazetteer place (public names); an analyst's own place is shown unnamed. */
export function publicPlaceName(p: { gazetteerId: string | null; names: { en: string; ko: string; zh: string } }): string | null {
  return p.gazetteerId ? p.names.en || p.names.ko || p.names.zh || null : null;
}
