import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ValidationError } from '../../domain/errors.ts';
import { resolveConfig } from '../config.ts';
import type { Tumen } from '../tumen.ts';
import { openTestTumen } from '../../test/keys.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/databases.ts';
import { analyst, buildSource } from '../../test/factories.ts';
import { loadReferenceData } from './demo-loader.ts';
import { confirmCandidate, mergeRecords, rejectCandidate, reviewBatch } from './candidate-reviewer.ts';

for (const dialect of testDialects()) {
  describe(`review on ${dialect}`, () => {
    let tdb: TestDatabase;
    let tumen: Tumen;
    let sourceId = '';
    let text = '';
    before(async () => {
      tdb = await createTestDatabase(dialect);
      tumen = await openTestTumen(resolveConfig({ data: join(tdb.dir, 'data'), env: dialect === 'postgres' ? { TUMEN_DATABASE_URL: tdb.location } : {} }));
      await loadReferenceData(tumen, analyst);
      const { input, sha256 } = buildSource({ text: 'Cameras went up near Hunchun in 2019. About 600 people were sent back from Dandong on October 9.' });
      sourceId = (await tumen.store.sources.create(analyst, input, sha256)).id;
      text = input.text;
    });
    after(async () => {
      await tumen.close();
      await tdb.drop();
    });

    const cite = (quote: string) => {
      const start = text.indexOf(quote);
      return { sourceId, start, end: start + quote.length, quote, note: '', credibility: 6 as const, rule: 'test-rule' };
    };
    const candidateEvent = () =>
      tumen.store.records.create({ ...analyst, id: 'software:test-rule', label: 'x' }, { kind: 'event', status: 'candidate', body: { type: 'forced_repatriation', count: { value: 600, qualifier: 'about' } }, citations: [cite('About 600 people were sent back')] });

    test('confirm with edits keeps the citations and records the reviewer', async () => {
      const c = await candidateEvent();
      const out = await confirmCandidate(tumen.store, analyst, c.id, { body: { ...c.body, start: { value: '2023-10-09', qualifier: 'exact' } } });
      assert.equal(out.action, 'confirm');
      const r = await tumen.store.records.getUnrestricted(c.id);
      assert.equal(r.status, 'confirmed');
      assert.equal(r.updatedBy, analyst.id);
      assert.deepEqual((r.body as { start: unknown }).start, { value: '2023-10-09', qualifier: 'exact' });
      assert.equal(r.citations[0]?.rule, 'test-rule');
      await assert.rejects(confirmCandidate(tumen.store, analyst, c.id), ValidationError, 'a confirmed record is no longer a candidate');
    });

    test('a candidate place naming a gazetteer place merges into it', async () => {
      const hunchun = await tumen.store.records.findPlaceByGazetteerId(analyst, 'cn-hunchun');
      assert.ok(hunchun, 'the gazetteer has Hunchun');
      const cand = await tumen.store.records.create(analyst, { kind: 'place', status: 'candidate', body: { names: { en: 'Hunchun', ko: '', zh: '' }, gazetteerId: 'cn-hunchun' }, citations: [cite('Hunchun')] });
      const out = await confirmCandidate(tumen.store, analyst, cand.id);
      assert.deepEqual(out, { id: cand.id, action: 'merge', recordId: hunchun });
      const place = await tumen.store.records.getUnrestricted(hunchun!);
      assert.ok(place.citations.some((c) => c.sourceId === sourceId && c.quote === 'Hunchun'));
      await assert.rejects(tumen.store.records.getUnrestricted(cand.id));
    });

    test('reject, merge and batch', async () => {
      const a = await candidateEvent();
      await rejectCandidate(tumen.store, analyst, a.id);
      assert.equal((await tumen.store.records.getUnrestricted(a.id)).status, 'rejected');
      const b = await candidateEvent();
      const c = await tumen.store.records.create(analyst, { kind: 'event', status: 'candidate', body: { type: 'forced_repatriation' }, citations: [cite('sent back from Dandong on October 9')] });
      await mergeRecords(tumen.store, analyst, c.id, b.id);
      assert.equal((await tumen.store.records.getUnrestricted(b.id)).citations.length, 2, 'one candidate, two citations');
      const d = await candidateEvent();
      const e = await candidateEvent();
      await reviewBatch(tumen.store, analyst, [d.id, e.id], 'confirm');
      assert.equal((await tumen.store.records.getUnrestricted(d.id)).status, 'confirmed');
      const f = await candidateEvent();
      await assert.rejects(reviewBatch(tumen.store, analyst, [f.id, d.id], 'reject'));
      assert.equal((await tumen.store.records.getUnrestricted(f.id)).status, 'candidate', 'a failed batch changes nothing');
    });
  });
}
