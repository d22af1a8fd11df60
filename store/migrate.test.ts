import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, testDialects } from '../test/databases.ts';
import { openDatabase } from './db.ts';
import { migrateDown, migrateToLatest, MIGRATIONS } from './migrate.ts';

for (const dialect of testDialects()) {
  test(`migrations run up, down and up again on ${dialect}, and are idempotent`, async () => {
    const tdb = await createTestDatabase(dialect);
    const { db, close } = openDatabase({ location: tdb.location });
    try {
      await migrateToLatest(db, dialect);
      await migrateToLatest(db, dialect);
      const tables = await db.introspection.getTables();
      for (const t of ['sources', 'records', 'citations', 'evidence_files', 'audit_log']) {
        assert.ok(tables.some((x) => x.name === t), `table ${t}`);
      }
      for (let i = 0; i < Object.keys(MIGRATIONS).length; i++) await migrateDown(db, dialect);
      const after = await db.introspection.getTables();
      assert.equal(after.some((x) => x.name === 'records'), false);
      await migrateToLatest(db, dialect);
      await sql`select count(*) from records`.execute(db);
    } finally {
      await close();
      await tdb.drop();
    }
  });
}
