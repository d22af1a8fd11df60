import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Actor } from '../domain/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test/databases.ts';
import { buildSource } from '../test/factories.ts';
import { testVault } from '../test/keys.ts';
import { openStore, type OpenedStore } from './store.ts';

const actor = (role: Actor['role'], grants: Actor['grants']): Actor => ({ id: `user:${role}`, label: String(role), role, grants });

for (const dialect of testDialects()) {
  describe(`compartments in the store on ${dialect}`, () => {
    let tdb: TestDatabase;
    let opened: OpenedStore;
    const writerA = actor('analyst', { a: 'write' });
    const writerAB = actor('analyst', { a: 'write', b: 'write' });
    const readerA = actor('viewer', { a: 'write' });
    const outsider = actor('analyst', { b: 'write' });
    before(async () => {
      tdb = await createTestDatabase(dialect);
      opened = await openStore(tdb.location, (await testVault(tdb.dir)).sealer);
      for (const id of ['a', 'b']) await opened.store.accounts.compartments.create(writerA, { id, label: id });
    });
    after(async () => {
      await opened.close();
      await tdb.drop();
    });

    const source = async (who: Actor, compartment: string) => {
      const { input, sha256 } = buildSource({ text: `Sent back from Dandong: ${compartment} ${Math.random()}` });
      return opened.store.sources.create(who, input, sha256, undefined, [compartment]);
    };
    const cite = (sourceId: string) => ({ sourceId, start: 0, end: 4, quote: '', note: '', credibility: 6, rule: null });

    test('reads see only items whose every compartment is granted; out of scope looks like not found', async () => {
      const { store } = opened;
      const inA = await source(writerA, 'a');
      const inB = await source(writerAB, 'b');
      const both = await store.records.create(writerAB, { kind: 'event', body: { type: 'forced_repatriation' }, citations: [cite(inA.id), cite(inB.id)] });
      assert.deepEqual((await store.accounts.compartments.ofRecords([both.id])).get(both.id), ['a', 'b'], 'inherits both sources');
      await assert.rejects(store.records.get(writerA, both.id), NotFoundError, 'a and b narrow, never widen');
      await assert.rejects(store.sources.get(outsider, inA.id), NotFoundError);
      const listed = await store.sources.list(writerA, { limit: 500 });
      assert.ok(listed.items.some((s) => s.id === inA.id) && !listed.items.some((s) => s.id === inB.id));
      assert.deepEqual(await store.records.citations.forSource(writerA, inA.id), [], 'citations from records out of sight are hidden');
      assert.equal((await store.evidence.forSource(outsider, inA.id)).length, 0);
      const noGrants = actor('admin', {});
      assert.equal((await store.sources.list(noGrants, {})).items.length, 0, 'no grants, nothing at all');
      assert.equal((await store.sources.list({ id: 'software:x', label: 'x' }, {})).items.length, 0, 'no role, nothing at all');
    });

    test('writes: 404 out of sight, 403 when only readable, and citing an unseen source fails like a missing one', async () => {
      const { store } = opened;
      const inA = await source(writerA, 'a');
      await assert.rejects(store.sources.update(outsider, inA.id, { title: 'x' }), NotFoundError);
      await assert.rejects(store.sources.update(readerA, inA.id, { title: 'x' }), ForbiddenError, 'viewers never write');
      await assert.rejects(store.sources.update(actor('analyst', { a: 'read' }), inA.id, { title: 'x' }), ForbiddenError);
      await assert.rejects(
        store.records.create(outsider, { kind: 'event', body: { type: 'forced_repatriation' }, citations: [cite(inA.id)] }),
        (e: unknown) => e instanceof ValidationError && e.message === `citation: source ${inA.id} not found`,
      );
      await assert.rejects(source(writerA, 'b'), ForbiddenError, 'cannot place a source where one cannot write');
      const person = await store.records.create(writerA, { kind: 'person', body: { pseudonym: 'K' }, protected: { realName: 'Real Name' }, compartments: ['a'] });
      assert.equal((await store.records.get(writerA, person.id, { includeProtected: true })).protected?.realName, 'Real Name');
      assert.equal((await store.records.get(readerA, person.id, { includeProtected: true })).protected, undefined, 'viewers never get protected fields');
    });
  });
}
