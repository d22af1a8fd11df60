import { useTranslation } from 'react-i18next';
import { vocab } from '../../components/vocab.ts';
import { useFormat } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';
import type { MapItem } from './map-data.ts';
import type { Hit, Index } from './points-layer.ts';
import type { View } from './view.ts';

const MAX_LISTED = 30;

interface Props {
  visible: { hits: Hit[]; view: View } | null;
  items: MapItem[];
  index: Index | null;
  picked: MapItem | null;
  unplaced: number;
  total: number;
  onPick(h: Hit): void;
  onClose(): void;
}

function ItemLine({ item }: { item: MapItem }) {
  const { t } = useTranslation();
  const when = item.lo === null ? t('date.unknown') : item.lo === item.hi ? String(item.lo) : `${item.lo ?? '…'}–${item.hi ?? '…'}`;
  const type = vocab(t, item.layer === 'event' ? 'event_type' : 'installation_kind', item.type);
  return (
    <>
      {item.id.startsWith('synthetic-') ? <span>{item.title}</span> : <Link to={`/records/${item.id}`}>{item.title}</Link>}{' '}
      <span className="muted small">
        {[type === item.title ? '' : type, when, vocab(t, 'precision', item.precision)].filter(Boolean).join(' · ')}
      </span>
      
    </>
  );
}

/** What the map shows, as a list: the same content for keyboard and screen-reader users. */
export function MapSide({ visible, items, index, picked, unplaced, total, onPick, onClose }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const hits = visible?.hits ?? [];
  const inView = hits.reduce((n, h) => n + (h.kind === 'cluster' ? h.count : 1), 0);
  return (
    <aside className="map-side" aria-label={t('map.inView')}>
      {picked && (
        <section className="card picked" aria-labelledby="picked-title">
          <h2 id="picked-title">{t('map.selected')}</h2>
          <p>
            <ItemLine item={picked} />
          </p>
          <button type="button" className="link-button" onClick={onClose}>
            {t('common.close')}
          </button>
        </section>
      )}
      <h2>{t('map.inView')}</h2>
      <p className="small muted" role="status" data-testid="map-count">
        {t('map.counts', { inView: f.number(inView), total: f.number(total) })}
        {unplaced > 0 && ` ${t('map.unplaced', { count: unplaced })}`}
      </p>
      <ul className="map-list" data-testid="map-list">
        {hits.slice(0, MAX_LISTED).map((h) =>
          h.kind === 'cluster' ? (
            <li key={`c${h.clusterId}`}>
              <button type="button" className="link-button" onClick={() => onPick(h)}>
                {t('map.cluster', { count: h.count, n: f.number(h.count) })}
              </button>
              {h.count <= 5 && index && (
                <ul>
                  {index.getLeaves(h.clusterId, 5).map((leaf) => {
                    const item = items[(leaf.properties as { i: number }).i]!;
                    return (
                      <li key={item.id}>
                        <ItemLine item={item} />
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          ) : (
            <li key={h.item.id}>
              <ItemLine item={h.item} />
            </li>
          ),
        )}
      </ul>
      {hits.length > MAX_LISTED && <p className="small muted">{t('map.more', { count: hits.length - MAX_LISTED })}</p>}
    </aside>
  );
}
