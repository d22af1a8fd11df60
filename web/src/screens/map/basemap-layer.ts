import { geoPath, geoTransform } from 'd3-geo';
import type { Feature, MultiLineString, MultiPolygon } from 'geojson';
import type { Basemap } from '../../../build/basemap.ts';
import { projector, toWorld, type View } from './view.ts';

const COLORS = { water: '#dce7ee', land: '#f6f4ee', kp: '#ece3cf', coast: '#8fa6b4', border: '#6b5a4a' };

/**
 * Draws the basemap into an off-screen canvas larger than the view, then, while the user pans
 * or zooms, only moves and scales that picture; it is redrawn sharp once the map comes to rest.
 * That keeps each interactive frame to one image copy whatever the coastline detail.
 */
export class BasemapLayer {
  private countries: Array<Feature<MultiPolygon, { id: string }>>;
  private borders: MultiLineString;
  private coasts: MultiLineString;
  private cache: HTMLCanvasElement | null = null;
  private cacheView: View | null = null;
  private margin = 0;
  lastRenderMs = 0;

  constructor(basemap: Basemap) {
    this.countries = basemap.countries.map((c) => ({ type: 'Feature', properties: { id: c.id }, geometry: { type: 'MultiPolygon', coordinates: c.polygons } }));
    this.borders = { type: 'MultiLineString', coordinates: basemap.borders };
    this.coasts = { type: 'MultiLineString', coordinates: basemap.coasts };
  }

  private render(view: View, dpr: number): void {
    const t0 = performance.now();
    this.margin = Math.round(Math.max(view.width, view.height) / 2);
    const w = view.width + 2 * this.margin;
    const h = view.height + 2 * this.margin;
    const canvas = this.cache ?? document.createElement('canvas');
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = COLORS.water;
    ctx.fillRect(0, 0, w, h);
    const p = projector({ ...view, width: w, height: h });
    const transform = geoTransform({
      point(lon: number, lat: number) {
        const [x, y] = p(lon, lat);
        this.stream.point(x, y);
      },
    });
    const path = geoPath(transform, ctx);
    for (const c of this.countries) {
      ctx.beginPath();
      path(c);
      ctx.fillStyle = c.properties.id === '408' ? COLORS.kp : COLORS.land;
      ctx.fill('evenodd');
    }
    ctx.beginPath();
    path(this.coasts);
    ctx.strokeStyle = COLORS.coast;
    ctx.lineWidth = 0.8;
    ctx.stroke();
    ctx.beginPath();
    path(this.borders);
    ctx.strokeStyle = COLORS.border;
    ctx.lineWidth = 1.4;
    ctx.setLineDash([5, 3]);
    ctx.stroke();
    ctx.setLineDash([]);
    this.cache = canvas;
    this.cacheView = view;
    this.lastRenderMs = performance.now() - t0;
  }

  /** Draws the map for `view`; `settled` says whether a sharp redraw is worth its cost now. */
  draw(ctx: CanvasRenderingContext2D, view: View, dpr: number, settled: boolean): void {
    const cv = this.cacheView;
    const stale = !cv || cv.width !== view.width || cv.height !== view.height || cv.z !== view.z || cv.lon !== view.lon || cv.lat !== view.lat;
    if (!this.cache || (settled && stale)) this.render(view, dpr);
    const c = this.cacheView!;
    const s = 2 ** (view.z - c.z);
    const [ccx, ccy] = toWorld(c.lon, c.lat, c.z);
    const [vcx, vcy] = toWorld(view.lon, view.lat, view.z);
    const left = (ccx - c.width / 2 - this.margin) * s - vcx + view.width / 2;
    const top = (ccy - c.height / 2 - this.margin) * s - vcy + view.height / 2;
    ctx.fillStyle = COLORS.water;
    ctx.fillRect(0, 0, view.width, view.height);
    ctx.drawImage(this.cache!, left, top, (c.width + 2 * this.margin) * s, (c.height + 2 * this.margin) * s);
  }
}
