import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesValueView } from '@domain/api-types.ts';
import { api } from '../../api.ts';
import { Empty, ErrorNote, Loading } from '../../components/status.tsx';
import { vocab } from '../../components/vocab.ts';
import { useAsync, useDocumentTitle } from '../../hooks.ts';
import { useFormat } from '../../i18n/format.ts';
import { Link, useSearchParams } from '../../router.tsx';

/** Every value published for a metric, period by period, with its sources side by side. */
export default function SeriesScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const metric = useSearchParams().get('metric') ?? '';
  useDocumentTitle(metric || t('series.title'));
  const series = useAsync((signal) => api.figureSeries(metric, {}, { signal }), [metric]);
  const [pinError, setPinError] = useState<unknown>(null);
  const pin = async (v: SeriesValueView) => {
    setPinError(null);
    try {
      await api.pinFigure(v.figureId);
      series.reload();
    } catch (err) {
      setPinError(err);
    }
  };
  const valueText = (v: SeriesValueView) =>
    `${v.qualifier === 'exact' ? '' : `${vocab(t, 'figure_qualifier', v.qualifier)} `}${f.number(v.value)}${v.valueMax != null ? `–${f.number(v.valueMax)}` : ''}`;
  const periodText = (period: string) => (period === 'undated' ? t('date.unknown') : period.split('–').map((p) => (p === '…' ? p : f.isoPrefix(p))).join(' – '));

  return (
    <div className="series">
      <h1>{metric || t('series.title')}</h1>
      {series.data && series.data.conflicts > 0 && <p className="notice">{t('series.conflicts', { count: series.data.conflicts })}</p>}
      {pinError ? <ErrorNote error={pinError} /> : null}
      {series.error ? (
        <ErrorNote error={series.error} onRetry={series.reload} />
      ) : !series.data ? (
        <Loading />
      ) : series.data.periods.length === 0 ? (
        <Empty>{t('series.empty')}</Empty>
      ) : (
        <table className="list-table series-table" data-testid="series-table">
          <thead>
            <tr>
              <th scope="col">{t('series.period')}</th>
              <th scope="col">{t('series.value')}</th>
              <th scope="col">{t('series.sources')}</th>
              <th scope="col">{t('series.shownValue')}</th>
            </tr>
          </thead>
          <tbody>
            {series.data.periods.flatMap((p) =>
              p.values.map((v, i) => {
                const chosen = p.chosen?.figureId === v.figureId;
                return (
                  <tr key={v.figureId} className={p.conflict ? 'conflicting' : undefined}>
                    {i === 0 && (
                      <th scope="row" rowSpan={p.values.length}>
                        {periodText(p.period)}
                        {p.conflict && <strong className="badge badge-warn">{t('dashboard.arrivals.conflicting')}</strong>}
                      </th>
                    )}
                    <td>
                      <Link to={`/records/${v.figureId}`}>{valueText(v)}</Link>
                      {v.provisional && <span className="badge">{t('dashboard.arrivals.provisional')}</span>}
                    </td>
                    <td>
                      {v.source ? (
                        <>
                          <Link to={`/sources/${v.source.id}`}>{v.source.title}</Link>
                          <span className="muted small">
                            {' · '}
                            {[v.source.publisher, v.source.reliability ? vocab(t, 'reliability', v.source.reliability) : '', vocab(t, 'credibility', v.credibility)].filter(Boolean).join(' · ')}
                          </span>
                          {v.quote && <blockquote className="quote small">{v.quote}</blockquote>}
                        </>
                      ) : (
                        <span className="muted">{t('series.noSource')}</span>
                      )}
                    </td>
                    <td>
                      {chosen ? (
                        <strong>{v.pinned ? t('series.pinned') : t('series.chosen')}</strong>
                      ) : p.values.length > 1 ? (
                        <button type="button" className="link-button" onClick={() => void pin(v)}>
                          {t('series.pin')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
