import { useTranslation } from 'react-i18next';
import type { AnyRecord } from '@domain/api-types.ts';
import type { Source } from '@domain/sources.ts';
import { RecordFields } from '../../components/RecordFields.tsx';
import { useRecordTitle } from '../../components/record-title.ts';
import { vocab } from '../../components/vocab.ts';
import { Passage } from './Passage.tsx';

export function CandidateCard({ record, sources, onConfirm, onReject, onEdit }: { record: AnyRecord; sources: Map<string, Source>; onConfirm(): void; onReject(): void; onEdit(): void }) {
  const { t } = useTranslation();
  const title = useRecordTitle();
  return (
    <article className="candidate" aria-labelledby="candidate-title" data-testid="candidate">
      <div className="candidate-record card">
        <p className="badge">{vocab(t, 'record_kind', record.kind)}</p>
        <h2 id="candidate-title">{title(record)}</h2>
        <RecordFields record={record} />
        {record.abilities?.confirm === false && <p className="muted small">{t('review.mayNotDecide')}</p>}
        <div className="button-row" hidden={record.abilities?.confirm === false}>
          <button type="button" className="primary" onClick={onConfirm}>
            {t('review.confirm')} <kbd>y</kbd>
          </button>
          <button type="button" onClick={onReject}>
            {t('review.reject')} <kbd>n</kbd>
          </button>
          <button type="button" onClick={onEdit}>
            {t('review.edit')} <kbd>e</kbd>
          </button>
        </div>
      </div>
      <div className="candidate-passage card">
        <h3>{t('review.passage')}</h3>
        {record.citations.length === 0 && <p className="muted">{t('review.noCitation')}</p>}
        {record.citations.map((c) => (
          <Passage key={c.id} citation={c} source={sources.get(c.sourceId)} />
        ))}
      </div>
    </article>
  );
}
