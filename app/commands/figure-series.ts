import { ValidationError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import { buildSeries, periodKey, type SeriesPeriod, type SeriesValue } from '../../domain/figure-series.ts';
import type { RecordBody, TumenRecord } from '../../domain/records.ts';
import type { Source } from '../../domain/sources.ts';
import { recordInScope, scopeOf } from '../../store/access.ts';
import type { Store } from '../../store/store.ts';

export interface FigureSeries {
  metric: string;
  periods: SeriesPeriod[];
  conflicts: number;
}

async function figuresOf(store: Store, actor: Actor, metric: string, includeCandidates: boolean): Promise<TumenRecord<'figure'>[]> {
  const out: TumenRecord<'figure'>[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof store.records.list>> = await store.records.list(actor, { kind: 'figure', metric, cursor, limit: 500 });
    for (const r of page.items) {
      if (r.status === 'confirmed' || (includeCandidates && r.status === 'candidate')) out.push(r as TumenRecord<'figure'>);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** All values of one metric the actor may see, per period, with their sources, the chosen value, and the conflicts. */
export async function figureSeries(store: Store, actor: Actor, metric: string, opts: { includeCandidates?: boolean } = {}): Promise<FigureSeries> {
  const figures = await figuresOf(store, actor, metric, opts.includeCandidates ?? false);
  const sources = new Map<string, Source | null>();
  const values: SeriesValue[] = [];
  for (const f of figures) {
    const c = f.citations[0];
    if (c && !sources.has(c.sourceId)) sources.set(c.sourceId, await store.sources.get(actor, c.sourceId).catch(() => null));
    const s = c ? sources.get(c.sourceId) : null;
    const b = f.body;
    values.push({
      figureId: f.id,
      value: b.value,
      valueMax: b.valueMax,
      qualifier: b.qualifier,
      provisional: b.provisional,
      pinned: b.pinned,
      status: f.status,
      period: b.period,
      placeId: b.placeId,
      source: s ? { id: s.id, title: s.title, publisher: s.publisher, published: s.published?.value ?? null, reliability: s.reliability } : null,
      credibility: c?.credibility ?? 6,
      quote: c?.quote ?? '',
    });
  }
  const periods = buildSeries(values);
  return { metric, periods, conflicts: periods.filter((p) => p.conflict).length };
}

/** Pins one figure as the value to show for its metric, period and place; unpins the others. */
export async function pinFigure(store: Store, actor: Actor, figureId: string): Promise<void> {
  await store.transaction(async (tx) => {
    const f = (await tx.records.get(actor, figureId)) as TumenRecord<'figure'>;
    if (f.kind !== 'figure') throw new ValidationError('only figures can be pinned');
    const key = `${periodKey(f.body.period)}|${f.body.placeId ?? ''}`;
    for (const other of await figuresOf(tx, actor, f.body.metric, true)) {
      const sameGroup = `${periodKey(other.body.period)}|${other.body.placeId ?? ''}` === key;
      const want = other.id === figureId;
      if (sameGroup && other.body.pinned !== want) {
        await tx.records.update(actor, other.id, { body: { ...other.body, pinned: want } satisfies RecordBody<'figure'> });
      }
    }
  });
}

/** Distinct metrics with how many figures the actor may see each has, for pickers and the dashboard. */
export async function figureMetrics(store: Store, actor: Actor): Promise<Array<{ metric: string; count: number }>> {
  const rows = await store.db
    .selectFrom('records')
    .select(['metric'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'figure')
    .where('deleted_at', 'is', null)
    .where(recordInScope(scopeOf(actor, 'read')))
    .where('status', '!=', 'rejected')
    .groupBy('metric')
    .orderBy('metric')
    .execute();
  return rows.filter((r) => r.metric).map((r) => ({ metric: r.metric!, count: Number(r.n) }));
}
