import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyRecord } from '@domain/api-types.ts';
import type { Source } from '@domain/sources.ts';
import { allPages, api } from '../../api.ts';
import { BodyEditor } from '../../components/BodyEditor.tsx';
import { useRecordTitle } from '../../components/record-title.ts';
import { Empty, ErrorNote, Loading } from '../../components/status.tsx';
import { vocab } from '../../components/vocab.ts';
import { isTypingTarget, useDocumentTitle } from '../../hooks.ts';
import { Link } from '../../router.tsx';
import { CandidateCard } from './CandidateCard.tsx';

type Mode = 'single' | 'table';

export default function ReviewScreen() {
  const { t } = useTranslation();
  const title = useRecordTitle();
  useDocumentTitle(t('review.title'));
  const [queue, setQueue] = useState<AnyRecord[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [index, setIndex] = useState(0);
  const [mode, setMode] = useState<Mode>('single');
  const [editing, setEditing] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const sources = useRef(new Map<string, Promise<Source>>());
  const [sourceMap, setSourceMap] = useState(new Map<string, Source>());

  const load = useCallback(async () => {
    setError(null);
    try {
      setQueue(await allPages((cursor) => api.candidates({ cursor, limit: 500 }), 5_000));
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const current = queue?.[Math.min(index, (queue?.length ?? 1) - 1)];

  // The passage beside each candidate: fetch each cited source once.
  useEffect(() => {
    const wanted = (mode === 'single' ? (current ? [current] : []) : (queue ?? []).slice(0, 50)).flatMap((r) => r.citations.map((c) => c.sourceId));
    for (const id of new Set(wanted)) {
      if (sources.current.has(id)) continue;
      const p = api.getSource(id);
      sources.current.set(id, p);
      p.then((s) => setSourceMap((m) => new Map(m).set(id, s))).catch(() => sources.current.delete(id));
    }
  }, [current, queue, mode]);

  const decide = useCallback(
    async (record: AnyRecord, status: 'confirmed' | 'rejected', body?: Record<string, unknown>) => {
      setActionError(null);
      try {
        const outcome = status === 'confirmed' ? await api.confirmCandidate(record.id, body) : await api.rejectCandidate(record.id);
        setQueue((q) => (q ? q.filter((r) => r.id !== record.id) : q));
        setEditing(false);
        const key = outcome.action === 'merge' ? 'review.mergedOne' : outcome.action === 'confirm' ? 'review.confirmedOne' : 'review.rejectedOne';
        setAnnounce(t(key, { title: title(record) }));
      } catch (err) {
        setActionError(err);
      }
    },
    [t, title],
  );

  useEffect(() => {
    if (mode !== 'single' || editing) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target) || !current) return;
      const mayDecide = current.abilities?.confirm !== false;
      const k = e.key.toLowerCase();
      if (k === 'y' && mayDecide) void decide(current, 'confirmed');
      else if (k === 'n' && mayDecide) void decide(current, 'rejected');
      else if (k === 'e' && mayDecide) setEditing(true);
      else if (k === 'j' || e.key === 'ArrowRight') setIndex((i) => Math.min(i + 1, (queue?.length ?? 1) - 1));
      else if (k === 'k' || e.key === 'ArrowLeft') setIndex((i) => Math.max(i - 1, 0));
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [mode, editing, current, decide, queue]);

  return (
    <div className="review">
      <div className="title-row">
        <h1>{t('review.title')}</h1>
        <div className="segmented" role="group" aria-label={t('review.mode')}>
          <button type="button" aria-pressed={mode === 'single'} onClick={() => setMode('single')}>
            {t('review.oneAtATime')}
          </button>
          <button type="button" aria-pressed={mode === 'table'} onClick={() => setMode('table')}>
            {t('review.asTable')}
          </button>
        </div>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {actionError ? <ErrorNote error={actionError} onRetry={() => void load()} /> : null}
      {error ? (
        <ErrorNote error={error} onRetry={() => void load()} />
      ) : !queue ? (
        <Loading />
      ) : queue.length === 0 ? (
        <Empty>{t('review.empty')}</Empty>
      ) : mode === 'single' && current ? (
        <>
          <p className="muted">
            {t('review.position', { n: Math.min(index, queue.length - 1) + 1, total: queue.length })} · <kbd>y</kbd> {t('review.keyConfirm')} · <kbd>n</kbd> {t('review.keyReject')} · <kbd>e</kbd> {t('review.keyEdit')} · <kbd>j</kbd>/<kbd>k</kbd> {t('review.keyMove')}
          </p>
          {editing ? (
            <section className="card" aria-labelledby="edit-title">
              <h2 id="edit-title">{t('review.editing', { title: title(current) })}</h2>
              <BodyEditor record={current} saveLabel={t('review.saveConfirm')} onSave={(body) => decide(current, 'confirmed', body)} onCancel={() => setEditing(false)} />
            </section>
          ) : (
            <CandidateCard record={current} sources={sourceMap} onConfirm={() => void decide(current, 'confirmed')} onReject={() => void decide(current, 'rejected')} onEdit={() => setEditing(true)} />
          )}
        </>
      ) : (
        <div className="table-scroll">
          <table className="list-table" data-testid="review-table">
            <thead>
              <tr>
                <th scope="col">{t('review.col.kind')}</th>
                <th scope="col">{t('review.col.title')}</th>
                <th scope="col">{t('review.col.passage')}</th>
                <th scope="col">{t('review.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((r) => (
                <tr key={r.id}>
                  <td>{vocab(t, 'record_kind', r.kind)}</td>
                  <td>
                    <Link to={`/records/${r.id}`}>{title(r)}</Link>
                  </td>
                  <td className="small">{r.citations[0]?.quote}</td>
                  <td className="nowrap">
                    <button type="button" disabled={r.abilities?.confirm === false} onClick={() => void decide(r, 'confirmed')} aria-label={t('review.confirmNamed', { title: title(r) })}>
                      {t('review.confirm')}
                    </button>{' '}
                    <button type="button" disabled={r.abilities?.confirm === false} onClick={() => void decide(r, 'rejected')} aria-label={t('review.rejectNamed', { title: title(r) })}>
                      {t('review.reject')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
