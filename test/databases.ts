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
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${dbName}`;
  return {
    name,
    dir,
    location: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await c.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

