import type { Actor } from '../../domain/actor.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { SeriesPeriod } from '../../domain/figure-series.ts';
import { interval, isValidIsoPrefix, span } from '../../domain/partial-date.ts';
import type { RecordBody, TumenRecord } from '../../domain/records.ts';
import { recordLabel } from '../../domain/record-text.ts';
import type { Store } from '../../store/store.ts';
import { figureSeries } from '../commands/figure-series.ts';

export const ARRIVALS_METRIC = 'North Korean defectors arriving in South Korea';

export interface ReportScope {
  from?: string;
  to?: string;
  /** A place name (any language) as the gazetteer or an analyst wrote it. */
  place?: string;
}

export interface ReportEvent {
  id: string;
  date: string;
  type: string;
  place: string | null;
  count: number | null;
  sourceIds: string[];
}

export interface ReportData {
  scope: { from: string | null; to: string | null; place: string | null };
  arrivals: SeriesPeriod[];
  conflicts: number;
  events: ReportEvent[];
  segments: Array<{ segment: string; installations: number; kinds: Record<string, number>; sourceIds: string[] }>;
  sourceIds: string[];
}

/** Checks the scope the way a reader would state it; an impossible range is refused. */
export function checkScope(s: ReportScope): { lo: string | null; hi: string | null } {
  for (const d of [s.from, s.to]) if (d !== undefined && !isValidIsoPrefix(d)) throw new ValidationError(`not a date: "${d}" (use YYYY, YYYY-MM or YYYY-MM-DD)`);
  const lo = s.from ? span(s.from).lo : null;
  const hi = s.to ? span(s.to).hi : null;
  if (lo && hi && lo > hi) throw new ValidationError(`--from ${s.from} is after --to ${s.to}`);
  return { lo, hi };
}

/** What a situation report shows, read as `actor` (so only what it may see). */
export async function reportData(store: Store, actor: Actor, scope: ReportScope): Promise<ReportData> {
  const { lo, hi } = checkScope(scope);
  const placeIds = scope.place ? await placesNamed(store, actor, scope.place) : null;
  if (placeIds && placeIds.size === 0) throw new ValidationError(`no place named "${scope.place}"`);
  const series = await figureSeries(store, actor, ARRIVALS_METRIC);
  const inRange = (l: string | null, h: string | null) => (!lo || !h || h >= lo) && (!hi || !l || l <= hi);
  const arrivals = series.periods.filter((p) => inRange(p.lo, p.hi));
  const events: ReportEvent[] = [];
  const segments = new Map<string, ReportData['segments'][number]>();
  const names = new Map<string, string>();
  const cited = new Set<string>();
  for await (const r of stream(store, actor)) {
    if (r.status !== 'confirmed') continue;
    const placeId = (r.body as { placeId?: string | null }).placeId ?? null;
    if (placeIds && (!placeId || !placeIds.has(placeId))) continue;
    if (r.kind === 'event') {
      const b = r.body as RecordBody<'event'>;
      const when = b.start ? interval(b.start) : null;
      if ((lo || hi) && (!when || !inRange(when.lo, when.hi))) continue;
      events.push({ id: r.id, date: b.start?.value ?? '', type: b.type, place: placeId ? await nameOf(store, actor, placeId, names) : null, count: b.count?.value ?? null, sourceIds: sourcesOf(r) });
    } else if (r.kind === 'installation') {
      const b = r.body as RecordBody<'installation'>;
      const key = b.segment || '—';
      const seg = segments.get(key) ?? { segment: key, installations: 0, kinds: {}, sourceIds: [] };
      seg.installations++;
      seg.kinds[b.kind] = (seg.kinds[b.kind] ?? 0) + 1;
      seg.sourceIds.push(...sourcesOf(r));
      segments.set(key, seg);
    } else continue;
    for (const id of sourcesOf(r)) cited.add(id);
  }
  for (const p of arrivals) for (const v of p.values) if (v.source) cited.add(v.source.id);
  events.sort((a, b) => a.date.localeCompare(b.date));
  return {
    scope: { from: scope.from ?? null, to: scope.to ?? null, place: scope.place ?? null },
    arrivals,
    conflicts: arrivals.filter((p) => p.conflict).length,
    events,
    segments: [...segments.values()].sort((a, b) => a.segment.localeCompare(b.segment)),
    sourceIds: [...cited].sort(),
  };
}

const sourcesOf = (r: TumenRecord): string[] => [...new Set(r.citations.map((c) => c.sourceId))];

async function* stream(store: Store, actor: Actor): AsyncGenerator<TumenRecord> {
  for (const kind of ['event', 'installation'] as const) {
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof store.records.list>> = await store.records.list(actor, { kind, cursor, limit: 500 });
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor);
  }
}

async function placesNamed(store: Store, actor: Actor, name: string): Promise<Set<string>> {
  const wanted = name.trim().toLowerCase();
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof store.records.list>> = await store.records.list(actor, { kind: 'place', cursor, limit: 500 });
    for (const p of page.items) {
      const b = p.body as RecordBody<'place'>;
      if ([b.names.en, b.names.ko, b.names.zh, ...b.aliases].some((n) => n.trim().toLowerCase() === wanted)) ids.add(p.id);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

async function nameOf(store: Store, actor: Actor, id: string, cache: Map<string, string>): Promise<string> {
  if (!cache.has(id)) cache.set(id, await store.records.get(actor, id).then((r) => recordLabel(r.kind, r.body), () => '(withheld)'));
  return cache.get(id)!;
}
