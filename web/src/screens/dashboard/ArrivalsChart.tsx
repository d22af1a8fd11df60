import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';
import type { YearPoint } from './arrivals.ts';

const W = 880;
const H = 300;
const M = { top: 20, right: 16, bottom: 34, left: 56 };

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return Math.ceil(v / p) * p;
}

/** One dot per published value; a year with disagreeing values shows them all, marked. */
export function ArrivalsChart({ points }: { points: YearPoint[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = useId();
  const max = niceMax(Math.max(...points.flatMap((p) => p.values.map((v) => v.valueMax ?? v.value))));
  const n = points.length;
  const x = (i: number) => M.left + ((W - M.left - M.right) * (i + 0.5)) / n;
  const y = (v: number) => H - M.bottom - ((H - M.top - M.bottom) * v) / max;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((k) => Math.round(k * max));
  const line = points
    .map((p, i) => (p.values.length && !p.conflicting ? `${x(i)},${y(p.values[0]!.value)}` : null))
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
              {f.compact(tk)}
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
                <Link key={v.figureId} to={`/records/${v.figureId}`} aria-label={label} className={`point${p.conflicting ? ' conflicting' : ''}`}>
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
