import { stringify } from 'csv-stringify/sync';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { interval } from '../../domain/partial-date.ts';
import { EVENT_TYPE_HURIDOCS, type EventType } from '../../domain/vocabulary.ts';
import type { RecordBody, TumenRecord } from '../../domain/records.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import {
  coarsenPoint,
  DEFAULT_GRID,
  DEFAULT_K,
  inPublishableCompartments,
  isConfirmed,
  isPublicKind,
  MIN_GRID,
  publicCitation,
  publicFields,
  publicPlaceName,
  suppress,
  type PublicCitation,
} from './redaction-rules.ts';

export type PublicFormat = 'json' | 'csv' | 'geojson' | 'huridocs';

export interface PublicExportOptions {
  format: PublicFormat;
  out: Writable;
  publishable: readonly string[];
  grid?: number;
  k?: number;
}

export interface PublicItem {
  id: string;
  kind: string;
  fields: Record<string, unknown>;
  place: { name: string | null; coordinates: [number, number] } | null;
  citations: PublicCitation[];
}

/**
 * Open data safe to publish: streams every record through the rules of redaction-rules.ts
 * (one record at a time, caches of places and sources only), then the aggregated table with
 * small counts suppressed. Runs as the operator: the rules, not a reader's grants, decide.
 */
