import Database from 'better-sqlite3-multiple-ciphers';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DB } from './schema.ts';
import { openSqliteFile } from './sqlite-cipher.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Database_ {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
  /**
   * SQLite only: a consistent copy of the live database while writers keep going. The copy is
   * encrypted with the same key as the live file (VACUUM INTO keeps the cipher), so no
   * plaintext page ever reaches the disk.
   */
  snapshot?: (dest: string) => Promise<void>;
}
export type { Database_ as TumenDatabase };

export interface OpenOptions {
  /** A SQLite file path, or a postgres:// URL. */
  location: string;
  /**
   * SQLite only: the 256-bit page-encryption key (from the vault, never from argv or the
   * environment). Without it the file is a plain SQLite file: tests of the plain baseline only.
   */
  key?: Buffer | undefined;
  /** Hook for tests and the bench: the raw driver handle. */
  onSqlite?: (raw: Database.Database) => void;
}

export function dialectOf(location: string): Dialect {
  return /^postgres(ql)?:\/\//.test(location) ? 'postgres' : 'sqlite';
}

export function openDatabase(opts: OpenOptions): Database_ {
  return dialectOf(opts.location) === 'postgres' ? openPostgres(opts.location) : openSqlite(opts);
}

function openSqlite(opts: OpenOptions): Database_ {
  const raw = openSqliteFile(opts.location, opts.key);
  // WAL lets readers (the web app, an export) run beside a writer (an import).
  raw.pragma('journal_mode = WAL');
  // FULL: a committed source survives power loss, not only a killed process. Evidence is worth the fsync.
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  opts.onSqlite?.(raw);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  const snapshot = async (dest: string) => void raw.prepare('VACUUM INTO ?').run(dest);
  return { db, dialect: 'sqlite', close: () => db.destroy(), snapshot };
}

/**
 * Kysely prepares every query afresh, and preparing costs more than running our small queries:
 * an import spent a fifth of its time in `prepare`. Statements are reusable, and Kysely's SQLite
 * driver runs one query at a time on its single connection, so a cache keyed by SQL text is safe.
 */
function withStatementCache(raw: Database.Database, max = 1000) {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = raw.prepare(sql);
        // Queries with inlined lists (IN (...)) vary in text; drop the oldest rather than grow.
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

// BIGINT and NUMERIC come back as strings from pg; our counts and sequence numbers fit in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

function openPostgres(url: string): Database_ {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection ended by the server (a restart, an administrator, DROP ... WITH (FORCE))
  // emits 'error' on the pool; unheard, that event would end the process. The pool has already
  // dropped the broken client and opens a new one on the next query.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
