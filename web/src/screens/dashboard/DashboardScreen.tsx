import { useTranslation } from 'react-i18next';
import { comparePartialDates } from '@domain/partial-date.ts';
import type { TumenRecord } from '@domain/records.ts';
import { Empty, ErrorNote, Loading } from '../../components/status.tsx';
import { vocab } from '../../components/vocab.ts';
import { api } from '../../api.ts';
import { useRecordTitle } from '../../components/record-title.ts';
import { ARRIVALS_METRIC, countCandidates, loadAll, placeName } from '../../data.ts';
import { useAsync, useDocumentTitle } from '../../hooks.ts';
import { useFormat } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';
import { ArrivalsChart } from './ArrivalsChart.tsx';
import { arrivalSeries } from './arrivals.ts';
import { SurveillanceTimeline } from './SurveillanceTimeline.tsx';
import { surveillanceGrid } from './surveillance.ts';

const RECENT = 12;

function byDateDesc(a: TumenRecord<'event'>, b: TumenRecord<'event'>) {
  if (!a.body.start) return b.body.start ? 1 : 0;
  if (!b.body.start) return -1;
  return comparePartialDates(b.body.start, a.body.start);
}

export default function DashboardScreen() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const title = useRecordTitle();
  useDocumentTitle(t('dashboard.title'));

  const arrivals = useAsync((signal) => api.figureSeries(ARRIVALS_METRIC, {}, { signal }), []);
  const events = useAsync((signal) => loadAll('event', { status: 'confirmed' }, signal, 20_000), []);
  const surveillance = useAsync(async (signal) => {
    const [installations, observations, places] = await Promise.all([
      loadAll('installation', {}, signal),
      loadAll('observation', {}, signal),
      loadAll('place', {}, signal),
    ]);
    return { installations, observations, places: new Map(places.map((p) => [p.id, p])) };
  }, []);
  const candidates = useAsync((signal) => countCandidates(signal), []);

  const series = arrivals.data ? arrivalSeries(arrivals.data) : [];
  const recent = events.data ? [...events.data].sort(byDateDesc).slice(0, RECENT) : [];
  const grid = surveillance.data
    ? surveillanceGrid(surveillance.data.installations, surveillance.data.observations, (inst) =>
        inst.body.segment || placeName(inst.body.placeId ? surveillance.data!.places.get(inst.body.placeId) : undefined, i18n.language) || t('dashboard.surveillance.unspecified'),
      )
    : null;

  return (
    <div className="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <section className="card review-callout" aria-labelledby="dash-review">
        <h2 id="dash-review">{t('dashboard.review.title')}</h2>
        {candidates.error ? (
          <ErrorNote error={candidates.error} onRetry={candidates.reload} />
        ) : candidates.data ? (
          <p>
            <span className="big-number" data-testid="candidate-count">
              {f.number(candidates.data.count)}
              {candidates.data.more ? '+' : ''}
            </span>{' '}
            {t('dashboard.review.waiting', { count: candidates.data.count })}{' '}
            <Link to="/review" className="button-link">
              {t('dashboard.review.open')}
            </Link>
          </p>
        ) : (
          <Loading />
        )}
      </section>

      <section className="card" aria-labelledby="dash-arrivals">
        <h2 id="dash-arrivals">{t('dashboard.arrivals.title')}</h2>
        <p className="muted small">{t('dashboard.arrivals.help')}</p>
        {arrivals.error ? <ErrorNote error={arrivals.error} onRetry={arrivals.reload} /> : !arrivals.data ? <Loading /> : series.length === 0 ? <Empty>{t('dashboard.arrivals.empty')}</Empty> : <ArrivalsChart points={series} />}
        {series.length > 0 && (
          <p>
            <Link to={`/series?metric=${encodeURIComponent(ARRIVALS_METRIC)}`}>{t('dashboard.arrivals.allValues')}</Link>
          </p>
        )}
      </section>

      <div className="two-col">
        <section className="card" aria-labelledby="dash-recent">
          <h2 id="dash-recent">{t('dashboard.recent.title')}</h2>
          {events.error ? (
            <ErrorNote error={events.error} onRetry={events.reload} />
          ) : !events.data ? (
            <Loading />
          ) : recent.length === 0 ? (
            <Empty>{t('dashboard.recent.empty')}</Empty>
          ) : (
            <ol className="timeline" data-testid="recent-events">
              {recent.map((e) => (
                <li key={e.id}>
                  <span className="timeline-date">{f.partialDate(e.body.start)}</span>
                  <span className="badge">{vocab(t, 'event_type', e.body.type)}</span>
                  <Link to={`/records/${e.id}`}>{title(e)}</Link>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section className="card" aria-labelledby="dash-surveillance">
          <h2 id="dash-surveillance">{t('dashboard.surveillance.title')}</h2>
          <p className="muted small">{t('dashboard.surveillance.help')}</p>
          {surveillance.error ? (
            <ErrorNote error={surveillance.error} onRetry={surveillance.reload} />
          ) : !grid ? (
            <Loading />
          ) : grid.rows.length === 0 ? (
            <Empty>{t('dashboard.surveillance.empty')}</Empty>
          ) : (
            <SurveillanceTimeline grid={grid} />
          )}
        </section>
      </div>
    </div>
  );
}
