import { ValidationError } from '../domain/errors.ts';
import { MAX_DAY, MIN_DAY } from '../domain/partial-date.ts';
import type { FacetName, SearchDoc, SearchResult } from '../domain/search.ts';

/** A SearchDoc checked and with defaults filled, as both engines store it. */
export interface IndexRow {
  id: string;
  kind: string;
  type: string | null;
  language: string;
  status: string | null;
  reliability: string | null;
  dateLo: string | null;
  dateHi: string | null;
  placeIds: string[];
  title: string;
  text: string;
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const optional = (v: unknown, name: string): string | null => {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v !== 'string') throw new ValidationError(`search document: "${name}" must be a string`);
  return v;
};

export function toIndexRow(doc: SearchDoc): IndexRow {
  if (!doc || typeof doc !== 'object') throw new ValidationError('search document missing');
  if (typeof doc.id !== 'string' || doc.id === '' || doc.id.length > 200)
    throw new ValidationError('search document: bad id');
  if (typeof doc.kind !== 'string' || (doc.kind as string) === '')
    throw new ValidationError(`search document ${doc.id}: kind required`);
  let dateLo = optional(doc.dateLo, 'dateLo');
  let dateHi = optional(doc.dateHi, 'dateHi');
  if (dateLo || dateHi) {
    // An interval open on one side ("before 2019") still has both ends in the index.
    dateLo ??= MIN_DAY;
    dateHi ??= MAX_DAY;
    if (!DAY.test(dateLo) || !DAY.test(dateHi))
      throw new ValidationError(`search document ${doc.id}: dates must be YYYY-MM-DD`);
    if (dateLo > dateHi) throw new ValidationError(`search document ${doc.id}: dateLo is after dateHi`);
  }
  return {
    id: doc.id,
    kind: doc.kind,
    type: optional(doc.type, 'type'),
    language: optional(doc.language, 'language') ?? 'und',
    status: optional(doc.status, 'status'),
    reliability: optional(doc.reliability, 'reliability'),
    dateLo,
    dateHi,
    placeIds: [...new Set((doc.placeIds ?? []).filter((p) => typeof p === 'string' && p !== ''))],
    title: typeof doc.title === 'string' ? doc.title : '',
    text: typeof doc.text === 'string' ? doc.text : '',
  };
}

export const FACET_NAMES: readonly FacetName[] = ['kind', 'type', 'language', 'status', 'reliability'];

export type FacetRow = Record<FacetName, string | null> & { n: number };

/** Folds counts per value combination into one count per facet value; null values are not counted. */
export function foldFacets(rows: Iterable<FacetRow>): { total: number; facets: SearchResult['facets'] } {
  const facets = emptyFacets();
  let total = 0;
  for (const row of rows) {
    const n = Number(row.n);
    total += n;
    for (const f of FACET_NAMES) {
      const v = row[f];
      if (v === null || v === '') continue;
      facets[f][v] = (facets[f][v] ?? 0) + n;
    }
  }
  return { total, facets };
}

export function emptyFacets(): SearchResult['facets'] {
  return { kind: {}, type: {}, language: {}, status: {}, reliability: {} };
}
