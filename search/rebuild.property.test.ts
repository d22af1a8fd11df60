import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { span } from '../domain/partial-date.ts';
import type { SearchDoc, SearchResult } from '../domain/search.ts';
import { createSearchIndex, type SearchIndex } from './index.ts';
import { openTestDb, testDialects, type TestDb } from './test-support.ts';

const WORDS = [
  '탈북',
  '자들이',
  '국경',
  '边境',
  '中朝',
  '地区',
  '北京',
  'border',
  'North',
  'korean',
  'Tumen',
  '투먼',
  'café',
];
const QUERIES = [
  '탈북',
  '边境',
  'border',
  '"north korean"',
  'tumen',
  '北',
  '자들',
  'kind:event',
  '',
  'border OR 국경 -north',
  'from:2023-10 to:2023-12',
  'lang:ko status:confirmed',
  'place:p1 cafe',
];

const docArb = (id: string) =>
  fc
    .record({
      id: fc.constant(id),
      kind: fc.constantFrom('event', 'source', 'case'),
      title: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }).map((w) => w.join(' ')),
      text: fc
        .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', '', '. ')), { minLength: 1, maxLength: 8 })
        .map((ws) => ws.map(([w, sep]) => w + sep).join('')),
      language: fc.constantFrom('ko', 'zh', 'en'),
      status: fc.constantFrom('confirmed', 'candidate', null),
      type: fc.constantFrom('border_crossing', null),
      date: fc.constantFrom(null, '2023', '2023-10', '2023-10-09', '2019'),
      placeIds: fc.subarray(['p1', 'p2']),
      reliability: fc.constantFrom('A', null),
    })
    .map(({ date, ...d }): SearchDoc => ({
      ...d,
      kind: d.kind as SearchDoc['kind'],
      status: d.status as SearchDoc['status'],
      dateLo: date ? span(date).lo : null,
      dateHi: date ? span(date).hi : null,
      sourceId: null,
    }));

type Op = { op: 'upsert' | 'rolled-back'; doc: SearchDoc } | { op: 'remove'; id: string };
const idArb = fc.constantFrom('d0', 'd1', 'd2', 'd3', 'd4', 'd5');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: idArb.chain(docArb).map((doc) => ({ op: 'upsert' as const, doc })) },
  { weight: 2, arbitrary: idArb.map((id) => ({ op: 'remove' as const, id })) },
  { weight: 1, arbitrary: idArb.chain(docArb).map((doc) => ({ op: 'rolled-back' as const, doc })) },
);

/** Order-independent view: ties in score may come back in either order. */
function normalise(r: SearchResult) {
  return {
    total: r.total,
    facets: r.facets,
    hits: r.hits.map((h) => ({ ...h, score: Math.round(h.score * 1e9) / 1e9 })).sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

async function snapshot(index: SearchIndex) {
  const out = [];
  for (const q of QUERIES) out.push({ q, ...normalise(await index.search({ q, limit: 200 })) });
  return out;
}

for (const dialect of testDialects()) {
  describe(`rebuild on ${dialect}`, () => {
    let t: TestDb;
    let index: SearchIndex;
    before(async () => {
      t = await openTestDb(dialect);
      index = createSearchIndex(t.db, dialect);
    });
    after(() => t?.dispose());

    test('an index rebuilt from scratch answers like the incrementally maintained one', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { maxLength: 25 }), async (ops) => {
          await index.rebuild([]);
          const model = new Map<string, SearchDoc>();
          for (const o of ops) {
            if (o.op === 'upsert') {
              await t.db.transaction().execute((tx) => index.writer.upsert(tx, o.doc));
              model.set(o.doc.id, o.doc);
            } else if (o.op === 'remove') {
              await index.writer.remove(t.db, o.id);
              model.delete(o.id);
            } else {
              await t.db
                .transaction()
                .execute(async (tx) => {
                  await index.writer.upsert(tx, o.doc);
                  throw new Error('rolled back');
                })
                .catch(() => undefined);
            }
          }
          assert.equal(await index.count(), model.size);
          const incremental = await snapshot(index);
          assert.equal(await index.rebuild(model.values()), model.size);
          const rebuilt = await snapshot(index);
          assert.deepEqual(incremental, rebuilt);
        }),
        { numRuns: dialect === 'sqlite' ? 60 : 30 },
      );
    });
  });
}
