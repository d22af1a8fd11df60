import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Basemap } from '../../../build/basemap.ts';
import { useRecordTitle } from '../../components/record-title.ts';
import { ErrorNote, Loading } from '../../components/status.tsx';
import { loadAll } from '../../data.ts';
import { useAsync, useDebounced, useDocumentTitle } from '../../hooks.ts';
import { useFormat } from '../../i18n/format.ts';
import { useSearchParams } from '../../router.tsx';
import { MapCanvas, type FrameStats, type MapHandle } from './MapCanvas.tsx';
import { MapFilters } from './MapFilters.tsx';
import { MapSide } from './MapSide.tsx';
import { applyFilter, buildItems, syntheticItems, type MapFilter, type MapItem } from './map-data.ts';
import { buildIndex, type Hit } from './points-layer.ts';
import type { View } from './view.ts';

const START = { lon: 127.4, lat: 41.8, z: 6.5 };
const COUNTRY_LABELS: Array<{ key: string; lon: number; lat: number }> = [
  { key: 'CN', lon: 125.2, lat: 44.4 },
  { key: 'KP', lon: 126.9, lat: 40.1 },
  { key: 'KR', lon: 128.1, lat: 36.6 },
  { key: 'RU', lon: 133.2, lat: 45.4 },
  { key: 'JP', lon: 140.0, lat: 39.5 },
];

declare global {
  interface Window {
    __tumenMap?: FrameStats & { ready: boolean; items: number; indexMs: number; handle: MapHandle | null };
  }
}

export default function MapScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const title = useRecordTitle();
  useDocumentTitle(t('map.title'));
  const params = useSearchParams();
  const bench = Number(params.get('bench') ?? 0);
  const focusPlace = params.get('place');

  const basemap = useAsync(async () => (await import('virtual:basemap')).default as Basemap, []);
  const data = useAsync(
    async (signal) => {
      if (bench > 0) return { items: syntheticItems(Math.min(bench, 1_000_000)), unplaced: 0, focus: null };
      const [places, events, installations, observations] = await Promise.all([
        loadAll('place', {}, signal),
        loadAll('event', { status: 'confirmed' }, signal),
        loadAll('installation', { status: 'confirmed' }, signal),
        loadAll('observation', { status: 'confirmed' }, signal),
      ]);
      // Confirmed records only, as on the overview: candidates wait in the review queue.
      const built = buildItems(places, events, installations, observations, title);
      const fp = focusPlace ? places.find((p) => p.id === focusPlace) : undefined;
      const focus = fp?.body.geometry?.type === 'Point' ? { lon: fp.body.geometry.coordinates[0], lat: fp.body.geometry.coordinates[1] } : null;
      return { ...built, focus };
    },
    [bench, focusPlace],
  );

  const all = data.data?.items;
  const types = useMemo(() => [...new Set((all ?? []).map((i) => `${i.layer}:${i.type}`))].sort(), [all]);
  const years = useMemo(() => {
    // A loop, not Math.min(...): spreading 100,000 values overflows the call stack.
    let min = 1998;
    let max = new Date().getFullYear();
    for (const i of all ?? []) {
      if (i.lo !== null && i.lo < min) min = i.lo;
      if (i.hi !== null && i.hi > max) max = i.hi;
    }
    return { min, max };
  }, [all]);
  const [filter, setFilter] = useState<MapFilter | null>(null);
  useEffect(() => {
    if (!all) return;
    setFilter({ layers: { event: true, installation: true }, types: new Set(types.map((k) => k.split(':')[1]!)), from: years.min, to: years.max, undated: true });
  }, [all, types, years]);

  // Filtering and re-clustering 100,000 points takes a moment: wait for the slider to rest.
  const debouncedFilter = useDebounced(filter, 150);
  const stats = useRef<FrameStats>({ frames: [], basemapMs: 0 });
  const mapRef = useRef<MapHandle>(null);
  const indexed = useMemo(() => {
    if (!all || !debouncedFilter) return null;
    const t0 = performance.now();
    const items = applyFilter(all, debouncedFilter);
    const index = buildIndex(items);
    return { items, index, ms: performance.now() - t0 };
  }, [all, debouncedFilter]);

  // The performance check reads frame times from here; only the synthetic benchmark records them.
  useEffect(() => {
    if (!indexed || bench <= 0) return;
    const s = stats.current;
    window.__tumenMap = {
      get frames() {
        return s.frames;
      },
      get basemapMs() {
        return s.basemapMs;
      },
      ready: true,
      items: indexed.items.length,
      indexMs: indexed.ms,
      handle: mapRef.current,
    };
  }, [indexed, bench]);

  useEffect(() => {
    const fp = data.data?.focus;
    if (fp) mapRef.current?.goTo(fp.lon, fp.lat, 9);
  }, [data.data, basemap.data]);

  const [visible, setVisible] = useState<{ hits: Hit[]; view: View } | null>(null);
  const [picked, setPicked] = useState<MapItem | null>(null);
  const onSettled = useCallback((hits: Hit[], view: View) => setVisible({ hits, view }), []);
  const onPick = useCallback(
    (h: Hit) => {
      if (h.kind === 'cluster') {
        const z = indexed ? Math.min(indexed.index.getClusterExpansionZoom(h.clusterId), 14) : 8;
        mapRef.current?.goTo(h.lon, h.lat, Math.max(z, 5));
      } else setPicked(h.item);
    },
    [indexed],
  );
  const labels = useMemo(() => COUNTRY_LABELS.map((l) => ({ text: t(`map.country.${l.key}`), lon: l.lon, lat: l.lat })), [t]);

  const error = basemap.error ?? data.error;
  return (
    <div className="map-screen">
      <h1>{t('map.title')}</h1>
      {bench > 0 && (
        <p className="notice" role="status">
          {t('map.bench', { n: f.number(bench) })}
        </p>
      )}
      {error ? <ErrorNote error={error} onRetry={() => (basemap.error ? basemap.reload() : data.reload())} /> : null}
      <div className="map-layout">
        {filter && all ? <MapFilters filter={filter} onChange={setFilter} types={types} years={years} /> : <div />}
        <div className="map-main">
          {basemap.data && all ? (
            <>
              <MapCanvas ref={mapRef} basemap={basemap.data} index={indexed?.index ?? null} items={indexed?.items ?? []} initial={START} labels={labels} formatCount={f.compact} onSettled={onSettled} onPick={onPick} stats={bench > 0 ? stats.current : undefined} />
              <div className="map-controls">
                <button type="button" onClick={() => mapRef.current?.zoom(1)} aria-label={t('map.zoomIn')}>
                  {t('map.zoomInSymbol')}
                </button>
                <button type="button" onClick={() => mapRef.current?.zoom(-1)} aria-label={t('map.zoomOut')}>
                  {t('map.zoomOutSymbol')}
                </button>
              </div>
              <div className="map-toolbar">
                <p className="map-attribution small muted">{t('map.attribution')}</p>
                <button type="button" className="link-button" onClick={() => mapRef.current?.goTo(START.lon, START.lat, START.z)}>
                  {t('map.reset')}
                </button>
              </div>
            </>
          ) : (
            !error && <Loading label={t('map.loading')} />
          )}
        </div>
        <MapSide visible={visible} items={indexed?.items ?? []} index={indexed?.index ?? null} picked={picked} unplaced={data.data?.unplaced ?? 0} total={indexed?.items.length ?? 0} onPick={onPick} onClose={() => setPicked(null)} />
      </div>
    </div>
  );
}
