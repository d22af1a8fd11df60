import { useTranslation } from 'react-i18next';
import { rangeInterval } from '@domain/partial-date.ts';
import type { TumenRecord } from '@domain/records.ts';
import { Citations } from '../../components/Citations.tsx';
import { Empty, ErrorNote, Loading } from '../../components/status.tsx';
import { vocab } from '../../components/vocab.ts';
import { loadAll } from '../../data.ts';
import { useAsync, useDocumentTitle } from '../../hooks.ts';
import { useFormat } from '../../i18n/format.ts';
import { Link, useSearchParams } from '../../router.tsx';

interface Period {
  key: string;
  sortKey: string;
  figures: TumenRecord<'figure'>[];
}

/** Every value published for a metric, period by period, with its sources side by side. */
export default function SeriesScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const metric = useSearchParams().get('metric') ?? '';
  useDocumentTitle(metric || t('series.title'));
  const figs = useAsync((signal) => loadAll('figure', { metric }, signal), [metric]);

  const periods: Period[] = [];
  if (figs.data) {
    const map = new Map<string, Period>();
    for (const fig of figs.data) {
      if (fig.status === 'rejected') continue;
      const p = fig.body.period;
      const key = p ? `${p.start?.value ?? ''}/${p.end?.value ?? ''}` : '';
      const sortKey = p ? rangeInterval(p).lo : '9999';
      const entry = map.get(key) ?? { key, sortKey, figures: [] };
      entry.figures.push(fig);
      map.set(key, entry);
    }
    periods.push(...[...map.values()].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0)));
  }

  return (
    <div className="series">
      <h1>{metric || t('series.title')}</h1>
      {figs.error ? (
        <ErrorNote error={figs.error} onRetry={figs.reload} />
      ) : !figs.data ? (
        <Loading />
      ) : periods.length === 0 ? (
        <Empty>{t('series.empty')}</Empty>
      ) : (
        <table className="list-table series-table">
          <thead>
            <tr>
              <th scope="col">{t('series.period')}</th>
              <th scope="col">{t('series.value')}</th>
              <th scope="col">{t('series.sources')}</th>
            </tr>
          </thead>
          <tbody>
            {periods.flatMap((p) => {
              const conflicting = new Set(p.figures.map((x) => x.body.value)).size > 1;
              return p.figures.map((fig, i) => (
                <tr key={fig.id} className={conflicting ? 'conflicting' : undefined}>
                  {i === 0 && (
                    <th scope="row" rowSpan={p.figures.length}>
                      {fig.body.period ? f.range(fig.body.period.start, fig.body.period.end) : t('date.unknown')}
                      {conflicting && <strong className="badge badge-warn">{t('dashboard.arrivals.conflicting')}</strong>}
                    </th>
                  )}
                  <td>
                    <Link to={`/records/${fig.id}`}>
                      {vocab(t, 'figure_qualifier', fig.body.qualifier === 'exact' ? '' : fig.body.qualifier)} {f.number(fig.body.value)}
                      {fig.body.valueMax != null ? `–${f.number(fig.body.valueMax)}` : ''}
                    </Link>
                    {fig.body.provisional && <span className="badge">{t('dashboard.arrivals.provisional')}</span>}
                    {fig.body.note && <p className="small muted">{fig.body.note}</p>}
                  </td>
                  <td>
                    <Citations citations={fig.citations} />
                  </td>
                </tr>
              ));
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
