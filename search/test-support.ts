import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchDoc } from '../domain/search.ts';
import { migrateSearch, type SearchDialect } from './migrations.ts';

/** A migrated, empty database of one dialect for a test suite, and how to throw it away. */
export interface TestDb {
  dialect: SearchDialect;
  db: Kysely<any>;
  dispose(): Promise<void>;
}

export const PG_URL = process.env.TUMEN_TEST_PG_URL;

/** The dialects a suite runs on; says so loudly when PostgreSQL is skipped. */
export function testDialects(): SearchDialect[] {
  if (!PG_URL) {
    console.warn('search tests: TUMEN_TEST_PG_URL is not set, SKIPPING the PostgreSQL half');
    return ['sqlite'];
  }
  return ['sqlite', 'postgres'];
}

export async function openTestDb(dialect: SearchDialect): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tumen-search-'));
    const raw = new Database(join(dir, 'search.db'));
    raw.pragma('journal_mode = WAL');
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    await migrateSearch(db, 'sqlite');
    return {
      dialect,
      db,
      async dispose() {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!PG_URL) throw new Error('TUMEN_TEST_PG_URL is not set');
  const name = `tumen_search_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  // DROP … WITH (FORCE) in dispose() ends connections still closing; that is expected.
  pool.on('error', () => undefined);
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  await migrateSearch(db, 'postgres');
  return {
    dialect,
    db,
    async dispose() {
      await db.destroy();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

let n = 0;
/** A search document with defaults for what a test doesn't care about. */
export function doc(p: Partial<SearchDoc> & { text: string }): SearchDoc {
  return {
    id: p.id ?? `doc-${++n}`,
    kind: p.kind ?? 'event',
    title: p.title ?? '',
    text: p.text,
    language: p.language ?? 'en',
    status: p.status === undefined ? 'confirmed' : p.status,
    type: p.type ?? null,
    dateLo: p.dateLo ?? null,
    dateHi: p.dateHi ?? null,
    placeIds: p.placeIds ?? [],
    reliability: p.reliability ?? null,
    sourceId: p.sourceId ?? null,
  };
}
