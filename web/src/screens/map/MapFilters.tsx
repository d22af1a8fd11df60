import { useTranslation } from 'react-i18next';
import { vocab } from '../../components/vocab.ts';
import type { Layer, MapFilter } from './map-data.ts';

interface Props {
  filter: MapFilter;
  onChange(f: MapFilter): void;
  /** "layer:type" keys present in the data. */
  types: string[];
  years: { min: number; max: number };
}

export function MapFilters({ filter, onChange, types, years }: Props) {
  const { t } = useTranslation();
  const toggleType = (type: string) => {
    const next = new Set(filter.types);
    if (next.has(type)) next.delete(type);
    else next.add(type);
    onChange({ ...filter, types: next });
  };
  const layers: Array<{ layer: Layer; group: 'event_type' | 'installation_kind' }> = [
    { layer: 'event', group: 'event_type' },
    { layer: 'installation', group: 'installation_kind' },
  ];
  return (
    <form className="map-filters" aria-label={t('map.filters')} onSubmit={(e) => e.preventDefault()}>
      {layers.map(({ layer, group }) => (
        <fieldset key={layer}>
          <legend>
            <label>
              <input type="checkbox" checked={filter.layers[layer]} onChange={() => onChange({ ...filter, layers: { ...filter.layers, [layer]: !filter.layers[layer] } })} />{' '}
              <span className={`swatch swatch-${layer}`} aria-hidden="true" /> {t(`map.layer.${layer}`)}
            </label>
          </legend>
          {!types.some((k) => k.startsWith(`${layer}:`)) && <p className="small muted">{t('map.noneRecorded')}</p>}
          {types
            .filter((k) => k.startsWith(`${layer}:`))
            .map((k) => {
              const type = k.slice(layer.length + 1);
              return (
                <label key={k} className="facet-option">
                  <input type="checkbox" disabled={!filter.layers[layer]} checked={filter.types.has(type)} onChange={() => toggleType(type)} /> {vocab(t, group, type)}
                </label>
              );
            })}
        </fieldset>
      ))}
      <fieldset>
        <legend>{t('map.time')}</legend>
        <label className="range-label">
          {t('map.fromYear', { year: filter.from })}
          <input type="range" min={years.min} max={years.max} value={filter.from} onChange={(e) => onChange({ ...filter, from: Math.min(Number(e.target.value), filter.to) })} />
        </label>
        <label className="range-label">
          {t('map.toYear', { year: filter.to })}
          <input type="range" min={years.min} max={years.max} value={filter.to} onChange={(e) => onChange({ ...filter, to: Math.max(Number(e.target.value), filter.from) })} />
        </label>
        <label className="facet-option">
          <input type="checkbox" checked={filter.undated} onChange={() => onChange({ ...filter, undated: !filter.undated })} /> {t('map.undated')}
        </label>
      </fieldset>
      <div className="map-legend small">
        <p>
          <span className="legend-pin" aria-hidden="true" /> {t('map.legend.exact')}
        </p>
        <p>
          <span className="legend-halo" aria-hidden="true" /> {t('map.legend.area')}
        </p>
      </div>
    </form>
  );
}
