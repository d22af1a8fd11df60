import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { comparePartialDates } from '@domain/partial-date.ts';
import type { Access } from '@domain/api-types.ts';
import type { TumenRecord } from '@domain/records.ts';
import { api } from '../../api.ts';
import { RecordRef } from '../../components/RecordRef.tsx';
import { useRecordTitle } from '../../components/record-title.ts';
import { Empty, ErrorNote, Loading } from '../../components/status.tsx';
import { vocab } from '../../components/vocab.ts';
import { loadAll } from '../../data.ts';
import { useAsync } from '../../hooks.ts';
import { useFormat } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';

export function EventDetails({ record }: { record: TumenRecord<'event'> }) {
  const { t } = useTranslation();
  const inv = useAsync((signal) => loadAll('involvement', { parentId: record.id }, signal), [record.id]);
  return (
    <section className="card" aria-labelledby="rec-inv">
      <h2 id="rec-inv">{t('record.involvements')}</h2>
      {inv.error ? (
        <ErrorNote error={inv.error} onRetry={inv.reload} />
      ) : !inv.data ? (
        <Loading />
      ) : inv.data.length === 0 ? (
        <Empty>{t('record.noInvolvements')}</Empty>
      ) : (
        <table className="list-table">
          <thead>
            <tr>
              <th scope="col">{t('record.field.role')}</th>
              <th scope="col">{t('record.field.actor')}</th>
              <th scope="col">{t('record.field.degree')}</th>
            </tr>
          </thead>
          <tbody>
            {inv.data.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link to={`/records/${i.id}`}>{vocab(t, 'role', i.body.role)}</Link>
                </td>
                <td>
                  <RecordRef id={i.body.actorId} />
                </td>
                <td>{i.body.degree}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const PROTECTED_FIELDS = ['realName', 'aliases', 'birthDate', 'contact', 'exactLocation'] as const;

/** Protected fields are shown only when the server includes them in its answer. */
export function PersonDetails({ record }: { record: TumenRecord<'person'> & Access }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [prot, setProt] = useState<TumenRecord<'person'>['protected'] | undefined>(record.protected);
  const [error, setError] = useState<unknown>(null);
  const [asked, setAsked] = useState(false);
  const ask = async () => {
    setAsked(true);
    try {
      const r = await api.getRecord(record.id, { include: 'protected' });
      setProt(r.protected);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card protected" aria-labelledby="rec-prot">
      <h2 id="rec-prot">{t('record.protected.title')}</h2>
      <p className="muted small">{t('record.protected.help')}</p>
      {error ? <ErrorNote error={error} /> : null}
      {record.abilities?.readProtected === false ? (
        <p className="muted">{t('record.protected.notAllowed')}</p>
      ) : prot ? (
        <dl className="fields">
          {PROTECTED_FIELDS.map((k) => {
            const v = prot[k];
            if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return null;
            return (
              <div key={k}>
                <dt>{t(`record.protected.${k}`)}</dt>
                <dd>{k === 'birthDate' ? f.partialDate(v as { value: string; qualifier: 'exact' }) : Array.isArray(v) ? v.join(', ') : String(v)}</dd>
              </div>
            );
          })}
        </dl>
      ) : asked && !error ? (
        <p className="muted">{t('record.protected.none')}</p>
      ) : (
        <button type="button" onClick={() => void ask()}>
          {t('record.protected.show')}
        </button>
      )}
    </section>
  );
}

export function PlaceDetails({ record }: { record: TumenRecord<'place'> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = useRecordTitle();
  const b = record.body;
  const related = useAsync(async (signal) => {
    const [events, installations, children] = await Promise.all([loadAll('event', { placeId: record.id }, signal), loadAll('installation', { placeId: record.id }, signal), loadAll('place', { parentId: record.id }, signal)]);
    return { events, installations, children };
  }, [record.id]);
  const coords = b.geometry?.type === 'Point' ? b.geometry.coordinates : null;
  return (
    <>
      <section className="card" aria-labelledby="rec-names">
        <h2 id="rec-names">{t('record.place.names')}</h2>
        <dl className="fields">
          {(['en', 'ko', 'zh'] as const).map((k) =>
            b.names[k] ? (
              <div key={k}>
                <dt>{vocab(t, 'language', k)}</dt>
                <dd lang={k}>{b.names[k]}</dd>
              </div>
            ) : null,
          )}
          {b.romanizations.mr && (
            <div>
              <dt>{t('record.place.mr')}</dt>
              <dd>{b.romanizations.mr}</dd>
            </div>
          )}
          {b.romanizations.rr && (
            <div>
              <dt>{t('record.place.rr')}</dt>
              <dd>{b.romanizations.rr}</dd>
            </div>
          )}
          {b.aliases.length > 0 && (
            <div>
              <dt>{t('record.place.aliases')}</dt>
              <dd>{b.aliases.join(' · ')}</dd>
            </div>
          )}
          <div>
            <dt>{t('record.field.precision')}</dt>
            <dd>{vocab(t, 'precision', b.precision)}</dd>
          </div>
          {coords && (
            <div>
              <dt>{t('record.place.coordinates')}</dt>
              <dd>
                {f.number(coords[1])}, {f.number(coords[0])} <Link to={`/map?place=${record.id}`}>{t('record.place.showOnMap')}</Link>
              </dd>
            </div>
          )}
        </dl>
      </section>
      {related.error ? <ErrorNote error={related.error} onRetry={related.reload} /> : null}
      {!related.data ? (
        <Loading />
      ) : (
        <div className="two-col">
          <section className="card" aria-labelledby="rec-place-events">
            <h2 id="rec-place-events">{t('record.place.events')}</h2>
            {related.data.events.length === 0 ? <Empty>{t('record.place.noEvents')}</Empty> : <RecordList items={related.data.events} titleOf={title} />}
          </section>
          <section className="card" aria-labelledby="rec-place-inst">
            <h2 id="rec-place-inst">{t('record.place.installations')}</h2>
            {related.data.installations.length === 0 ? <Empty>{t('record.place.noInstallations')}</Empty> : <RecordList items={related.data.installations} titleOf={title} />}
            {related.data.children.length > 0 && (
              <>
                <h3>{t('record.place.children')}</h3>
                <RecordList items={related.data.children} titleOf={title} />
              </>
            )}
          </section>
        </div>
      )}
    </>
  );
}

function RecordList<T extends TumenRecord>({ items, titleOf }: { items: T[]; titleOf(r: never): string }) {
  return (
    <ul className="plain-list">
      {items.map((r) => (
        <li key={r.id}>
          <Link to={`/records/${r.id}`}>{titleOf(r as never)}</Link>
        </li>
      ))}
    </ul>
  );
}

export function InstallationDetails({ record }: { record: TumenRecord<'installation'> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const obs = useAsync((signal) => loadAll('observation', { parentId: record.id }, signal), [record.id]);
  const sorted = obs.data ? [...obs.data].sort((a, b) => (!a.body.date ? 1 : !b.body.date ? -1 : comparePartialDates(a.body.date, b.body.date))) : [];
  return (
    <section className="card" aria-labelledby="rec-obs">
      <h2 id="rec-obs">{t('record.observations')}</h2>
      {obs.error ? (
        <ErrorNote error={obs.error} onRetry={obs.reload} />
      ) : !obs.data ? (
        <Loading />
      ) : sorted.length === 0 ? (
        <Empty>{t('record.noObservations')}</Empty>
      ) : (
        <ol className="timeline">
          {sorted.map((o) => (
            <li key={o.id}>
              <span className="timeline-date">{f.partialDate(o.body.date)}</span>
              <Link to={`/records/${o.id}`}>{vocab(t, 'observation_action', o.body.action)}</Link>
              {o.body.note && <span className="muted small"> {o.body.note}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function FigureDetails({ record }: { record: TumenRecord<'figure'> }) {
  const { t } = useTranslation();
  return (
    <p>
      <Link to={`/series?metric=${encodeURIComponent(record.body.metric)}`}>{t('record.figure.series', { metric: record.body.metric })}</Link>
    </p>
  );
}
