import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchQuery } from '@domain/api-types.ts';
import type { FacetName, SearchResult } from '@domain/search.ts';
import { ApiError, api } from '../../api.ts';
import { MarkedText } from '../../components/marked-text.tsx';
import { ErrorNote } from '../../components/status.tsx';
import { vocab, type VocabGroup } from '../../components/vocab.ts';
import { useDebounced, useDocumentTitle } from '../../hooks.ts';
import { useFormat } from '../../i18n/format.ts';
import { Link, useRouter, useSearchParams } from '../../router.tsx';

const FACETS: Array<{ name: FacetName; field: keyof SearchQuery; group: VocabGroup }> = [
  { name: 'kind', field: 'kinds', group: 'record_kind' },
  { name: 'type', field: 'types', group: 'event_type' },
  { name: 'language', field: 'languages', group: 'language' },
  { name: 'status', field: 'statuses', group: 'record_status' },
  { name: 'reliability', field: 'reliabilities', group: 'reliability' },
];
const PAGE = 20;
type Selected = Partial<Record<FacetName, string[]>>;
type State = { status: 'idle' } | { status: 'loading' } | { status: 'done'; result: SearchResult } | { status: 'unavailable' } | { status: 'error'; error: unknown };

/** A type facet value may be an event type, an installation kind, a source kind…: try each vocabulary. */
function typeLabel(t: ReturnType<typeof useTranslation>['t'], v: string): string {
  for (const g of ['event_type', 'installation_kind', 'source_kind', 'organization_kind', 'place_kind', 'observation_action'] as const) {
    const label = t(`vocab.${g}.${v}`, { defaultValue: '' });
    if (label) return label;
  }
  return v;
}

export default function SearchScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const params = useSearchParams();
  const { navigate, path } = useRouter();
  const inputId = useId();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [selected, setSelected] = useState<Selected>({});
  const [limit, setLimit] = useState(PAGE);
  const [state, setState] = useState<State>({ status: 'idle' });
  const debouncedQ = useDebounced(q, 250);
  useDocumentTitle(debouncedQ ? t('search.titleFor', { q: debouncedQ }) : t('search.title'));

  useEffect(() => {
    navigate(debouncedQ ? `${path}?q=${encodeURIComponent(debouncedQ)}` : path, { replace: true });
    // Only the query belongs in the address; navigate and path are stable for this screen.
  }, [debouncedQ]);

  useEffect(() => {
    const text = debouncedQ.trim();
    if (!text) {
      setState({ status: 'idle' });
      return;
    }
    const ctl = new AbortController();
    setState((s) => (s.status === 'done' ? s : { status: 'loading' }));
    const query: SearchQuery = { q: text, limit };
    for (const facet of FACETS) {
      const values = selected[facet.name];
      if (values?.length) (query[facet.field] as string[]) = values;
    }
    api.search(query, { signal: ctl.signal }).then(
      (result) => setState({ status: 'done', result }),
      (error: unknown) => {
        if (ctl.signal.aborted) return;
        // No such route on this server (or none with an access policy yet): search is not there.
        if (error instanceof ApiError && (error.id === 'route_not_found' || error.id === 'no_policy')) setState({ status: 'unavailable' });
        else setState({ status: 'error', error });
      },
    );
    return () => ctl.abort();
  }, [debouncedQ, selected, limit]);

  const toggle = (facet: FacetName, value: string) => {
    setLimit(PAGE);
    setSelected((s) => {
      const cur = s[facet] ?? [];
      return { ...s, [facet]: cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value] };
    });
  };
  const result = state.status === 'done' ? state.result : null;

  return (
    <div className="search">
      <h1>{t('search.title')}</h1>
      <form role="search" onSubmit={(e) => e.preventDefault()} className="search-box">
        <label htmlFor={inputId}>{t('search.label')}</label>
        <input id={inputId} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('search.placeholder')} autoComplete="off" spellCheck={false} data-testid="search-input" />
        <p className="hint">{t('search.hint')}</p>
      </form>
      <div className="search-body">
        {result && (
          <aside className="facets" aria-label={t('search.facets')}>
            {FACETS.map((facet) => {
              const counts = Object.entries(result.facets[facet.name] ?? {}).sort((a, b) => b[1] - a[1]);
              if (counts.length === 0) return null;
              return (
                <fieldset key={facet.name}>
                  <legend>{t(`search.facet.${facet.name}`)}</legend>
                  {counts.map(([value, n]) => (
                    <label key={value} className="facet-option">
                      <input type="checkbox" checked={selected[facet.name]?.includes(value) ?? false} onChange={() => toggle(facet.name, value)} />
                      <span>{facet.name === 'type' ? typeLabel(t, value) : facet.name === 'kind' && value === 'source' ? t('search.sourceKind') : vocab(t, facet.group, value)}</span>
                      <span className="muted small">{f.number(n)}</span>
                    </label>
                  ))}
                </fieldset>
              );
            })}
          </aside>
        )}
        <section className="results" aria-live="polite" aria-busy={state.status === 'loading'}>
          {state.status === 'unavailable' && (
            <div className="notice" role="status" data-testid="search-unavailable">
              <h2>{t('search.unavailable.title')}</h2>
              <p>{t('search.unavailable.body')}</p>
            </div>
          )}
          {state.status === 'error' && <ErrorNote error={state.error} />}
          {state.status === 'loading' && <p className="muted">{t('search.searching')}</p>}
          {state.status === 'idle' && <p className="muted">{t('search.idle')}</p>}
          {result && (
            <>
              <p className="muted small" data-testid="search-total">
                {t('search.total', { count: result.total, n: f.number(result.total) })}
              </p>
              <ol className="hits" data-testid="search-hits">
                {result.hits.map((h) => (
                  <li key={h.id} className="hit">
                    <p className="eyebrow">
                      <span className="badge">{h.kind === 'source' ? t('search.sourceKind') : vocab(t, 'record_kind', h.kind)}</span>
                    </p>
                    <h2 className="hit-title">
                      <Link to={h.kind === 'source' ? `/sources/${h.id}` : `/records/${h.id}`}>
                        <MarkedText text={h.title} />
                      </Link>
                    </h2>
                    <p className="snippet">
                      <MarkedText text={h.snippet} />
                    </p>
                  </li>
                ))}
              </ol>
              {result.total > result.hits.length && (
                <button type="button" onClick={() => setLimit((n) => n + PAGE)}>
                  {t('common.loadMore')}
                </button>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}
