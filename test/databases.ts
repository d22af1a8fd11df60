import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The dialect matrix, after Backstage's TestDatabases: every store test runs on a real SQLite
 * file and, when TUMEN_TEST_PG_URL is set (CI sets it), on a fresh PostgreSQL database.
 */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  location: string;
  dir: string;
  drop(): Promise<void>;
}

export const PG_URL = process.env.TUMEN_TEST_PG_URL ?? '';

let warned = false;
export function testDialects(): Array<'sqlite' | 'postgres'> {
  if (!PG_URL && !warned) {
    warned = true;
    console.log('# TUMEN_TEST_PG_URL not set: PostgreSQL half of the dialect matrix skipped');
  }
  return PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export function tempDir(prefix = 'tumen-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function createTestDatabase(name: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  const dir = tempDir();
  if (name === 'sqlite') {
    return { name, dir, location: join(dir, 'tumen.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const dbName = `tumen_t_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${dbName}`));
  const url = new URL(PG_URL);
  url.pathname = `/${dbName}`;
  return {
    name,
    dir,
    location: url.toString(),
    drop: async () => {
      await dropDatabase(dbName);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A short-lived connection to the cluster's maintenance database, with its errors heard. */
async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/**
 * Waits (up to 3 s) for the test's own pools to have gone, so that FORCE only ends what a
 * failed test left open; pools opened by store/db.ts hear the termination and do not crash.
 */
async function dropDatabase(dbName: string): Promise<void> {
  await withAdmin(async (c) => {
    for (let i = 0; i < 30; i++) {
      const r = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [dbName]);
      if ((r.rows[0] as { n: number }).n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });
}
