import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { auditLeafHash, frontierColumns } from '../../store/audit-leaf.ts';
import { MerkleFrontier } from '../../crypto/merkle-log.ts';
import { EncryptedBlobStore } from '../../store/encrypted-blob-store.ts';
import { citationStates, recordAuditStateV1, stateHash } from '../../store/state-hashes.ts';
import { fromRow as sourceFromRow } from '../../store/sources.repository.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/databases.ts';
import { buildSource } from '../../test/factories.ts';
import { openTestTumen, operator } from '../../test/keys.ts';
import { resolveConfig, type TumenConfig } from '../config.ts';
import type { Tumen } from '../tumen.ts';
import { createCheckpoint } from './checkpointer.ts';
import { verifyTumen } from './verifier.ts';

interface Fixture {
  tumen: Tumen;
  tdb: TestDatabase;
  config: TumenConfig;
  personId: string;
  otherPersonId: string;
  eventId: string;
  evidenceSha: string;
  done(): Promise<void>;
}

async function fixture(dialect: 'sqlite' | 'postgres'): Promise<Fixture> {
  const tdb = await createTestDatabase(dialect);
  const config = resolveConfig({ data: join(tdb.dir, 'data'), env: dialect === 'postgres' ? { TUMEN_DATABASE_URL: tdb.location } : {} });
  const tumen = await openTestTumen(config);
  const { store } = tumen;
  const { input, sha256 } = buildSource();
  const bytes = Buffer.from(input.text);
  await tumen.blobs.put(bytes);
  const source = await store.transaction(async (tx) => {
    const s = await tx.sources.create(operator, input, sha256);
    await tx.evidence.attach(operator, { sourceId: s.id, sha256, mediaType: 'text/plain', size: bytes.length, originalName: 'r.txt' });
    return s;
  });
  const person = await store.records.create(operator, { kind: 'person', body: { pseudonym: 'A' }, protected: { realName: 'Kim A' } });
  const other = await store.records.create(operator, { kind: 'person', body: { pseudonym: 'B' }, protected: { realName: 'Lee B' } });
  const start = input.text.indexOf('about 600');
  const event = await store.records.create(operator, { kind: 'event', body: { type: 'forced_repatriation' }, citations: [{ sourceId: source.id, start, end: start + 9, quote: 'about 600', note: '', credibility: 2, rule: null }] });
  await store.records.update(operator, event.id, { status: 'confirmed' });
  await store.sources.update(operator, source.id, { title: 'Renamed' });
  const gone = await store.records.create(operator, { kind: 'organization', body: { name: 'Gone' } });
  await store.records.remove(operator, gone.id);
  await store.audit.recordRead(operator, { kind: 'person', id: person.id }, 'protected');
  await createCheckpoint(tumen);
  return {
    tumen, tdb, config, personId: person.id, otherPersonId: other.id, eventId: event.id, evidenceSha: sha256,
    done: async () => {
      await tumen.close();
      await tdb.drop();
    },
  };
}

/** Every expected pattern matches some failure line, and every failure line is expected. */
function assertFailures(failures: string[], expected: RegExp[]): void {
  for (const re of expected) assert.ok(failures.some((l) => re.test(l)), `expected a failure like ${re}, got:\n${failures.join('\n')}`);
  for (const l of failures) assert.ok(expected.some((re) => re.test(l)), `unexpected failure: ${l}`);
}

