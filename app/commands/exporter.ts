import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../../domain/actor.ts';
import type { TumenRecord } from '../../domain/records.ts';
import type { Tumen } from '../tumen.ts';
import { EXPORT_FOOTER, EXPORT_HEADER, type ExportItem } from './export-format.ts';

export type ExportFormat = 'json' | 'csv' | 'geojson';

export interface ExportProps {
  format: ExportFormat;
  out: Writable;
  actor: Actor;
  /** Whether person protected fields go into the export (only for a full backup-grade JSON). */
  includeProtected?: boolean;
  /** Include evidence bytes (base64) so the JSON export restores files too. */
  includeBlobs?: boolean;
  onProgress?: (items: number) => void;
}

/** Streams everything with no row cap; memory stays bounded by one batch of rows. */
export async function exportAll(tumen: Tumen, props: ExportProps): Promise<number> {
  const w = writer(props.out);
  let n = 0;
  const tick = () => {
    n += 1;
    if (n % 1000 === 0) props.onProgress?.(n);
  };
  switch (props.format) {
    case 'json':
      await exportJson(tumen, props, w, tick);
      break;
    case 'csv':
      await exportCsv(tumen, props.actor, w, tick);
      break;
    case 'geojson':
      await exportGeoJson(tumen, props.actor, w, tick);
      break;
  }
  await tumen.store.audit.append(props.actor, 'export', { kind: 'export', id: props.format }, { items: n }, { format: props.format });
  props.onProgress?.(n);
  return n;
}

type Write = (chunk: string) => Promise<void>;

function writer(out: Writable): Write {
  return async (chunk) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
}

async function exportJson(tumen: Tumen, props: ExportProps, write: Write, tick: () => void) {
  const { store, blobs } = tumen;
  await write(EXPORT_HEADER);
  let first = true;
  const item = async (x: ExportItem) => {
    await write(`${first ? '\n' : ',\n'}${JSON.stringify(x)}`);
    first = false;
    tick();
  };
  // Only what the actor may read: an export is a read like any other, just a bigger one.
  for await (const s of store.sources.streamAll(props.actor)) await item({ type: 'source', ...s });
  for await (const e of store.evidence.streamAll(props.actor)) {
    const blob = props.includeBlobs === false ? null : Buffer.from(await blobs.get(e.sha256)).toString('base64');
    if (blob !== null) await store.audit.recordRead(props.actor, { kind: 'evidence', id: e.id }, 'evidence-content');
    await item({ type: 'evidence', ...e, blob });
  }
  for await (const r of store.records.streamAll(props.actor, 500, { includeProtected: props.includeProtected ?? false })) {
    // Whose identity left in an export is exactly what an insider investigation asks.
    if (r.protected) await store.audit.recordRead(props.actor, { kind: r.kind, id: r.id }, 'protected');
    await item(recordItem(r));
  }
  await write(`\n${EXPORT_FOOTER}\n`);
}

function recordItem(r: TumenRecord): ExportItem {
  return {
    type: 'record',
    id: r.id,
    kind: r.kind,
    status: r.status,
    version: r.version,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
    body: r.body,
    protected: r.protected ?? null,
    citations: r.citations,
  };
}

const CSV_COLUMNS = ['id', 'kind', 'status', 'label', 'type', 'date_from', 'date_to', 'place_id', 'value', 'unit', 'source_ids', 'quotes', 'body'];

async function exportCsv(tumen: Tumen, actor: Actor, write: Write, tick: () => void) {
  await write(stringify([CSV_COLUMNS]));
  for await (const r of tumen.store.records.streamAll(actor)) {
    const b = r.body as Record<string, any>;
    const dates = datesOf(r);
    await write(
      stringify([
        [
          r.id, r.kind, r.status, labelOf(r), b.type ?? b.kind ?? b.action ?? b.status ?? '', dates[0], dates[1],
          b.placeId ?? '', b.value ?? b.count?.value ?? '', b.unit ?? (b.count ? 'persons' : ''),
          [...new Set(r.citations.map((c) => c.sourceId))].join(' '), r.citations.map((c) => c.quote).join(' | '), JSON.stringify(b),
        ],
      ]),
    );
    tick();
  }
}

function labelOf(r: TumenRecord): string {
  const b = r.body as Record<string, any>;
  return b.pseudonym ?? b.name ?? b.title ?? b.label ?? b.metric ?? b.names?.en ?? '';
}

function datesOf(r: TumenRecord): [string, string] {
  const b = r.body as Record<string, any>;
  const from = b.start?.value ?? b.date?.value ?? b.period?.start?.value ?? '';
  const to = b.end?.value ?? b.period?.end?.value ?? '';
  return [from, to];
}

/**
 * Places with their geometry, and events and installations drawn at their place. Precision
 * travels with each feature so a map can draw a county-level place as an area, not a pin.
 */
async function exportGeoJson(tumen: Tumen, actor: Actor, write: Write, tick: () => void) {
  const places = new Map<string, { geometry: unknown; precision: string; name: string }>();
  for await (const r of tumen.store.records.streamAll(actor)) {
    if (r.kind !== 'place') continue;
    const b = r.body as Record<string, any>;
    if (b.geometry) places.set(r.id, { geometry: b.geometry, precision: b.precision, name: b.names.en || b.names.ko || b.names.zh });
  }
  await write('{"type":"FeatureCollection","features":[');
  let first = true;
  for await (const r of tumen.store.records.streamAll(actor)) {
    const b = r.body as Record<string, any>;
    const placeId = r.kind === 'place' ? r.id : b.placeId;
    if (!['place', 'event', 'installation'].includes(r.kind) || !placeId) continue;
    const place = places.get(placeId);
    if (!place) continue;
    const [from, to] = datesOf(r);
    const feature = {
      type: 'Feature',
      id: r.id,
      geometry: place.geometry,
      properties: { kind: r.kind, status: r.status, label: labelOf(r) || place.name, type: b.type ?? b.kind ?? null, date_from: from || null, date_to: to || null, place: place.name, precision: place.precision },
    };
    await write(`${first ? '\n' : ',\n'}${JSON.stringify(feature)}`);
    first = false;
    tick();
  }
  await write('\n]}\n');
}
