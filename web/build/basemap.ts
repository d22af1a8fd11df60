import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The regional basemap, cut at build time from Natural Earth 1:10m (world-atlas): the countries
 * around the North Korea–China border, their land borders (the Yalu and Tumen rivers are the
 * border line) and coastlines. Cut to a box and rounded to ~100 m, it is a few hundred KB
 * instead of the 3.6 MB world file, and needs no tile server.
 */
export const BASEMAP_BOX = { west: 112, south: 30, east: 146, north: 52 };
const KEEP = new Set(['156', '408', '410', '392', '643', '496']);
const round = (n: number) => Math.round(n * 1000) / 1000;

export interface Basemap {
  box: typeof BASEMAP_BOX;
  countries: Array<{ id: string; name: string; polygons: number[][][][] }>;
  borders: number[][][];
  coasts: number[][][];
  attribution: string;
}

type Pt = [number, number];
const inside = (p: Pt, edge: number, v: number) => (edge === 0 ? p[0] >= v : edge === 1 ? p[0] <= v : edge === 2 ? p[1] >= v : p[1] <= v);
function cross(a: Pt, b: Pt, edge: number, v: number): Pt {
  if (edge < 2) {
    const t = (v - a[0]) / (b[0] - a[0]);
    return [v, a[1] + t * (b[1] - a[1])];
  }
  const t = (v - a[1]) / (b[1] - a[1]);
  return [a[0] + t * (b[0] - a[0]), v];
}

/** Sutherland–Hodgman against the box: enough for filled land, whose cut edges lie off screen. */
export function clipRing(ring: Position[]): Pt[] {
  const bounds = [BASEMAP_BOX.west, BASEMAP_BOX.east, BASEMAP_BOX.south, BASEMAP_BOX.north];
  let out = ring.map((p) => [p[0]!, p[1]!] as Pt);
  for (let edge = 0; edge < 4 && out.length > 0; edge++) {
    const v = bounds[edge]!;
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (inside(cur, edge, v)) {
        if (!inside(prev, edge, v)) out.push(cross(prev, cur, edge, v));
        out.push(cur);
      } else if (inside(prev, edge, v)) {
        out.push(cross(prev, cur, edge, v));
      }
    }
  }
  return out;
}

const inBox = (p: Position) =>
  p[0]! >= BASEMAP_BOX.west - 1 && p[0]! <= BASEMAP_BOX.east + 1 && p[1]! >= BASEMAP_BOX.south - 1 && p[1]! <= BASEMAP_BOX.north + 1;

/** Lines are split where they leave the (slightly padded) box. */
function clipLines(lines: Position[][]): number[][][] {
  const out: number[][][] = [];
  for (const line of lines) {
    let cur: number[][] = [];
    for (const p of line) {
      if (inBox(p)) cur.push([round(p[0]!), round(p[1]!)]);
      else if (cur.length > 0) {
        if (cur.length > 1) out.push(cur);
        cur = [];
      }
    }
    if (cur.length > 1) out.push(cur);
  }
  return out;
}

function dedupe(ring: number[][]): number[][] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
}

export function buildBasemap(): Basemap {
  const require = createRequire(import.meta.url);
  const topo = require('world-atlas/countries-10m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const kept: GeometryCollection<{ name: string }> = { type: 'GeometryCollection', geometries: topo.objects.countries.geometries.filter((g) => KEEP.has(String(g.id))) };
  const countries = kept.geometries.map((g) => {
    const f = feature(topo, g) as Feature<Polygon | MultiPolygon, { name: string }>;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const polygons = polys
      .map((rings) => rings.map((r) => dedupe(clipRing(r).map(([x, y]) => [round(x), round(y)]))).filter((r) => r.length >= 3))
      .filter((rings) => rings.length > 0);
    return { id: String(g.id), name: f.properties.name, polygons };
  });
  const borders = mesh(topo, kept, (a, b) => a !== b) as MultiLineString;
  const coasts = mesh(topo, kept, (a, b) => a === b) as MultiLineString;
  return {
    box: BASEMAP_BOX,
    countries: countries.filter((c) => c.polygons.length > 0),
    borders: clipLines(borders.coordinates),
    coasts: clipLines(coasts.coordinates),
    attribution: 'Natural Earth 1:10m (public domain), via world-atlas',
  };
}
