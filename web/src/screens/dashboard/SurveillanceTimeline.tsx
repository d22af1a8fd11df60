import { useTranslation } from 'react-i18next';
import { vocab } from '../../components/vocab.ts';
import { useFormat } from '../../i18n/format.ts';
import type { GridCell, SurveillanceGrid } from './surveillance.ts';

function cellTitle(t: ReturnType<typeof useTranslation>['t'], cell: GridCell, num: (n: number) => string) {
  return Object.entries(cell.actions)
    .map(([a, n]) => `${vocab(t, 'observation_action', a)} ${num(n)}`)
    .join(', ');
}

/** Installations and observations by year (columns) and border segment (rows). */
export function SurveillanceTimeline({ grid }: { grid: SurveillanceGrid }) {
  const { t } = useTranslation();
  const f = useFormat();
  const max = Math.max(1, ...grid.rows.flatMap((r) => [...r.cells.values()].map((c) => c.count)));
  const cols: Array<number | 'undated'> = [...grid.years, ...(grid.hasUndated ? (['undated'] as const) : [])];
  return (
    <div className="table-scroll" role="region" aria-label={t('dashboard.surveillance.title')} tabIndex={0}>
      <table className="heat">
        <caption className="visually-hidden">{t('dashboard.surveillance.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.surveillance.segment')}</th>
            {cols.map((c) => (
              <th scope="col" key={c}>
                {c === 'undated' ? t('dashboard.surveillance.undated') : c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((r) => (
            <tr key={r.segment}>
              <th scope="row">{r.segment}</th>
              {cols.map((c) => {
                const cell = r.cells.get(c);
                const level = cell ? Math.ceil((cell.count / max) * 4) : 0;
                return (
                  <td key={c} className={`heat-${level}`} title={cell ? cellTitle(t, cell, f.number) : undefined}>
                    {cell ? f.number(cell.count) : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
