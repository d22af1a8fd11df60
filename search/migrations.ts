import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { ANALYZER_VERSION } from './analyzer.ts';

export type SearchDialect = 'sqlite' | 'postgres';

/*
 * SQLite layout (why it looks like this: see search/README.md):
 * - search_fts: a contentless FTS5 table over pre-analysed tokens. Its rowid is
 *   combo × 2^32 + seq, so facet counts and facet filters read the rowid alone and never visit
 *   another table for each of tens of thousands of matches.
 * - search_combo: each distinct (kind, type, language, status, reliability), '' for null.
 * - search_doc: narrow per-document row (combo and date interval as YYYYMMDD integers) for
 *   date filters and filter-only listing.
 * - search_text: id and the original title/text, read only for the returned page (snippets).
 */
const sqliteV1: Migration = {
  async up(db) {
    await sql`CREATE TABLE search_text (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      body TEXT NOT NULL
    )`.execute(db);
    await sql`CREATE TABLE search_combo (
      code INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      type TEXT NOT NULL,
      language TEXT NOT NULL,
      status TEXT NOT NULL,
      reliability TEXT NOT NULL,
      UNIQUE (kind, type, language, status, reliability)
    )`.execute(db);
    await sql`CREATE TABLE search_doc (
      seq INTEGER PRIMARY KEY,
      combo INTEGER NOT NULL,
      date_lo INTEGER,
      date_hi INTEGER
    )`.execute(db);
    await sql`CREATE TABLE search_place (
      place_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (place_id, seq)
    ) WITHOUT ROWID`.execute(db);
    await sql`CREATE INDEX search_place_seq ON search_place (seq)`.execute(db);
    // Not contentless_delete=1: its DELETE leaves the row count bm25 uses too high (SQLite 3.53),
    // so every edit would skew ranking. Rows are deleted with the 'delete' command instead,
    // re-analysing the stored original text (hence the analyzer version in search_meta).
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'ascii', content = '')`.execute(db);
    await sql`CREATE TABLE search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(db);
  },
  async down(db) {
    for (const t of ['search_meta', 'search_fts', 'search_place', 'search_doc', 'search_combo', 'search_text']) {
      await sql`DROP TABLE IF EXISTS ${sql.id(t)}`.execute(db);
    }
  },
};

/*
 * PostgreSQL layout: one row per document with a tsvector built from the same tokens
 * (positions and title weight A given explicitly, so no text search parser or dictionary runs).
 */
const postgresV1: Migration = {
  async up(db) {
    await sql`CREATE TABLE search_doc (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      type TEXT,
      language TEXT NOT NULL,
      status TEXT,
      reliability TEXT,
      date_lo DATE,
      date_hi DATE,
      place_ids TEXT[] NOT NULL DEFAULT '{}',
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      tsv TSVECTOR NOT NULL
    )`.execute(db);
    await sql`CREATE INDEX search_doc_tsv ON search_doc USING GIN (tsv)`.execute(db);
    await sql`CREATE INDEX search_doc_places ON search_doc USING GIN (place_ids)`.execute(db);
    await sql`CREATE INDEX search_doc_dates ON search_doc (date_lo, date_hi)`.execute(db);
    await sql`CREATE TABLE search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(db);
  },
  async down(db) {
    await sql`DROP TABLE IF EXISTS search_meta`.execute(db);
    await sql`DROP TABLE IF EXISTS search_doc`.execute(db);
  },
};

const MIGRATIONS: Record<SearchDialect, Record<string, Migration>> = {
  sqlite: { '0001_search': sqliteV1 },
  postgres: { '0001_search': postgresV1 },
};

/** Brings the search tables to the latest version; safe to call at every start. */
export async function migrateSearch(db: Kysely<any>, dialect: SearchDialect): Promise<void> {
  const migrations = MIGRATIONS[dialect];
  if (!migrations) throw new Error(`no search migrations for dialect "${String(dialect)}"`);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'search_migration',
    migrationLockTableName: 'search_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(
      `search migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  await checkAnalyzer(db, dialect);
}

/**
 * An index built by another analyzer version holds tokens today's queries (and, on SQLite, today's
 * deletes) would not reproduce: empty it and flag it, so the application rebuilds it.
 */
async function checkAnalyzer(db: Kysely<any>, dialect: SearchDialect): Promise<void> {
  const version = String(ANALYZER_VERSION);
  await db.transaction().execute(async (tx) => {
    const r = await sql<{ value: string }>`SELECT value FROM search_meta WHERE key = 'analyzer'`.execute(tx);
    const current = r.rows[0]?.value;
    if (current === version) return;
    if (current !== undefined) await clearSearchTables(tx, dialect);
    await sql`INSERT INTO search_meta (key, value) VALUES ('analyzer', ${version})
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(tx);
  });
}

/** Empties the index and flags it as needing a rebuild; rebuild() clears the flag when done. */
export async function clearSearchTables(tx: Kysely<any>, dialect: SearchDialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`DELETE FROM search_doc`.execute(tx);
  } else {
    await sql`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`.execute(tx);
    for (const t of ['search_place', 'search_doc', 'search_text', 'search_combo']) {
      await sql`DELETE FROM ${sql.id(t)}`.execute(tx);
    }
  }
  await sql`INSERT INTO search_meta (key, value) VALUES ('needs_rebuild', '1') ON CONFLICT (key) DO NOTHING`.execute(
    tx,
  );
}
