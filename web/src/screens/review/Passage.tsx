import { useTranslation } from 'react-i18next';
import type { Citation } from '@domain/records.ts';
import type { Source } from '@domain/sources.ts';
import { Link } from '../../router.tsx';

const CONTEXT = 360;

/** The cited stretch of a source with some text either side, the stretch marked. */
export function Passage({ citation, source }: { citation: Citation; source: Source | undefined }) {
  const { t } = useTranslation();
  if (!source) return <blockquote className="passage">{citation.quote}</blockquote>;
  const from = Math.max(0, citation.start - CONTEXT);
  const to = Math.min(source.text.length, citation.end + CONTEXT);
  return (
    <figure className="passage-figure">
      <blockquote className="passage" lang={source.language === 'und' ? undefined : source.language}>
        {from > 0 && '… '}
        {source.text.slice(from, citation.start)}
        <mark>{source.text.slice(citation.start, citation.end)}</mark>
        {source.text.slice(citation.end, to)}
        {to < source.text.length && ' …'}
      </blockquote>
      <figcaption className="small">
        <Link to={`/sources/${source.id}`}>{source.title}</Link> · {t('review.credibility', { value: citation.credibility })}
      </figcaption>
    </figure>
  );
}
