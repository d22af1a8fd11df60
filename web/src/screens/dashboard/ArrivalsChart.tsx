import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';
import { shownValue, type YearPoint } from './arrivals.ts';

const W = 880;
const H = 300;
const M = { top: 20, right: 16, bottom: 34, left: 56 };

/** A round step giving about four gridlines: 1, 2 or 5 times a power of ten. */
function niceStep(max: number): number {
  const rough = Math.max(max, 1) / 4;
  const p = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((k) => k * p).find((s) => s >= rough)!;
}

/** One dot per published value; a year with disagreeing values shows them all, marked. */
export function ArrivalsChart({ points }: { points: YearPoint[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = useId();
  const step = niceStep(Math.max(...points.flatMap((p) => p.values.map((v) => v.valueMax ?? v.value))));
  const max = Math.ceil(Math.max(...points.flatMap((p) => p.values.map((v) => v.valueMax ?? v.value)), 1) / step) * step;
  const n = points.length;
  const x = (i: number) => M.left + ((W - M.left - M.right) * (i + 0.5)) / n;
  const y = (v: number) => H - M.bottom - ((H - M.top - M.bottom) * v) / max;
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, k) => k * step);
  const line = points
    .map((p, i) => {
      const v = shownValue(p);
      return v ? `${x(i)},${y(v.value)}` : null;
    })
    .filter(Boolean)
    .join(' ');
  const labelEvery = n > 16 ? 2 : 1;

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-labelledby={titleId} className="arrivals-chart">
        <title id={titleId}>{t('dashboard.arrivals.chartLabel', { from: points[0]?.year, to: points[n - 1]?.year })}</title>
        {ticks.map((tk) => (
          <g key={tk} className="grid">
            <line x1={M.left} x2={W - M.right} y1={y(tk)} y2={y(tk)} />
            <text x={M.left - 8} y={y(tk)} dy="0.32em" textAnchor="end">
              {f.number(tk)}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          i % labelEvery === 0 ? (
            <text key={p.year} className="axis" x={x(i)} y={H - M.bottom + 18} textAnchor="middle">
              {p.year}
            </text>
          ) : null,
        )}
        <polyline className="series-line" points={line} />
        {points.map((p, i) => (
          <g key={p.year}>
            {p.conflicting && (
              <line className="conflict-range" x1={x(i)} x2={x(i)} y1={y(p.values[0]!.value)} y2={y(p.values[p.values.length - 1]!.value)} />
            )}
            {p.values.map((v) => {
              const label = t(p.conflicting ? 'dashboard.arrivals.pointConflicting' : 'dashboard.arrivals.point', { year: p.year, value: f.number(v.value) });
              return (
                <Link key={v.figureId} to={`/records/${v.figureId}`} aria-label={label} className={`point${p.conflicting ? ' conflicting' : ''}${v.chosen ? ' chosen' : ''}`}>
                  <title>{label}</title>
                  <circle cx={x(i)} cy={y(v.value)} r={p.conflicting ? 5 : 4} />
                </Link>
              );
            })}
            {p.conflicting && (
              <text className="conflict-mark" x={x(i)} y={y(p.values[p.values.length - 1]!.value) - 10} textAnchor="middle" aria-hidden="true">
                {t('dashboard.arrivals.conflictSymbol')}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="legend">
        <span className="legend-item">
          <span className="swatch swatch-point" aria-hidden="true" /> {t('dashboard.arrivals.legendValue')}
        </span>
        <span className="legend-item">
          <span className="swatch swatch-conflict" aria-hidden="true" /> {t('dashboard.arrivals.legendConflict')}
        </span>
        <span className="legend-item">
          <span className="swatch swatch-chosen" aria-hidden="true" /> {t('dashboard.arrivals.legendChosen')}
        </span>
      </figcaption>
      <details className="data-table">
        <summary>{t('dashboard.arrivals.showTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.arrivals.year')}</th>
              <th scope="col">{t('dashboard.arrivals.values')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.year} className={p.conflicting ? 'conflicting' : undefined}>
                <th scope="row">{p.year}</th>
                <td>
                  {p.values.length === 0 && <span className="muted">{t('dashboard.arrivals.noValue')}</span>}
                  {p.values.map((v, k) => (
                    <span key={v.figureId}>
                      {k > 0 && ' · '}
                      <Link to={`/records/${v.figureId}`}>{f.number(v.value)}</Link>
                      {p.conflicting && v.chosen && ` ${t('dashboard.arrivals.shown')}`}
                      {v.provisional && ` ${t('dashboard.arrivals.provisional')}`}
                    </span>
                  ))}
                  {p.conflicting && <strong className="badge badge-warn">{t('dashboard.arrivals.conflicting')}</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
