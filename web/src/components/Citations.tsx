import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Citation } from '@domain/records.ts';
import type { Source } from '@domain/sources.ts';
import { api } from '../api.ts';
import { Link } from '../router.tsx';
import { vocab } from './vocab.ts';

const sourceCache = new Map<string, Promise<Source>>();
export function fetchSourceCached(id: string): Promise<Source> {
  let p = sourceCache.get(id);
  if (!p) {
    p = api.getSource(id);
    sourceCache.set(id, p);
    p.catch(() => sourceCache.delete(id));
  }
  return p;
}

function SourceTitle({ id }: { id: string }) {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetchSourceCached(id).then((s) => live && setTitle(s.title), () => undefined);
    return () => {
      live = false;
    };
  }, [id]);
  return <Link to={`/sources/${id}`}>{title ?? id.slice(0, 8)}</Link>;
}

/** Each citation: the exact quote, its source, and how credible the analyst judged it. */
export function Citations({ citations }: { citations: Citation[] }) {
  const { t } = useTranslation();
  if (citations.length === 0) return <p className="muted">{t('record.noCitations')}</p>;
  return (
    <ul className="citations" data-testid="citations">
      {citations.map((c) => (
        <li key={c.id}>
          <blockquote className="quote">{c.quote}</blockquote>
          <p className="small muted">
            <SourceTitle id={c.sourceId} /> · {vocab(t, 'credibility', c.credibility)}
            {c.rule ? ` · ${t('record.byRule', { rule: c.rule })}` : ''}
          </p>
          {c.note && <p className="small">{c.note}</p>}
        </li>
      ))}
    </ul>
  );
}
