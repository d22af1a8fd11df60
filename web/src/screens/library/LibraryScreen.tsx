import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceListQuery } from '@domain/api-types.ts';
import { ISO_PREFIX, isValidIsoPrefix } from '@domain/partial-date.ts';
import type { SourceSummary } from '@domain/sources.ts';
import { SOURCE_KINDS, SOURCE_RELIABILITY } from '@domain/vocabulary.ts';
import { api } from '../../api.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Empty, ErrorNote, Loading } from '../../components/status.tsx';
import { vocab } from '../../components/vocab.ts';
import { useDebounced, useDocumentTitle } from '../../hooks.ts';
import { useFormat } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { useImporter } from './importer.ts';

const LANGS = ['ko', 'en', 'zh', 'ja', 'ru', 'und'];
interface Filters {
  kind: string;
  publisher: string;
  language: string;
  reliability: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { kind: '', publisher: '', language: '', reliability: '', from: '', to: '' };
const validDate = (v: string) => !v.trim() || (ISO_PREFIX.test(v.trim()) && isValidIsoPrefix(v.trim()));

export default function LibraryScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  useDocumentTitle(t('library.title'));
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const debounced = useDebounced(filters, 300);
  const [items, setItems] = useState<SourceSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [tick, setTick] = useState(0);
  const dateErrors = { from: validDate(filters.from) ? undefined : t('form.invalidDate'), to: validDate(filters.to) ? undefined : t('form.invalidDate') };

  const query = useCallback((): SourceListQuery => {
    const d = debounced;
    return {
      kind: (d.kind || undefined) as SourceListQuery['kind'],
      publisher: d.publisher.trim() || undefined,
      language: d.language || undefined,
      reliability: (d.reliability || undefined) as SourceListQuery['reliability'],
      // An invalid bound is shown as an error and not sent, so the list does not jump.
      from: validDate(d.from) ? d.from.trim() || undefined : undefined,
      to: validDate(d.to) ? d.to.trim() || undefined : undefined,
      limit: 50,
    };
  }, [debounced]);

  useEffect(() => {
    const ctl = new AbortController();
    setError(null);
    api.listSources(query(), { signal: ctl.signal }).then(
      (page) => {
        setItems(page.items);
        setCursor(page.nextCursor);
      },
      (err: unknown) => !ctl.signal.aborted && setError(err),
    );
    return () => ctl.abort();
  }, [query, tick]);

  const more = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await api.listSources({ ...query(), cursor });
      setItems((list) => [...(list ?? []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    } finally {
      setLoadingMore(false);
    }
  };

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const importer = useImporter(reload);
  const set = (k: keyof Filters) => (v: string) => setFilters((s) => ({ ...s, [k]: v }));
  const langLabels = Object.fromEntries(LANGS.map((l) => [l, vocab(t, 'language', l)]));

  return (
    <div className="library">
      <h1>{t('library.title')}</h1>
      <ImportPanel uploads={importer.uploads} onFiles={(files) => void importer.start(files)} onClear={importer.clear} />
      <section className="card" aria-labelledby="lib-sources">
        <h2 id="lib-sources">{t('library.sources')}</h2>
        <form className="filters" role="search" aria-label={t('library.filters')} onSubmit={(e) => e.preventDefault()}>
          <SelectField label={t('library.filter.kind')} value={filters.kind} onChange={set('kind')} options={SOURCE_KINDS} group="source_kind" empty={t('common.any')} />
          <TextField label={t('library.filter.publisher')} value={filters.publisher} onChange={set('publisher')} />
          <SelectField label={t('library.filter.language')} value={filters.language} onChange={set('language')} options={LANGS} labels={langLabels} empty={t('common.any')} />
          <SelectField label={t('library.filter.reliability')} value={filters.reliability} onChange={set('reliability')} options={SOURCE_RELIABILITY} group="reliability" empty={t('common.any')} />
          <TextField label={t('library.filter.from')} value={filters.from} onChange={set('from')} error={dateErrors.from} hint={t('form.dateHint')} />
          <TextField label={t('library.filter.to')} value={filters.to} onChange={set('to')} error={dateErrors.to} hint={t('form.dateHint')} />
          <button type="button" className="link-button" onClick={() => setFilters(EMPTY)}>
            {t('library.filter.reset')}
          </button>
        </form>
        {error ? (
          <ErrorNote error={error} onRetry={reload} />
        ) : !items ? (
          <Loading />
        ) : items.length === 0 ? (
          <Empty>{t('library.empty')}</Empty>
        ) : (
          <div className="table-scroll">
            <table className="list-table" data-testid="sources-table">
              <thead>
                <tr>
                  <th scope="col">{t('library.col.title')}</th>
                  <th scope="col">{t('library.col.kind')}</th>
                  <th scope="col">{t('library.col.publisher')}</th>
                  <th scope="col">{t('library.col.language')}</th>
                  <th scope="col">{t('library.col.published')}</th>
                  <th scope="col">{t('library.col.reliability')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/sources/${s.id}`}>{s.title}</Link>
                    </td>
                    <td>{vocab(t, 'source_kind', s.kind)}</td>
                    <td>{s.publisher}</td>
                    <td>{vocab(t, 'language', s.language)}</td>
                    <td>{s.published ? f.partialDate(s.published) : ''}</td>
                    <td>{s.reliability ? <span title={vocab(t, 'reliability', s.reliability)}>{s.reliability}</span> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {cursor && (
          <button type="button" onClick={() => void more()} disabled={loadingMore}>
            {loadingMore ? t('common.loading') : t('common.loadMore')}
          </button>
        )}
      </section>
    </div>
  );
}
