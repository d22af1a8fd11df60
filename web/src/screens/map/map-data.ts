import type { GeoPrecision } from '@domain/vocabulary.ts';
import { EVENT_TYPES, INSTALLATION_KINDS } from '@domain/vocabulary.ts';
import type { TumenRecord } from '@domain/records.ts';
import { recordDates } from '@domain/record-text.ts';

export type Layer = 'event' | 'installation';

/** One thing drawn on the map, flattened for speed: 100,000 of these must filter and cluster quickly. */
export interface MapItem {
  id: string;
  layer: Layer;
  type: string;
  title: string;
  lon: number;
  lat: number;
  precision: GeoPrecision;
  line: number[][] | null;
  /** Years the item may fall in; null when undated. */
  lo: number | null;
  hi: number | null;
}

/** Ground radius, in km, of the area a place of this precision may be anywhere in. */
export const PRECISION_KM: Record<GeoPrecision, number> = { exact: 0, town: 4, county: 20, province: 70, country: 250, unknown: 35 };

const yearOf = (day: string) => Number(day.slice(0, 4));

function position(place: TumenRecord<'place'> | undefined): { lon: number; lat: number; line: number[][] | null; precision: GeoPrecision } | null {
  const g = place?.body.geometry;
  if (!place || !g) return null;
  if (g.type === 'Point') return { lon: g.coordinates[0], lat: g.coordinates[1], line: null, precision: place.body.precision };
  const mid = g.coordinates[Math.floor(g.coordinates.length / 2)]!;
  return { lon: mid[0], lat: mid[1], line: g.coordinates, precision: place.body.precision };
}

export function buildItems(
  places: TumenRecord<'place'>[],
  events: TumenRecord<'event'>[],
  installations: TumenRecord<'installation'>[],
  observations: TumenRecord<'observation'>[],
  titleOf: (r: TumenRecord<'event'> | TumenRecord<'installation'>) => string,
): { items: MapItem[]; unplaced: number } {
  const byId = new Map(places.map((p) => [p.id, p]));
  const items: MapItem[] = [];
  let unplaced = 0;
  for (const e of events) {
    const pos = position(e.body.placeId ? byId.get(e.body.placeId) : undefined);
    if (!pos) {
      unplaced++;
      continue;
    }
    const d = recordDates('event', e.body);
    items.push({ id: e.id, layer: 'event', type: e.body.type, title: titleOf(e), ...pos, lo: d && d.lo > '0001-01-01' ? yearOf(d.lo) : null, hi: d && d.hi < '9999-12-31' ? yearOf(d.hi) : null });
  }
  const obsBy = new Map<string, number[]>();
  for (const o of observations) {
    if (o.status === 'rejected' || !o.body.date) continue;
    const list = obsBy.get(o.body.installationId) ?? [];
    list.push(Number(o.body.date.value.slice(0, 4)));
    obsBy.set(o.body.installationId, list);
  }
  for (const i of installations) {
    const pos = position(i.body.placeId ? byId.get(i.body.placeId) : undefined);
    if (!pos) {
      unplaced++;
      continue;
    }
    const years = obsBy.get(i.id);
    items.push({ id: i.id, layer: 'installation', type: i.body.kind, title: titleOf(i), ...pos, lo: years ? Math.min(...years) : null, hi: years ? Math.max(...years) : null });
  }
  return { items, unplaced };
}

/** Deterministic synthetic items along the border, for the 100,000-point performance check. */
export function syntheticItems(n: number): MapItem[] {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const precisions: GeoPrecision[] = ['exact', 'town', 'county', 'county', 'province', 'unknown'];
  const items: MapItem[] = new Array(n);
  for (let k = 0; k < n; k++) {
    // Points scattered around a rough line from Sinuiju (124.4, 40.1) to Rason (130.4, 42.3).
    const t = rnd();
    const lon = 124.4 + t * 6 + (rnd() - 0.5) * 1.2;
    const lat = 40.1 + t * 2.2 + Math.sin(t * 6) * 0.6 + (rnd() - 0.5) * 1.0;
    const isEvent = rnd() < 0.85;
    const year = 1998 + Math.floor(rnd() * 28);
    items[k] = {
      id: `synthetic-${k}`,
      layer: isEvent ? 'event' : 'installation',
      type: isEvent ? EVENT_TYPES[Math.floor(rnd() * EVENT_TYPES.length)]! : INSTALLATION_KINDS[Math.floor(rnd() * INSTALLATION_KINDS.length)]!,
      title: `#${k}`,
      lon,
      lat,
      precision: precisions[Math.floor(rnd() * precisions.length)]!,
      line: null,
      lo: year,
      hi: year,
    };
  }
  return items;
}

export interface MapFilter {
  layers: Record<Layer, boolean>;
  types: Set<string>;
  from: number;
  to: number;
  undated: boolean;
}

export function applyFilter(items: MapItem[], f: MapFilter): MapItem[] {
  return items.filter((it) => {
    if (!f.layers[it.layer] || !f.types.has(it.type)) return false;
    if (it.lo === null && it.hi === null) return f.undated;
    return (it.hi ?? 9999) >= f.from && (it.lo ?? 0) <= f.to;
  });
}