export async function exportPublic(store: Store, opts: PublicExportOptions): Promise<{ items: number; suppressed: number }> {
  const grid = opts.grid ?? DEFAULT_GRID;
  const k = opts.k ?? DEFAULT_K;
  if (!(grid >= MIN_GRID && grid <= 10)) throw new ValidationError(`--grid must be between ${MIN_GRID} and 10 degrees`);
  if (!Number.isInteger(k) || k < 2) throw new ValidationError('--k must be a whole number of 2 or more');
  if (opts.publishable.length === 0) throw new ValidationError('no compartment is marked publishable: name them with --publishable');
  const publishable = new Set(opts.publishable);
  const lookup = new Lookups(store, grid);
  const counts = new Map<string, number>();
  const writer = formatWriter(opts.format, opts.out, { grid, k });
  await writer.start();
  let items = 0;
  for await (const r of store.records.streamAllUnrestricted()) {
    if (!isPublicKind(r) || !isConfirmed(r)) continue;
    const compartments = (await store.accounts.compartments.ofRecords([r.id])).get(r.id) ?? [];
    if (!inPublishableCompartments(compartments, publishable)) continue;
    const item = await lookup.item(r);
    if (r.kind === 'event') {
      const b = r.body as RecordBody<'event'>;
      const key = JSON.stringify([b.type, b.start ? interval(b.start).lo.slice(0, 4) : null, item.place?.name ?? null]);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    await writer.item(item);
    items++;
  }
  const aggregates = [...counts].map(([key, n]) => {
    const [eventType, year, place] = JSON.parse(key) as [string, string | null, string | null];
    return { eventType, year, place, ...suppress(n, k) };
  });
  await writer.end(aggregates);
  return { items, suppressed: aggregates.filter((a) => a.suppressed).length };
}

class Lookups {
  private readonly places = new Map<string, PublicItem['place']>();
  private readonly sources = new Map<string, PublicCitation>();
  constructor(
    private readonly store: Store,
    private readonly grid: number,
  ) {}

  async item(r: TumenRecord): Promise<PublicItem> {
    const placeId = (r.body as { placeId?: string | null }).placeId ?? null;
    const citations = await Promise.all([...new Set(r.citations.map((c) => c.sourceId))].map((id) => this.citation(id)));
    return { id: r.id, kind: r.kind, fields: publicFields(r), place: placeId ? await this.place(placeId) : null, citations };
  }

  private async place(id: string): Promise<PublicItem['place']> {
    if (!this.places.has(id)) {
      const p = (await this.store.records.getUnrestricted<'place'>(id)).body;
      const point = p.geometry?.type === 'Point' ? coarsenPoint(p.geometry.coordinates, p.precision, this.grid) : null;
      this.places.set(id, point ? { name: publicPlaceName(p), coordinates: point } : null);
    }
    return this.places.get(id) ?? null;
  }

  private async citation(id: string): Promise<PublicCitation> {
    let c = this.sources.get(id);
    if (!c) {
      c = publicCitation(await this.store.sources.getUnrestricted(id, { includeDeleted: true }));
      this.sources.set(id, c);
    }
    return c;
  }
}

interface Aggregate {
  eventType: string;
  year: string | null;
  place: string | null;
  count: number | null;
  suppressed: boolean;
}

interface FormatWriter {
  start(): Promise<void>;
  item(i: PublicItem): Promise<void>;
  end(aggregates: Aggregate[]): Promise<void>;
}

function formatWriter(format: PublicFormat, out: Writable, meta: { grid: number; k: number }): FormatWriter {
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  let first = true;
  const sep = () => {
    const s = first ? '\n' : ',\n';
    first = false;
    return s;
  };
  const header = { profile: 'public', gridDegrees: meta.grid, kAnonymity: meta.k, generatedAt: new Date().toISOString() };
  switch (format) {
    case 'json':
      return {
        start: () => write(`${JSON.stringify(header).slice(0, -1)},"items":[`),
        item: (i) => write(`${sep()}${JSON.stringify(i)}`),
        end: (a) => write(`\n],"aggregates":${JSON.stringify(a)}}\n`),
      };
    case 'geojson':
      return {
        start: () => write(`{"type":"FeatureCollection","properties":${JSON.stringify(header)},"features":[`),
        item: async (i) => {
          if (!i.place) return;
          const feature = { type: 'Feature', geometry: { type: 'Point', coordinates: i.place.coordinates }, properties: { id: i.id, kind: i.kind, place: i.place.name, ...i.fields, citations: i.citations } };
          await write(`${sep()}${JSON.stringify(feature)}`);
        },
        end: () => write('\n]}\n'),
      };
    case 'csv':
      return {
        start: () => write(stringify([['id', 'kind', 'fields', 'place', 'lon', 'lat', 'sources']])),
        item: (i) =>
          write(stringify([[i.id, i.kind, JSON.stringify(i.fields), i.place?.name ?? '', i.place?.coordinates[0] ?? '', i.place?.coordinates[1] ?? '', i.citations.map((c) => [c.title, c.outlet, c.date ?? '', c.url].join(' | ')).join(' ; ')]])),
        end: async () => undefined,
      };
    case 'huridocs':
      return huridocsWriter(write, sep, header);
  }
}

/**
 * Events coded for exchange with Uwazi/OpenEvSys users: HURIDOCS Micro-thesaurus 04 act types
 * (our closest codes, domain/vocabulary.ts), the coarsened location, and the dates. Other kinds
 * have no HURIDOCS act and are left out.
 */
function huridocsWriter(write: (s: string) => Promise<void>, sep: () => string, header: Record<string, unknown>): FormatWriter {
  return {
    start: () => write(`${JSON.stringify({ ...header, vocabulary: 'HURIDOCS Events Standard Formats, MT04 Types of Acts' }).slice(0, -1)},"events":[`),
    item: async (i) => {
      if (i.kind !== 'event') return;
      const f = i.fields as { type: EventType; start: { value: string } | null; end: { value: string } | null };
      const acts = EVENT_TYPE_HURIDOCS[f.type] ?? [];
      const event = { id: i.id, acts: acts.map((code) => ({ code, scheme: 'HURIDOCS MT04' })), initialDate: f.start?.value ?? null, finalDate: f.end?.value ?? null, location: i.place, sources: i.citations };
      await write(`${sep()}${JSON.stringify(event)}`);
    },
    end: () => write('\n]}\n'),
  };
}
