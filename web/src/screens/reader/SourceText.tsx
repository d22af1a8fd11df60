import { memo, useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyRecord } from '@domain/api-types.ts';
import type { Citation } from '@domain/records.ts';
import { vocab } from '../../components/vocab.ts';
import { Link } from '../../router.tsx';
import { segment } from './segments.ts';

interface Props {
  text: string;
  citations: Citation[];
  records: Map<string, AnyRecord>;
  titleOf(r: AnyRecord): string;
  containerRef: RefObject<HTMLDivElement | null>;
  language: string;
  pending: { start: number; end: number } | null;
}

/** The source text with every cited stretch a link to its record, coloured by record kind. */
export const SourceText = memo(function SourceText({ text, citations, records, titleOf, containerRef, pending, language }: Props) {
  const { t } = useTranslation();
  const segments = useMemo(() => segment(text.length, pending ? [...citations, { id: '__pending', recordId: '', sourceId: '', start: pending.start, end: pending.end, quote: '', note: '', credibility: 6, rule: null, createdAt: '', createdBy: '' }] : citations), [text, citations, pending]);
  return (
    <div className="source-text" ref={containerRef} data-length={text.length} data-testid="source-text" lang={language === 'und' ? undefined : language}>
      {segments.map((s) => {
        const body = text.slice(s.start, s.end);
        // Where citations overlap, the link goes to a confirmed record before a candidate, then to
        // the narrowest citation, then the newest.
        const rank = (c: Citation) => (records.get(c.recordId)?.status === 'confirmed' ? 0 : 1);
        const real = s.citations
          .filter((c) => c.id !== '__pending')
          .sort((x, y) => rank(x) - rank(y) || x.end - x.start - (y.end - y.start) || (x.createdAt < y.createdAt ? 1 : x.createdAt > y.createdAt ? -1 : 0));
        const first = real[0];
        if (!first) return <span key={s.start} data-start={s.start} className={s.citations.length ? 'hl-pending' : undefined}>{body}</span>;
        const rec = records.get(first.recordId);
        const kind = rec?.kind ?? 'unknown';
        const label = real
          .map((c) => {
            const r = records.get(c.recordId);
            return r ? `${vocab(t, 'record_kind', r.kind)}: ${titleOf(r)}` : t('reader.unknownRecord');
          })
          .join('\n');
        return (
          <Link key={s.start} to={`/records/${first.recordId}`} data-start={s.start} className={`hl hl-${kind}${real.length > 1 ? ' hl-multi' : ''}`} title={label} draggable={false}>
            {body}
          </Link>
        );
      })}
    </div>
  );
});
