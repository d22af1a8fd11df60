import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyRecord } from '@domain/api-types.ts';
import { api } from '../../api.ts';
import { BodyEditor } from '../../components/BodyEditor.tsx';
import { Citations } from '../../components/Citations.tsx';
import { RecordFields } from '../../components/RecordFields.tsx';
import { useRecordTitle } from '../../components/record-title.ts';
import { ErrorNote, Loading } from '../../components/status.tsx';
import { vocab } from '../../components/vocab.ts';
import { useAsync, useDocumentTitle } from '../../hooks.ts';
import { useFormat } from '../../i18n/format.ts';
import { useRouter } from '../../router.tsx';
import { EventDetails, FigureDetails, InstallationDetails, PersonDetails, PlaceDetails } from './details.tsx';

export default function RecordScreen({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = useRecordTitle();
  const { navigate } = useRouter();
  const id = params.id!;
  const rec = useAsync((signal) => api.getRecord(id, {}, { signal }), [id]);
  const [override, setOverride] = useState<AnyRecord | null>(null);
  const [editing, setEditing] = useState(false);
  const [statusError, setStatusError] = useState<unknown>(null);
  const record = override && override.id === id ? override : rec.data;
  useDocumentTitle(record ? title(record) : t('record.title'));

  if (rec.error) return <ErrorNote error={rec.error} onRetry={rec.reload} />;
  if (!record) return <Loading />;

  const setStatus = async (status: 'confirmed' | 'rejected') => {
    setStatusError(null);
    try {
      // A candidate goes through review (a place may merge into the one it names); others change status.
      if (record.status === 'candidate') {
        const outcome = status === 'confirmed' ? await api.confirmCandidate(record.id) : await api.rejectCandidate(record.id);
        if (outcome.recordId !== record.id) return navigate(`/records/${outcome.recordId}`);
        setOverride(await api.getRecord(record.id));
      } else setOverride(await api.updateRecord(record.id, { status, expectedVersion: record.version }));
    } catch (err) {
      setStatusError(err);
    }
  };

  return (
    <article className="record-page" data-testid="record-page">
      <header>
        <p className="eyebrow">
          <span className="badge">{vocab(t, 'record_kind', record.kind)}</span> <span className={`badge status-${record.status}`}>{vocab(t, 'record_status', record.status)}</span>
        </p>
        <h1>{title(record)}</h1>
        <p className="muted small">{t('record.updated', { when: f.dateTime(record.updatedAt), who: record.updatedBy, version: record.version })}</p>
        <div className="button-row">
          {!editing && record.abilities?.update !== false && (
            <button type="button" onClick={() => setEditing(true)}>
              {t('record.edit')}
            </button>
          )}
          {record.status !== 'confirmed' && record.abilities?.confirm !== false && (
            <button type="button" onClick={() => void setStatus('confirmed')}>
              {t('review.confirm')}
            </button>
          )}
          {record.status !== 'rejected' && record.abilities?.confirm !== false && (
            <button type="button" onClick={() => void setStatus('rejected')}>
              {t('review.reject')}
            </button>
          )}
        </div>
        {statusError ? <ErrorNote error={statusError} /> : null}
      </header>
      <div className="record-columns">
        <section className="card" aria-labelledby="rec-fields">
          <h2 id="rec-fields">{t('record.details')}</h2>
          {editing ? (
            <BodyEditor
              record={record}
              onCancel={() => setEditing(false)}
              onSave={async (body) => {
                setOverride(await api.updateRecord(record.id, { body, expectedVersion: record.version }));
                setEditing(false);
              }}
            />
          ) : (
            <RecordFields record={record} />
          )}
        </section>
        <section className="card" aria-labelledby="rec-cites">
          <h2 id="rec-cites">{t('record.citations', { count: record.citations.length })}</h2>
          <Citations citations={record.citations} />
        </section>
      </div>
      {record.kind === 'event' && <EventDetails record={record} />}
      {record.kind === 'person' && <PersonDetails record={record} />}
      {record.kind === 'place' && <PlaceDetails record={record} />}
      {record.kind === 'installation' && <InstallationDetails record={record} />}
      {record.kind === 'figure' && <FigureDetails record={record} />}
    </article>
  );
}
