import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Basemap } from '../../../build/basemap.ts';
import { BasemapLayer } from './basemap-layer.ts';
import type { MapItem } from './map-data.ts';
import { drawPoints, hitAt, type Hit, type Index } from './points-layer.ts';
import { panBy, projector, zoomAround, type View } from './view.ts';

export interface MapHandle {
  zoom(dz: number): void;
  pan(dx: number, dy: number): void;
  goTo(lon: number, lat: number, z: number): void;
}

export interface FrameStats {
  frames: number[];
  basemapMs: number;
}

interface Props {
  basemap: Basemap;
  index: Index | null;
  items: MapItem[];
  initial: { lon: number; lat: number; z: number };
  labels: Array<{ text: string; lon: number; lat: number }>;
  formatCount(n: number): string;
  onSettled(hits: Hit[], view: View): void;
  onPick(hit: Hit): void;
  stats?: FrameStats;
}

const SETTLE_MS = 160;

/**
 * The map surface: a canvas redrawn on animation frames, with all view state kept outside React
 * so that panning and zooming never re-render components; React hears about the view only once
 * it has settled.
 */
export const MapCanvas = forwardRef<MapHandle, Props>(function MapCanvas({ basemap, index, items, initial, labels, formatCount, onSettled, onPick, stats }, ref) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const view = useRef<View>({ ...initial, width: 800, height: 600 });
  const layer = useRef<BasemapLayer | null>(null);
  const hits = useRef<Hit[]>([]);
  const frame = useRef(0);
  const settleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const settled = useRef(true);
  const props = useRef({ index, items, labels, formatCount, onSettled, onPick, stats });
  props.current = { index, items, labels, formatCount, onSettled, onPick, stats };

  const draw = () => {
    frame.current = 0;
    const canvas = canvasRef.current;
    if (!canvas) return;
    const t0 = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const v = view.current;
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    layer.current ??= new BasemapLayer(basemap);
    layer.current.draw(ctx, v, dpr, settled.current);
    const p = projector(v);
    ctx.font = '500 13px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillStyle = 'rgba(60,60,60,0.55)';
    for (const l of props.current.labels) {
      const [x, y] = p(l.lon, l.lat);
      ctx.fillText(l.text, x, y);
    }
    const { index: idx, items: its } = props.current;
    hits.current = idx ? drawPoints(ctx, v, idx, its, props.current.formatCount) : [];
    const s = props.current.stats;
    if (s && !settled.current) {
      // Reading a pixel makes the browser finish drawing now, so the time measured is the real cost.
      ctx.getImageData(0, 0, 1, 1);
      s.frames.push(performance.now() - t0);
    }
    if (s) s.basemapMs = layer.current.lastRenderMs;
  };
  const request = () => {
    if (!frame.current) frame.current = requestAnimationFrame(draw);
  };
  const changed = (next: View) => {
    view.current = next;
    settled.current = false;
    if (settleTimer.current) clearTimeout(settleTimer.current);
    settleTimer.current = setTimeout(() => {
      settled.current = true;
      draw();
      props.current.onSettled(hits.current, view.current);
    }, SETTLE_MS);
    request();
  };

  useImperativeHandle(ref, () => ({
    zoom: (dz) => changed(zoomAround(view.current, dz, view.current.width / 2, view.current.height / 2)),
    pan: (dx, dy) => changed(panBy(view.current, dx, dy)),
    goTo: (lon, lat, z) => changed({ ...view.current, lon, lat, z }),
  }));

  // New data: redraw and report what is in view.
  useEffect(() => {
    draw();
    onSettled(hits.current, view.current);
  }, [index, items, labels]);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const resize = () => {
      const r = canvas.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.round(r.width * dpr);
      canvas.height = Math.round(r.height * dpr);
      view.current = { ...view.current, width: r.width, height: r.height };
      settled.current = true;
      draw();
      props.current.onSettled(hits.current, view.current);
    };
    const ro = new ResizeObserver(resize);
    ro.observe(canvas);
    let drag: { x: number; y: number; moved: number; id: number } | null = null;
    const down = (e: PointerEvent) => {
      drag = { x: e.clientX, y: e.clientY, moved: 0, id: e.pointerId };
      canvas.setPointerCapture(e.pointerId);
    };
    const move = (e: PointerEvent) => {
      if (!drag || drag.id !== e.pointerId) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      drag.moved += Math.abs(dx) + Math.abs(dy);
      drag.x = e.clientX;
      drag.y = e.clientY;
      changed(panBy(view.current, -dx, -dy));
    };
    const up = (e: PointerEvent) => {
      if (!drag) return;
      const wasClick = drag.moved < 4;
      drag = null;
      if (!wasClick) return;
      const r = canvas.getBoundingClientRect();
      const h = hitAt(hits.current, e.clientX - r.left, e.clientY - r.top);
      if (h) props.current.onPick(h);
    };
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = canvas.getBoundingClientRect();
      const dz = Math.max(-1, Math.min(1, -e.deltaY / (e.deltaMode === 1 ? 8 : 300)));
      changed(zoomAround(view.current, dz, e.clientX - r.left, e.clientY - r.top));
    };
    const key = (e: KeyboardEvent) => {
      const step = 80;
      const moves: Record<string, () => View> = {
        ArrowLeft: () => panBy(view.current, -step, 0),
        ArrowRight: () => panBy(view.current, step, 0),
        ArrowUp: () => panBy(view.current, 0, -step),
        ArrowDown: () => panBy(view.current, 0, step),
        '+': () => zoomAround(view.current, 0.5, view.current.width / 2, view.current.height / 2),
        '=': () => zoomAround(view.current, 0.5, view.current.width / 2, view.current.height / 2),
        '-': () => zoomAround(view.current, -0.5, view.current.width / 2, view.current.height / 2),
      };
      const m = moves[e.key];
      if (!m) return;
      e.preventDefault();
      changed(m());
    };
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', () => (drag = null));
    canvas.addEventListener('wheel', wheel, { passive: false });
    canvas.addEventListener('keydown', key);
    return () => {
      ro.disconnect();
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('wheel', wheel);
      canvas.removeEventListener('keydown', key);
      if (frame.current) cancelAnimationFrame(frame.current);
      if (settleTimer.current) clearTimeout(settleTimer.current);
    };
  }, []);

  return <canvas ref={canvasRef} className="map-canvas" tabIndex={0} role="application" aria-roledescription={t('map.roleDescription')} aria-label={t('map.canvasLabel')} data-testid="map-canvas" />;
});
