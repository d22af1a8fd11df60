import Supercluster from 'supercluster';
import { PRECISION_KM, type MapItem } from './map-data.ts';
import { bounds, kmToPx, projector, type View } from './view.ts';

export type Index = Supercluster<{ i: number }, { e: number }>;

export const EVENT_COLOR = '#2f6690';
export const INSTALLATION_COLOR = '#8a4f2a';

export function buildIndex(items: MapItem[]): Index {
  const index: Index = new Supercluster({
    radius: 80,
    maxZoom: 13,
    map: (p) => ({ e: items[p.i]!.layer === 'event' ? 1 : 0 }),
    reduce: (acc, p) => {
      acc.e += p.e;
    },
  });
  index.load(items.map((it, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [it.lon, it.lat] } })));
  return index;
}

export type Hit =
  | { kind: 'cluster'; clusterId: number; count: number; events: number; x: number; y: number; r: number; lon: number; lat: number }
  | { kind: 'item'; item: MapItem; x: number; y: number; r: number };

/** Clusters and single items in view. Imprecise places are drawn as the area they may be in, never as a pin. */
export function drawPoints(ctx: CanvasRenderingContext2D, view: View, index: Index, items: MapItem[], formatCount: (n: number) => string): Hit[] {
  const p = projector(view);
  const hits: Hit[] = [];
  const features = index.getClusters(bounds(view, 60), Math.floor(view.z));
  // Areas first so pins and clusters stay on top of them.
  const singles: Array<{ item: MapItem; x: number; y: number }> = [];
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const [x, y] = p(lon, lat);
    const props = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; e?: number; i?: number };
    if (props.cluster) {
      const count = props.point_count!;
      hits.push({ kind: 'cluster', clusterId: props.cluster_id!, count, events: props.e ?? 0, x, y, r: 13 + 5 * Math.log10(count), lon, lat });
    } else singles.push({ item: items[props.i!]!, x, y });
  }
  // Areas are batched into one path per layer: one fill, however many overlap, so a dense view
  // at street level costs one pass over the pixels rather than one per item.
  const areas: Record<'event' | 'installation', Array<{ x: number; y: number; r: number }>> = { event: [], installation: [] };
  for (const s of singles) {
    const it = s.item;
    const color = it.layer === 'event' ? EVENT_COLOR : INSTALLATION_COLOR;
    if (it.line) {
      ctx.beginPath();
      it.line.forEach(([lon, lat], k) => {
        const [x, y] = p(lon!, lat!);
        if (k === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      ctx.strokeStyle = color;
      ctx.lineWidth = 3;
      ctx.stroke();
    }
    const km = PRECISION_KM[it.precision];
    if (km > 0) {
      const r = Math.max(9, kmToPx(km, it.lat, view.z));
      areas[it.layer].push({ x: s.x, y: s.y, r });
      hits.push({ kind: 'item', item: it, x: s.x, y: s.y, r: Math.min(r, 24) });
    }
  }
  const diagonal = Math.hypot(view.width, view.height);
  for (const layer of ['event', 'installation'] as const) {
    const list = areas[layer];
    if (list.length === 0) continue;
    const color = layer === 'event' ? EVENT_COLOR : INSTALLATION_COLOR;
    ctx.beginPath();
    for (const a of list) {
      ctx.moveTo(a.x + a.r, a.y);
      ctx.arc(a.x, a.y, a.r, 0, Math.PI * 2);
    }
    ctx.globalAlpha = 0.16;
    ctx.fillStyle = color;
    ctx.fill();
    ctx.globalAlpha = 0.9;
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.2;
    // Dashes along a circle far larger than the screen would be computed all the way round: those
    // edges are drawn solid.
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    for (const a of list) {
      if (a.r > diagonal) continue;
      ctx.moveTo(a.x + a.r, a.y);
      ctx.arc(a.x, a.y, a.r, 0, Math.PI * 2);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    for (const a of list) {
      if (a.r <= diagonal) continue;
      ctx.moveTo(a.x + a.r, a.y);
      ctx.arc(a.x, a.y, a.r, 0, Math.PI * 2);
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  for (const s of singles) {
    const it = s.item;
    if (PRECISION_KM[it.precision] > 0) continue;
    ctx.beginPath();
    if (it.layer === 'event') ctx.arc(s.x, s.y, 5.5, 0, Math.PI * 2);
    else ctx.rect(s.x - 5, s.y - 5, 10, 10);
    ctx.fillStyle = it.layer === 'event' ? EVENT_COLOR : INSTALLATION_COLOR;
    ctx.fill();
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
    hits.push({ kind: 'item', item: it, x: s.x, y: s.y, r: 9 });
  }
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const h of hits) {
    if (h.kind !== 'cluster') continue;
    const share = h.events / h.count;
    ctx.beginPath();
    ctx.arc(h.x, h.y, h.r, 0, Math.PI * 2);
    ctx.fillStyle = 'rgba(255,255,255,0.92)';
    ctx.fill();
    ctx.lineWidth = 4;
    // The ring shows the share of events (blue) and installations (brown) in the cluster.
    ctx.beginPath();
    ctx.arc(h.x, h.y, h.r - 2, -Math.PI / 2, -Math.PI / 2 + share * Math.PI * 2);
    ctx.strokeStyle = EVENT_COLOR;
    ctx.stroke();
    if (share < 1) {
      ctx.beginPath();
      ctx.arc(h.x, h.y, h.r - 2, -Math.PI / 2 + share * Math.PI * 2, Math.PI * 1.5);
      ctx.strokeStyle = INSTALLATION_COLOR;
      ctx.stroke();
    }
    ctx.fillStyle = '#1d2a33';
    ctx.fillText(formatCount(h.count), h.x, h.y);
  }
  return hits;
}

export function hitAt(hits: Hit[], x: number, y: number): Hit | null {
  let best: Hit | null = null;
  let bestD = Infinity;
  for (const h of hits) {
    const d = Math.hypot(h.x - x, h.y - y);
    if (d <= h.r && d < bestD) {
      best = h;
      bestD = d;
    }
  }
  return best;
}
