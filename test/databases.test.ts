import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openDatabase } from '../store/db.ts';
import { createTestDatabase, PG_URL } from './databases.ts';

test('dropping a test database while a pool still holds connections ends them without crashing the process', { skip: !PG_URL && 'TUMEN_TEST_PG_URL not set' }, async () => {
  const tdb = await createTestDatabase('postgres');
  const { db, close } = openDatabase({ location: tdb.location });
  await Promise.all([1, 2, 3].map(() => sql`SELECT pg_sleep(0.05)`.execute(db)));
  let uncaught: unknown = null;
  const onUncaught = (err: unknown) => void (uncaught = err);
  process.on('uncaughtException', onUncaught);
  try {
    await tdb.drop();
    // The terminated idle clients report asynchronously: give them the time to.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(uncaught, null, `the pool's connections were ended and the process lived on: ${String(uncaught)}`);
    await assert.rejects(sql`SELECT 1`.execute(db), 'the database is gone');
  } finally {
    process.off('uncaughtException', onUncaught);
    await close().catch(() => undefined);
  }
});
