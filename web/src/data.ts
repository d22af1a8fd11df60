import type { AnyRecord, RecordListQuery } from '@domain/api-types.ts';
import type { RecordKind, TumenRecord } from '@domain/records.ts';
import { recordLabel } from '@domain/record-text.ts';
import { allPages, api } from './api.ts';

export const ARRIVALS_METRIC = 'North Korean defectors arriving in South Korea';

/** Every record matching the filter, page by page (500 a page), up to `max`. */
export async function loadAll<K extends RecordKind>(kind: K, query: Omit<RecordListQuery, 'kind' | 'cursor' | 'limit'>, signal?: AbortSignal, max = 100_000): Promise<TumenRecord<K>[]> {
  const items = await allPages((cursor) => api.listRecords({ ...query, kind, cursor, limit: 500 }, { signal }), max);
  return items as unknown as TumenRecord<K>[];
}

/** How many candidates wait for review, counting pages up to `cap` (shown as "cap+" beyond). */
export async function countCandidates(signal?: AbortSignal, cap = 5_000): Promise<{ count: number; more: boolean }> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page = await api.candidates({ cursor, limit: 500 }, { signal });
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor && count < cap);
  return { count, more: cursor !== null };
}

export const labelOf = (r: AnyRecord): string => recordLabel(r.kind, r.body);

/** Names of a place in the reader's language first, then the others. */
export function placeName(place: TumenRecord<'place'> | undefined, lng: string): string {
  if (!place) return '';
  const n = place.body.names;
  const first = lng === 'ko' ? n.ko || n.en : n.en || n.ko;
  return first || n.zh || place.body.aliases[0] || '';
}
