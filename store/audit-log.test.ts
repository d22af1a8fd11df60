import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Migrator, sql, type Migration } from 'kysely';
import { rootFromLeafHashes } from '../crypto/merkle.ts';
import { createTestDatabase, testDialects } from '../test/databases.ts';
import { buildSource } from '../test/factories.ts';
import { operator, testVault } from '../test/keys.ts';
import fc from 'fast-check';
import { auditLeafBytes, auditLeafBytesReference, auditLeafHash } from './audit-leaf.ts';
import { openDatabase, type Dialect } from './db.ts';
import { migrateToLatest, MIGRATIONS } from './migrate.ts';
import { openStore } from './store.ts';

function migratorFor(db: ReturnType<typeof openDatabase>['db'], dialect: Dialect) {
  const migrations: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(MIGRATIONS)) migrations[name] = { up: (d) => m.up(d, dialect), ...(m.down ? { down: (d: any) => m.down!(d, dialect) } : {}) };
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

for (const dialect of testDialects()) {
  describe(`Merkle audit log on ${dialect}`, () => {
    test('every write and read appends a dense, leaf-hashed entry; the stored head is the RFC 9162 root', async () => {
      const tdb = await createTestDatabase(dialect);
      const { store, close } = await openStore(tdb.location, (await testVault(tdb.dir)).sealer);
      try {
        const { input, sha256 } = buildSource();
        await store.sources.create(operator, input, sha256);
        const p = await store.records.create(operator, { kind: 'person', body: { pseudonym: 'A' }, protected: { realName: 'X' } });
        await store.audit.recordRead(operator, { kind: 'person', id: p.id }, 'protected');
        await assert.rejects(store.transaction(async (tx) => {
          await tx.records.create(operator, { kind: 'person', body: { pseudonym: 'B' } });
          throw new Error('boom');
        }), /boom/);
        const rows = [];
        for await (const r of store.audit.scan()) rows.push(r);
        assert.deepEqual(rows.map((r) => r.seq), rows.map((_r, i) => i + 1), 'seq is the leaf position, with no gap after a rollback');
        for (const r of rows) assert.equal(r.leaf_hash, auditLeafHash(r).toString('hex'));
        const read = rows[rows.length - 1]!;
        assert.deepEqual([read.action, JSON.parse(read.detail)], ['person.read', { what: 'protected' }]);
        const head = await store.audit.head();
        assert.equal(head.size, rows.length);
        assert.equal(head.root.toString('hex'), rootFromLeafHashes(rows.length, rows.map((r) => Buffer.from(r.leaf_hash, 'hex'))).toString('hex'));
      } finally {
        await close();
        await tdb.drop();
      }
    });

    test('the migration renumbers and hashes entries written before the log existed', async () => {
      const tdb = await createTestDatabase(dialect);
      const { db, close } = openDatabase({ location: tdb.location });
      try {
        const migrator = migratorFor(db, dialect);
        const first = await migrator.migrateTo('2026-11-23-0700-initial');
        assert.equal(first.error, undefined);
        for (const seq of [1, 2, 7]) {
          await sql`INSERT INTO audit_log (seq, at, actor, action, entity_kind, entity_id, state_hash, detail) VALUES (${seq}, '2026-01-01T00:00:00.000Z', 'a', 'x.create', 'x', ${`id${seq}`}, 'h', '{}')`.execute(db);
        }
        await migrateToLatest(db, dialect);
        const rows = (await sql<{ seq: number; entity_id: string; leaf_hash: string }>`SELECT * FROM audit_log ORDER BY seq`.execute(db)).rows;
        assert.deepEqual(rows.map((r) => [Number(r.seq), r.entity_id]), [[1, 'id1'], [2, 'id2'], [3, 'id7']]);
        const frontier = (await sql<{ size: number; root: string }>`SELECT size, root FROM audit_frontier`.execute(db)).rows[0];
        assert.equal(Number(frontier?.size), 3);
        assert.equal(frontier?.root, rootFromLeafHashes(3, rows.map((r) => Buffer.from(r.leaf_hash, 'hex'))).toString('hex'));
      } finally {
        await close();
        await tdb.drop();
      }
    });
  });
}

test('the hand-written leaf encoding is exactly RFC 8785 canonical JSON, for any column values', () => {
  const text = fc.string({ unit: 'binary' });
  fc.assert(
    fc.property(fc.record({ seq: fc.nat(), at: text, actor: text, action: text, entity_kind: text, entity_id: text, state_hash: text, detail: text }), (e) => {
      assert.ok(auditLeafBytes(e).equals(auditLeafBytesReference(e)));
    }),
    { numRuns: 2000 },
  );
});