const cases: Array<{ name: string; mutate: (f: Fixture) => Promise<void>; expect: RegExp[] }> = [
  {
    name: 'editing a log entry',
    mutate: async ({ tumen }) => void (await sql`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3`.execute(tumen.store.db)),
    expect: [/entry 3 \(.*\) does not match its leaf hash/, /do not hash to the stored tree head/, /checkpoint .* no longer hash to it/],
  },
  {
    name: 'deleting a log entry',
    mutate: async ({ tumen }) => void (await sql`DELETE FROM audit_log WHERE seq = 3`.execute(tumen.store.db)),
    expect: [/entries 3–3 are missing \(deleted\)/, /9 entries, but the tree head says 10/, /covers 10 entries but the log has 9/, /^person .*: has no log entry/],
  },
  {
    name: 'reordering two log entries',
    mutate: async ({ tumen }) => {
      for (const q of [sql`UPDATE audit_log SET seq = -2 WHERE seq = 2`, sql`UPDATE audit_log SET seq = 2 WHERE seq = 3`, sql`UPDATE audit_log SET seq = 3 WHERE seq = -2`]) await q.execute(tumen.store.db);
    },
    expect: [/entry 2 \(.*\) does not match/, /entry 3 \(.*\) does not match/, /do not hash to the stored tree head/, /no longer hash to it/],
  },
  {
    name: 'truncating the log',
    mutate: async ({ tumen }) => void (await sql`DELETE FROM audit_log WHERE seq > 4`.execute(tumen.store.db)),
    expect: [/4 entries, but the tree head says 10/, /covers 10 entries but the log has 4 \(truncated or rolled back\)/, /^event .*: has no log entry/, /^organization .*: has no log entry/, /^source .*: differs from its last logged state/],
  },
  {
    name: 'rewriting an entry with a fresh leaf hash and tree head (only the signed checkpoint can tell)',
    mutate: async ({ tumen }) => {
      const db = tumen.store.db;
      await sql`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2`.execute(db);
      const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      const f = MerkleFrontier.empty();
      for (const r of rows) {
        const h = auditLeafHash(r);
        f.append(h);
        await db.updateTable('audit_log').set({ leaf_hash: h.toString('hex') }).where('seq', '=', r.seq).execute();
      }
      await db.updateTable('audit_frontier').set(frontierColumns(f)).execute();
    },
    expect: [/checkpoint of .* no longer hash to it \(history rewritten\)/],
  },
  {
    name: 'changing one byte of an evidence file',
    mutate: async ({ config, tumen, evidenceSha }) => {
      const path = new EncryptedBlobStore(config.blobDir, tumen.vault.sealer).pathOf(evidenceSha);
      const bytes = readFileSync(path);
      bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0x01;
      writeFileSync(path, bytes);
    },
    expect: [/^evidence .*: file does not decrypt/],
  },
  {
    name: 'editing a record body in the database',
    mutate: async ({ tumen, eventId }) => void (await sql`UPDATE records SET body = replace(body, 'forced_repatriation', 'arrest_detention') WHERE id = ${eventId}`.execute(tumen.store.db)),
    expect: [/^event .*: differs from its last logged state/, /^event .*: label, type differ from its body/],
  },
  {
    name: 'editing a citation quote in the database (the source text is unchanged)',
    mutate: async ({ tumen, eventId }) => void (await sql`UPDATE citations SET quote = 'about 60' WHERE record_id = ${eventId}`.execute(tumen.store.db)),
    expect: [/^citation .* of record .*: quote differs from its source's text/, /^event .*: differs from its last logged state/],
  },
  {
    name: 'editing protected fields in the database (swapping two persons\' ciphertexts)',
    mutate: async ({ tumen, personId, otherPersonId }) => {
      const db = tumen.store.db;
      const other = await db.selectFrom('records').select('protected').where('id', '=', otherPersonId).executeTakeFirstOrThrow();
      await db.updateTable('records').set({ protected: other.protected }).where('id', '=', personId).execute();
    },
    expect: [/^person .*: differs from its last logged state/, /^person .*: protected fields do not decrypt/],
  },
];

for (const dialect of testDialects()) {
  describe(`verify on ${dialect}`, () => {
    test('an intact data folder verifies with no failure', async () => {
      const f = await fixture(dialect);
      try {
        const r = await verifyTumen(f.tumen);
        assert.deepEqual(r.failures, []);
        assert.deepEqual({ entities: r.entities, blobs: r.blobs, checkpoints: r.checkpoints }, { entities: 6, blobs: 1, checkpoints: 1 });
        assert.equal(r.entries, (await f.tumen.store.audit.count()));
      } finally {
        await f.done();
      }
    });
    test('a log written before state version 2 still verifies', async () => {
      const f = await fixture(dialect);
      try {
        const db = f.tumen.store.db;
        // What an older Tumen logged for the event and the source: version-1 states.
        const event = await db.selectFrom('records').selectAll().where('id', '=', f.eventId).executeTakeFirstOrThrow();
        const source = await db.selectFrom('sources').selectAll().executeTakeFirstOrThrow();
        const v1 = new Map([
          [event.id, stateHash(recordAuditStateV1(event, (await citationStates(db, [event.id])).get(event.id) ?? []))],
          [source.id, stateHash(sourceFromRow(source))],
        ]);
        const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
        const last = new Map(rows.map((r) => [r.entity_id, r.seq]));
        const frontier = MerkleFrontier.empty();
        for (const r of rows) {
          const older = v1.get(r.entity_id);
          const row = older && last.get(r.entity_id) === r.seq ? { ...r, state_hash: older } : r;
          const h = auditLeafHash(row);
          frontier.append(h);
          await db.updateTable('audit_log').set({ state_hash: row.state_hash, leaf_hash: h.toString('hex') }).where('seq', '=', r.seq).execute();
        }
        await db.updateTable('audit_frontier').set(frontierColumns(frontier)).execute();
        await db.deleteFrom('audit_checkpoints').execute(); // signed over the leaves as they were
        assert.deepEqual((await verifyTumen(f.tumen)).failures, []);
        await sql`UPDATE records SET status = 'rejected' WHERE id = ${f.eventId}`.execute(db);
        assertFailures((await verifyTumen(f.tumen)).failures, [/^event .*: differs from its last logged state/]);
      } finally {
        await f.done();
      }
    });
    test('a quote edited in the database is not served: a record read quotes its source', async () => {
      const f = await fixture(dialect);
      try {
        await sql`UPDATE citations SET quote = 'about 60' WHERE record_id = ${f.eventId}`.execute(f.tumen.store.db);
        const record = await f.tumen.store.records.getUnrestricted(f.eventId);
        assert.deepEqual(record.citations.map((c) => c.quote), ['about 600']);
      } finally {
        await f.done();
      }
    });
    for (const c of cases) {
      test(`catches ${c.name}`, async () => {
        const f = await fixture(dialect);
        try {
          await c.mutate(f);
          assertFailures((await verifyTumen(f.tumen)).failures, c.expect);
        } finally {
          await f.done();
        }
      });
    }
  });
}

test('rolling the whole database back to an earlier copy is caught by a checkpoint kept outside', async () => {
  const f = await fixture('sqlite');
  try {
    await f.tumen.close();
    const earlier = join(f.tdb.dir, 'earlier-copy.db');
    copyFileSync(f.config.database, earlier);
    let tumen = await openTestTumen(f.config);
    await tumen.store.records.update(operator, f.eventId, { status: 'rejected' });
    const witness = (await createCheckpoint(tumen)).note;
    assert.deepEqual((await verifyTumen(tumen, { externalCheckpoint: witness })).failures, []);
    await tumen.close();
    copyFileSync(earlier, f.config.database);
    tumen = await openTestTumen(f.config);
    f.tumen = tumen;
    assert.deepEqual((await verifyTumen(tumen)).failures, [], 'the old copy is consistent in itself: only the outside checkpoint can tell');
    assertFailures((await verifyTumen(tumen, { externalCheckpoint: witness })).failures, [/external checkpoint .*: the log has only \d+ entries: the database was rolled back/]);
    const forged = witness.replace(/\n(\d+)\n/, (_m, n: string) => `\n${Number(n) - 1}\n`);
    assertFailures((await verifyTumen(tumen, { externalCheckpoint: forged })).failures, [/external checkpoint: not a checkpoint of this log signed by its key/]);
  } finally {
    await f.done();
  }
});
