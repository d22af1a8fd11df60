import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { ValidationError } from '../domain/errors.ts';
import { ANALYZER_VERSION } from './analyzer.ts';
import { createSearchIndex, migrateSearch } from './index.ts';
import { doc, openTestDb, testDialects, type TestDb } from './test-support.ts';

for (const dialect of testDialects()) {
  describe(`search migrations on ${dialect}`, () => {
    let t: TestDb;
    before(async () => {
      t = await openTestDb(dialect);
    });
    after(() => t?.dispose());

    test('migrating again is a no-op and keeps the index', async () => {
      const index = createSearchIndex(t.db, dialect);
      await index.writer.upsert(t.db, doc({ id: 'm1', text: 'kept across restarts' }));
      await migrateSearch(t.db, dialect);
      assert.equal(await index.count(), 1);
      assert.equal(await index.needsRebuild(), false);
      const r = await sql<{ name: string }>`SELECT name FROM search_migration`.execute(t.db);
      assert.deepEqual(
        r.rows.map((x) => x.name),
        ['0001_search'],
      );
    });

    test('an index from another analyzer version is emptied and flagged until rebuilt', async () => {
      const index = createSearchIndex(t.db, dialect);
      await sql`UPDATE search_meta SET value = ${String(ANALYZER_VERSION - 1)} WHERE key = 'analyzer'`.execute(t.db);
      await migrateSearch(t.db, dialect);
      assert.equal(await index.count(), 0);
      assert.equal(await index.needsRebuild(), true);
      await index.rebuild([doc({ id: 'm1', text: 'kept across restarts' })]);
      assert.equal(await index.needsRebuild(), false);
      assert.equal((await index.search({ q: 'restarts' })).total, 1);
    });
  });
}

for (const dialect of testDialects()) {
  describe(`failed rebuild on ${dialect}`, () => {
    let t: TestDb;
    before(async () => {
      t = await openTestDb(dialect);
    });
    after(() => t?.dispose());

    test('a document given twice fails the rebuild, which stays flagged (SQLite) or rolls back (PostgreSQL)', async () => {
      const index = createSearchIndex(t.db, dialect);
      await index.rebuild([doc({ id: 'a', text: 'first' })]);
      await assert.rejects(
        index.rebuild([doc({ id: 'b', text: 'one' }), doc({ id: 'b', text: 'two' })]),
        (e: unknown) => e instanceof ValidationError && /given twice/.test(e.message),
      );
      if (dialect === 'sqlite') {
        assert.equal(await index.needsRebuild(), true);
      } else {
        assert.equal(await index.needsRebuild(), false);
        assert.equal((await index.search({ q: 'first' })).total, 1);
      }
    });
  });
}
