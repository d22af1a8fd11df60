import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ValidationError } from '../domain/errors.ts';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S, type SearchDoc, type SearchRequest } from '../domain/search.ts';
import { createSearchIndex, type SearchIndex } from './index.ts';
import { doc, openTestDb, testDialects, type TestDb } from './test-support.ts';

const TUMEN = ['tumen', '투먼', '도문', '图们'];
const expandName = (term: string) =>
  TUMEN.includes(term.toLowerCase()) ? TUMEN.filter((t) => t !== term.toLowerCase()) : [];

const DOCS: SearchDoc[] = [
  doc({
    id: 'ko1',
    language: 'ko',
    type: 'border_crossing',
    title: '증언',
    text: '탈북자들이 두만강을 건넜다.',
    dateLo: '2023-01-01',
    dateHi: '2023-12-31',
  }),
  doc({
    id: 'ko2',
    language: 'ko',
    text: '투먼에서 체포되었다.',
    dateLo: '2023-10-09',
    dateHi: '2023-10-09',
    placeIds: ['p-tumen'],
  }),
  doc({
    id: 'zh1',
    language: 'zh-Hans',
    kind: 'source',
    status: null,
    reliability: 'B',
    type: 'news_report',
    text: '中朝边境地区加强了监控。',
    dateLo: '2022-05-01',
    dateHi: '2022-05-31',
  }),
  doc({ id: 'zh2', language: 'zh', text: '图们市公安局在北京开会。', placeIds: ['p-tumen', 'p-beijing'] }),
  doc({
    id: 'en1',
    type: 'forced_repatriation',
    title: 'Forced return',
    text: 'North Korean women were sent back from Tumen across the border.',
    dateLo: '2019-01-01',
    dateHi: '2019-12-31',
  }),
  doc({
    id: 'en2',
    status: 'candidate',
    text: 'A Korean man from the north crossed the border near China.',
    dateLo: '2020-03-01',
    dateHi: '2020-03-31',
  }),
  doc({
    id: 'en3',
    kind: 'source',
    status: null,
    reliability: 'A',
    text: 'Naïve café owners in Yanji, China reported nothing.',
  }),
];

const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id).sort();

