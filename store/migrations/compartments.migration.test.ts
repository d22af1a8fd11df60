import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Migrator, type Kysely, type Migration } from 'kysely';
import { createTestDatabase, testDialects } from '../../test/databases.ts';
import { openDatabase, type Dialect } from '../db.ts';
import { migrateToLatest, MIGRATIONS } from '../migrate.ts';

/** Runs the migrations up to (not including) `stop`. */
async function migrateBefore(db: Kysely<any>, dialect: Dialect, stop: string): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(MIGRATIONS)) if (name < stop) migrations[name] = { up: (d) => m.up(d, dialect) };
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
  if (error) throw error;
}

for (const dialect of testDialects()) {
  test(`existing sources and records land in the default compartment on ${dialect}`, async () => {
    const tdb = await createTestDatabase(dialect);
    const { db, close } = openDatabase({ location: tdb.location });
    try {
      await migrateBefore(db, dialect, '2026-11-24-0910-compartments');
      const at = new Date().toISOString();
      const meta = { version: 1, created_at: at, created_by: 'x', updated_at: at, updated_by: 'x', deleted_at: null };
      await db.insertInto('sources').values({ id: 's1', kind: 'other', title: 't', publisher: '', author: '', url: '', language: 'en', text: 'x', sha256: 'a'.repeat(64), ...meta }).execute();
      await db.insertInto('records').values({ id: 'r1', kind: 'case', status: 'confirmed', body: '{}', label: 'c', ...meta }).execute();
      await migrateToLatest(db, dialect);
      assert.deepEqual(await db.selectFrom('source_compartments').selectAll().execute(), [{ source_id: 's1', compartment_id: 'default' }]);
      assert.deepEqual(await db.selectFrom('record_compartments').selectAll().execute(), [{ record_id: 'r1', compartment_id: 'default' }]);
      assert.equal((await db.selectFrom('compartments').select('id').execute()).map((c) => c.id).join(), 'default');
    } finally {
      await close();
      await tdb.drop();
    }
  });
}
