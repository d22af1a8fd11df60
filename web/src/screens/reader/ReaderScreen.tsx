import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyRecord } from '@domain/api-types.ts';
import { RECORD_KINDS } from '@domain/records.ts';
import { api } from '../../api.ts';
import { useRecordTitle } from '../../components/record-title.ts';
import { ErrorNote, Loading } from '../../components/status.tsx';
import { vocab } from '../../components/vocab.ts';
import { allPages } from '../../api.ts';
import { loadAll } from '../../data.ts';
import { useAsync, useDocumentTitle } from '../../hooks.ts';
import { useFormat } from '../../i18n/format.ts';
import { selectionIn, type TextSelection } from './segments.ts';
import { SelectionPanel } from './SelectionPanel.tsx';
import { SourceText } from './SourceText.tsx';

export default function ReaderScreen({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = useRecordTitle();
  const id = params.id!;
  const source = useAsync((signal) => api.getSource(id, { signal }), [id]);
  const cites = useAsync(async (signal) => {
    const [citations, records] = await Promise.all([api.sourceCitations(id, { signal }), allPages((cursor) => api.sourceRecords(id, { cursor, limit: 500 }, { signal }))]);
    return { citations: citations.items, records: new Map(records.map((r) => [r.id, r])) };
  }, [id]);
  const lookups = useAsync(async (signal) => {
    const [places, installations, figures] = await Promise.all([loadAll('place', {}, signal), loadAll('installation', {}, signal), loadAll('figure', {}, signal, 2_000)]);
    return { places, installations, metrics: [...new Set(figures.map((fg) => fg.body.metric))] };
  }, []);
  useDocumentTitle(source.data?.title ?? t('reader.title'));

  const textRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const text = source.data?.text ?? '';

  // Read the selection when the pointer or keyboard lets go of it, not on every change.
  const capture = useCallback(() => {
    if (!textRef.current) return;
    const s = selectionIn(textRef.current, text);
    if (s) setSelection(s);
  }, [text]);
  useEffect(() => {
    const up = () => setTimeout(capture, 0);
    document.addEventListener('mouseup', up);
    document.addEventListener('keyup', up);
    return () => {
      document.removeEventListener('mouseup', up);
      document.removeEventListener('keyup', up);
    };
  }, [capture]);

  const kindsPresent = useMemo(() => {
    const kinds = new Set([...(cites.data?.records.values() ?? [])].map((r) => r.kind));
    return RECORD_KINDS.filter((k) => kinds.has(k));
  }, [cites.data]);

  if (source.error) return <ErrorNote error={source.error} onRetry={source.reload} />;
  if (!source.data) return <Loading />;
  const s = source.data;
  const onCreated = (_r: AnyRecord) => cites.reload();

  return (
    <div className="reader">
      <header className="reader-head">
        <h1>{s.title}</h1>
        <dl className="meta">
          <div>
            <dt>{t('library.col.kind')}</dt>
            <dd>{vocab(t, 'source_kind', s.kind)}</dd>
          </div>
          {s.publisher && (
            <div>
              <dt>{t('library.col.publisher')}</dt>
              <dd>{s.publisher}</dd>
            </div>
          )}
          <div>
            <dt>{t('library.col.published')}</dt>
            <dd>{f.partialDate(s.published)}</dd>
          </div>
          <div>
            <dt>{t('library.col.language')}</dt>
            <dd>{vocab(t, 'language', s.language)}</dd>
          </div>
          <div>
            <dt>{t('library.col.reliability')}</dt>
            <dd>{s.reliability ? vocab(t, 'reliability', s.reliability) : t('common.notGiven')}</dd>
          </div>
          <div>
            <dt>{t('reader.sha256')}</dt>
            <dd className="mono small">{s.sha256.slice(0, 16)}…</dd>
          </div>
        </dl>
        {kindsPresent.length > 0 && (
          <ul className="legend" aria-label={t('reader.legend')}>
            {kindsPresent.map((k) => (
              <li key={k} className="legend-item">
                <span className={`swatch hl-${k}`} aria-hidden="true" /> {vocab(t, 'record_kind', k)}
              </li>
            ))}
          </ul>
        )}
      </header>
      <div className="reader-body">
        <article aria-label={t('reader.text')}>
          {cites.error ? <ErrorNote error={cites.error} onRetry={cites.reload} /> : null}
          <SourceText text={text} citations={cites.data?.citations ?? []} records={cites.data?.records ?? new Map()} titleOf={title} containerRef={textRef} pending={selection} language={s.language} />
        </article>
        <aside className="reader-side" aria-label={t('reader.side')}>
          {lookups.error ? <ErrorNote error={lookups.error} onRetry={lookups.reload} /> : null}
          <SelectionPanel sourceId={id} selection={selection} lookups={lookups.data} onCreated={onCreated} onCancel={() => setSelection(null)} />
        </aside>
      </div>
    </div>
  );
}
