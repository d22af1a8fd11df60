import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test/databases.ts';
import { analyst, buildSource } from '../test/factories.ts';
import { testVault } from '../test/keys.ts';
import { openStore, type OpenedStore } from './store.ts';

for (const dialect of testDialects()) {
  describe(`store on ${dialect}`, () => {
    let tdb: TestDatabase;
    let opened: OpenedStore;
    before(async () => {
      tdb = await createTestDatabase(dialect);
      opened = await openStore(tdb.location, (await testVault(tdb.dir)).sealer);
    });
    after(async () => {
      await opened.close();
      await tdb.drop();
    });

    test('creates, reads, updates and tombstones a source, logging each write', async () => {
      const { store } = opened;
      const { input, sha256 } = buildSource({ published: { value: '2023-10', qualifier: 'approximate' } });
      const created = await store.sources.create(analyst, input, sha256);
      assert.equal(created.version, 1);
      const read = await store.sources.getUnrestricted(created.id);
      assert.deepEqual(read.published, { value: '2023-10', qualifier: 'approximate' });
      assert.equal(read.text, input.text);
      const updated = await store.sources.update(analyst, created.id, { title: 'Renamed' }, 1);
      assert.equal(updated.title, 'Renamed');
      assert.equal(updated.version, 2);
      await assert.rejects(store.sources.update(analyst, created.id, { title: 'x' }, 1), ConflictError);
      await store.sources.remove(analyst, created.id);
      await assert.rejects(store.sources.getUnrestricted(created.id), NotFoundError);
      const still = await store.sources.getUnrestricted(created.id, { includeDeleted: true });
      assert.ok(still.deletedAt, 'tombstone keeps the row');
      const log = await store.audit.forEntity(created.id);
      assert.deepEqual(log.map((e) => e.action), ['source.create', 'source.update', 'source.delete']);
      assert.ok(log.every((e) => /^[0-9a-f]{64}$/.test(e.stateHash) && e.actor === analyst.id));
    });

    test('refuses a second source with the same SHA-256', async () => {
      const { store } = opened;
      const { input, sha256 } = buildSource();
      await store.sources.create(analyst, input, sha256);
      await assert.rejects(store.sources.create(analyst, { ...input, title: 'dup' }, sha256), ConflictError);
    });

    test('pages sources by cursor with no overlap and no gap, and filters by published range', async () => {
      const { store } = opened;
      for (let i = 0; i < 7; i++) {
        await store.sources.create(analyst, ...spread(buildSource({ kind: 'testimony', published: { value: `201${i}`, qualifier: 'exact' } })));
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof store.sources.list>> = await store.sources.listUnrestricted({ kind: 'testimony', limit: 3, cursor });
        seen.push(...page.items.map((s) => s.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(seen.length, 7);
      assert.equal(new Set(seen).size, 7);
      const ranged = await store.sources.listUnrestricted({ kind: 'testimony', from: '2012-06', to: '2014-12-31' });
      assert.deepEqual(ranged.items.map((s) => s.published?.value).sort(), ['2012', '2013', '2014']);
    });

    test('a record must cite its source exactly, and citations are kept', async () => {
      const { store } = opened;
      const { input, sha256 } = buildSource();
      const source = await store.sources.create(analyst, input, sha256);
      const start = input.text.indexOf('about 600');
      const citation = { sourceId: source.id, start, end: start + 9, quote: 'about 600', note: '', credibility: 2 as const, rule: null };
      await assert.rejects(
        store.records.create(analyst, { kind: 'event', body: { type: 'forced_repatriation' } }),
        (e: unknown) => e instanceof ValidationError && /cite/.test(e.message),
      );
      await assert.rejects(
        store.records.create(analyst, { kind: 'event', body: { type: 'forced_repatriation' }, citations: [{ ...citation, quote: 'about 700' }] }),
        (e: unknown) => e instanceof ValidationError && /quote does not match/.test(e.message),
      );
      await assert.rejects(
        store.records.create(analyst, { kind: 'event', body: { type: 'forced_repatriation' }, citations: [{ ...citation, end: 1_000_000 }] }),
        ValidationError,
      );
      const place = await store.records.create(analyst, { kind: 'place', body: { names: { en: 'Dandong', ko: '단둥', zh: '丹东' }, country: 'CN', precision: 'town' } });
      const event = await store.records.create(analyst, {
        kind: 'event',
        status: 'candidate',
        body: { type: 'forced_repatriation', start: { value: '2023-10-09', qualifier: 'exact' }, placeId: place.id, count: { value: 600, qualifier: 'about' } },
        citations: [citation],
      });
      assert.equal(event.citations.length, 1);
      assert.equal(event.citations[0]?.quote, 'about 600');
      const confirmed = await store.records.update(analyst, event.id, { status: 'confirmed' });
      assert.equal(confirmed.status, 'confirmed');
      const byPlace = await store.records.listUnrestricted({ kind: 'event', placeId: place.id });
      assert.deepEqual(byPlace.items.map((r) => r.id), [event.id]);
      const bySource = await store.records.listUnrestricted({ sourceId: source.id });
      assert.deepEqual(bySource.items.map((r) => r.id), [event.id]);
      const inOctober = await store.records.listUnrestricted({ kind: 'event', from: '2023-10-01', to: '2023-10-31' });
      assert.ok(inOctober.items.some((r) => r.id === event.id));
      const inSeptember = await store.records.listUnrestricted({ kind: 'event', from: '2023-09-01', to: '2023-09-30' });
      assert.ok(!inSeptember.items.some((r) => r.id === event.id));
      const actions = (await store.audit.forEntity(event.id)).map((e) => e.action);
      assert.deepEqual(actions, ['event.create', 'event.confirm']);
    });

    test('rejects references to records of the wrong kind or that do not exist', async () => {
      const { store } = opened;
      const org = await store.records.create(analyst, { kind: 'organization', body: { name: 'NKDB', kind: 'ngo' } });
      await assert.rejects(
        store.records.create(analyst, { kind: 'installation', body: { kind: 'camera', placeId: org.id } }),
        (e: unknown) => e instanceof ValidationError && /placeId/.test(e.message),
      );
    });

    test('keeps person protected fields apart and returns them only when asked', async () => {
      const { store } = opened;
      const p = await store.records.create(analyst, { kind: 'person', body: { pseudonym: 'Witness A' }, protected: { realName: 'Kim Canary', contact: 'canary@example.org' } });
      const plain = await store.records.getUnrestricted(p.id);
      assert.equal(plain.protected, undefined);
      assert.equal(JSON.stringify(plain).includes('Kim Canary'), false);
      const full = await store.records.getUnrestricted(p.id, { includeProtected: true });
      assert.equal(full.protected?.realName, 'Kim Canary');
      const log = await store.audit.forEntity(p.id);
      assert.equal(JSON.stringify(log).includes('Kim Canary'), false);
    });

    test('a failed transaction leaves nothing behind, not even its audit entries', async () => {
      const { store } = opened;
      const before = { sources: await store.sources.countUnrestricted(), audit: await store.audit.count() };
      const { input, sha256 } = buildSource();
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.sources.create(analyst, input, sha256);
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await store.sources.countUnrestricted(), before.sources);
      assert.equal(await store.audit.count(), before.audit);
      assert.equal(await store.sources.findBySha256Unrestricted(sha256), null);
    });
  });
}

function spread(x: ReturnType<typeof buildSource>) {
  return [x.input, x.sha256] as const;
}