function suite(dialect: 'sqlite' | 'postgres') {
  describe(`search on ${dialect}`, () => {
    let t: TestDb;
    let index: SearchIndex;
    const q = async (query: string | SearchRequest) =>
      index.search(typeof query === 'string' ? { q: query, limit: 50 } : query);

    before(async () => {
      t = await openTestDb(dialect);
      index = createSearchIndex(t.db, dialect, { expandName });
      await t.db.transaction().execute(async (tx) => {
        for (const d of DOCS) await index.writer.upsert(tx, d);
      });
    });
    after(() => t?.dispose());

    test('two-character Korean and Chinese words are found inside longer words', async () => {
      assert.deepEqual(ids(await q('탈북')), ['ko1']);
      assert.deepEqual(ids(await q('탈북자')), ['ko1']);
      assert.deepEqual(ids(await q('边境')), ['zh1']);
      assert.deepEqual(ids(await q('中朝边境')), ['zh1']);
      assert.deepEqual(ids(await q('境边')), []);
      assert.deepEqual(ids(await q('북탈')), []);
    });

    test('a lone CJK character matches the bigrams it starts', async () => {
      assert.deepEqual(ids(await q('北')), ['zh2']);
    });

    test('Latin words are folded and lowercased', async () => {
      assert.deepEqual(ids(await q('NAIVE cafe')), ['en3']);
      assert.deepEqual(ids(await q('naïve CAFÉ')), ['en3']);
    });

    test('phrases keep word order; plain words do not', async () => {
      assert.deepEqual(ids(await q('"North Korean"')), ['en1']);
      assert.deepEqual(ids(await q('north korean')), ['en1', 'en2']);
      assert.deepEqual(ids(await q('"korean north"')), []);
    });

    test('-exclude and OR', async () => {
      assert.deepEqual(ids(await q('border -china')), ['en1']);
      assert.deepEqual(ids(await q('border -"north korean"')), ['en2']);
      assert.deepEqual(ids(await q('탈북 OR 边境')), ['ko1', 'zh1']);
    });

    test('every filter, typed or structured', async () => {
      assert.deepEqual(ids(await q('kind:source')), ['en3', 'zh1']);
      assert.deepEqual(ids(await q('type:forced_repatriation')), ['en1']);
      assert.deepEqual(ids(await q('lang:ko')), ['ko1', 'ko2']);
      assert.deepEqual(ids(await q('lang:zh')), ['zh1', 'zh2'], 'zh also takes zh-Hans');
      assert.deepEqual(ids(await q('status:candidate')), ['en2']);
      assert.deepEqual(ids(await q('reliability:a')), ['en3']);
      assert.deepEqual(ids(await q('place:p-tumen')), ['ko2', 'zh2']);
      assert.deepEqual(ids(await q('border kind:event,source status:confirmed')), ['en1']);
      assert.deepEqual(ids(await q({ q: 'border', statuses: ['candidate'] })), ['en2']);
      assert.deepEqual(
        ids(await q({ q: 'kind:event', kinds: ['source'] })),
        [],
        'typed and structured filters both apply',
      );
      assert.deepEqual(ids(await q({ q: '', placeIds: ['p-beijing'], languages: ['zh'] })), ['zh2']);
    });

    test('partial-date ranges overlap the document interval', async () => {
      assert.deepEqual(ids(await q('from:2023-10')), ['ko1', 'ko2'], 'a doc dated 2023 may fall in October');
      assert.deepEqual(ids(await q('to:2023-09 lang:ko')), ['ko1'], '2023-10-09 is after September');
      assert.deepEqual(ids(await q('to:2023-10 lang:ko')), ['ko1', 'ko2']);
      assert.deepEqual(ids(await q('from:2019-06 to:2020-02')), ['en1']);
      assert.deepEqual(ids(await q('from:2020-03-31 to:2020-03-31')), ['en2']);
      assert.deepEqual(ids(await q({ q: 'border', from: '2020-01-01' })), ['en2']);
      assert.deepEqual(ids(await q('from:2024')), [], 'undated documents never match a date filter');
    });

    test('a place name finds its other names through the expander', async () => {
      assert.deepEqual(ids(await q('Tumen')), ['en1', 'ko2', 'zh2']);
      assert.deepEqual(ids(await q('图们')), ['en1', 'ko2', 'zh2']);
      const plain = createSearchIndex(t.db, dialect);
      assert.deepEqual(ids(await plain.search({ q: 'Tumen' })), ['en1']);
    });

    test('facets count all matches, not the page', async () => {
      const r = await q({ q: 'border OR 탈북 OR 边境 OR 图们', limit: 1 });
      assert.equal(r.hits.length, 1);
      assert.equal(r.total, 6);
      assert.deepEqual(r.facets.kind, { event: 5, source: 1 });
      assert.deepEqual(r.facets.language, { ko: 2, 'zh-Hans': 1, zh: 1, en: 2 });
      assert.deepEqual(r.facets.status, { confirmed: 4, candidate: 1 });
      assert.deepEqual(r.facets.reliability, { B: 1 });
      assert.deepEqual(r.facets.type, { border_crossing: 1, news_report: 1, forced_repatriation: 1 });
    });

    test('snippets mark matches in the original text', async () => {
      const [ko] = (await q('탈북자')).hits;
      assert.equal(ko?.snippet, `${S}탈북자${E}들이 두만강을 건넜다.`);
      const [zh] = (await q('边境')).hits;
      assert.equal(zh?.snippet, `中朝${S}边境${E}地区加强了监控。`);
      const [en] = (await q('cafe')).hits;
      assert.equal(en?.snippet, `Naïve ${S}café${E} owners in Yanji, China reported nothing.`);
      const [tu] = (await q('Tumen kind:event lang:ko')).hits;
      assert.equal(tu?.snippet, `${S}투먼${E}에서 체포되었다.`);
    });

    test('long texts get a window around the first match', async () => {
      const long = doc({
        id: 'long',
        text: `${'filler words here. '.repeat(50)}the smuggler was caught ${'and more text. '.repeat(50)}`,
      });
      await index.writer.upsert(t.db, long);
      const [hit] = (await q('smuggler')).hits;
      assert.ok(hit);
      assert.match(hit.snippet, new RegExp(`^….*the ${S}smuggler${E} was caught .*…$`));
      assert.ok(hit.snippet.length < 200);
      await index.writer.remove(t.db, 'long');
    });

    test('hits are ranked, with title matches first', async () => {
      const r = await q('border OR return');
      assert.equal(r.hits[0]?.id, 'en1');
      for (let i = 1; i < r.hits.length; i++) assert.ok(r.hits[i - 1]!.score >= r.hits[i]!.score);
      assert.equal(r.hits[0]?.kind, 'event');
      assert.equal(r.hits[0]?.title, 'Forced return');
    });

    test('limit and offset page through the ranking', async () => {
      const all = await q({ q: 'korean OR 탈북 OR border OR china', limit: 50 });
      const page = await q({ q: 'korean OR 탈북 OR border OR china', limit: 2, offset: 1 });
      assert.deepEqual(
        page.hits.map((h) => h.id),
        all.hits.slice(1, 3).map((h) => h.id),
      );
      assert.equal(page.total, all.total);
    });

    test('bad syntax and bad values are ValidationErrors', async () => {
      for (const bad of [
        '"north korean',
        'stauts:confirmed',
        'from:2023-13',
        'kind:bogus',
        '-border',
        'from:2024 to:2023',
        '-kind:event',
        'a OR',
        'reliability:Z',
        '!!!',
      ]) {
        await assert.rejects(q(bad), ValidationError, bad);
      }
      await assert.rejects(q({ q: 'a', limit: 0 }), ValidationError);
      await assert.rejects(q({ q: 'a', offset: -1 }), ValidationError);
      await assert.rejects(q({ q: 'a', from: 'yesterday' }), ValidationError);
      // Would be FTS5/tsquery syntax if not quoted; must just search.
      for (const odd of ['AND', 'NEAR(a b)', '10:30', "O'Brien", 'x^2 "*"', '(((', 'NOT border', '*']) {
        await assert.doesNotReject(q(`${odd} border`), odd);
      }
    });

    test('upsert replaces and remove deletes', async () => {
      await index.writer.upsert(t.db, doc({ id: 'tmp', text: 'the smuggler escaped' }));
      assert.deepEqual(ids(await q('smuggler')), ['tmp']);
      await index.writer.upsert(t.db, doc({ id: 'tmp', kind: 'source', status: null, text: 'the broker escaped' }));
      assert.deepEqual(ids(await q('smuggler')), []);
      const r = await q('broker');
      assert.deepEqual(ids(r), ['tmp']);
      assert.deepEqual(r.facets.kind, { source: 1 });
      await index.writer.remove(t.db, 'tmp');
      assert.deepEqual(ids(await q('broker')), []);
      await index.writer.remove(t.db, 'tmp');
      assert.equal(await index.count(), DOCS.length);
    });

    test('an upsert in a rolled-back transaction leaves no index entry', async () => {
      await assert.rejects(
        t.db.transaction().execute(async (tx) => {
          await index.writer.upsert(tx, doc({ id: 'ghost', text: 'phantom testimony', kind: 'case' }));
          assert.deepEqual(ids(await createSearchIndex(tx, dialect).search({ q: 'phantom' })), ['ghost']);
          throw new Error('roll back');
        }),
        /roll back/,
      );
      assert.deepEqual(ids(await q('phantom')), []);
      assert.deepEqual((await q('kind:case')).total, 0);
      assert.equal(await index.count(), DOCS.length);
    });
  });
}

for (const dialect of testDialects()) suite(dialect);
