import { sql, type Kysely } from 'kysely';
import type { IndexWriter, NameExpander, SearchDoc, SearchRequest, SearchResult } from '../domain/search.ts';
import type { SearchDialect } from './migrations.ts';
import { pgCount, pgRebuild, pgSearch, pgWriter } from './pg-index.ts';
import { planQuery } from './query-plan.ts';
import { sqliteCount, sqliteSearch } from './sqlite-search.ts';
import { sqliteRebuild, sqliteWriter } from './sqlite-writer.ts';

export { migrateSearch, type SearchDialect } from './migrations.ts';
export { analyze, tokenize } from './analyzer.ts';
export { parseQuery } from './query-parser.ts';

export interface SearchIndexOptions {
  /** Other names of a place a query mentions; each is OR'ed with the word typed. */
  expandName?: NameExpander;
}

export interface SearchIndex {
  readonly dialect: SearchDialect;
  /** For the store: call inside the transaction that writes the record. */
  readonly writer: IndexWriter<Kysely<any>>;
  /** Throws ValidationError for bad syntax, unknown filters or an out-of-range limit/offset. */
  search(req: SearchRequest): Promise<SearchResult>;
  /**
   * Replaces the whole index with `docs`; resolves to the number indexed. PostgreSQL: one
   * transaction. SQLite: batches of 5,000 (see sqlite-writer.ts), so run it when idle.
   */
  rebuild(
    docs: AsyncIterable<SearchDoc> | Iterable<SearchDoc>,
    onProgress?: (indexed: number) => void,
  ): Promise<number>;
  /** Documents in the index. */
  count(): Promise<number>;
  /** True after migrateSearch emptied an index built by another analyzer version, or a SQLite rebuild failed midway; false again once rebuild() completes. */
  needsRebuild(): Promise<boolean>;
}

/** Expects migrateSearch(db, dialect) to have run. */
export function createSearchIndex(db: Kysely<any>, dialect: SearchDialect, opts: SearchIndexOptions = {}): SearchIndex {
  if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error(`unknown search dialect "${String(dialect)}"`);
  const pg = dialect === 'postgres';
  return {
    dialect,
    writer: pg ? pgWriter() : sqliteWriter(),
    async search(req) {
      const plan = planQuery(req, opts.expandName);
      return pg ? pgSearch(db, plan) : sqliteSearch(db, plan);
    },
    rebuild: (docs, onProgress) => (pg ? pgRebuild(db, docs, onProgress) : sqliteRebuild(db, docs, onProgress)),
    count: () => (pg ? pgCount(db) : sqliteCount(db)),
    async needsRebuild() {
      const r = await sql<{ value: string }>`SELECT value FROM search_meta WHERE key = 'needs_rebuild'`.execute(db);
      return r.rows.length > 0;
    },
  };
}
