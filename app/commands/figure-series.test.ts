import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { CitationInput } from '../../domain/records.ts';
import { resolveConfig } from '../config.ts';
import type { Tumen } from '../tumen.ts';
import { openTestTumen } from '../../test/keys.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/databases.ts';
import { analyst, buildSource } from '../../test/factories.ts';
import { loadReferenceData } from './demo-loader.ts';
import { figureSeries, pinFigure } from './figure-series.ts';

const ARRIVALS = 'North Korean defectors arriving in South Korea';

for (const dialect of testDialects()) {
  describe(`figure series on ${dialect}`, () => {
    let tdb: TestDatabase;
    let tumen: Tumen;
    before(async () => {
      tdb = await createTestDatabase(dialect);
      tumen = await openTestTumen(resolveConfig({ data: join(tdb.dir, 'data'), env: dialect === 'postgres' ? { TUMEN_DATABASE_URL: tdb.location } : {} }));
      await loadReferenceData(tumen, analyst);
    });
    after(async () => {
      await tumen.close();
      await tdb.drop();
    });

    async function figureFrom(text: string, published: string, quote: string, body: Record<string, unknown>) {
      const { input, sha256 } = buildSource({ text, published: { value: published, qualifier: 'exact' }, reliability: 'B' });
      const source = await tumen.store.sources.create(analyst, input, sha256);
      const start = text.indexOf(quote);
      const citation: CitationInput = { sourceId: source.id, start, end: start + quote.length, quote, note: '', credibility: 2, rule: null };
      return tumen.store.records.create(analyst, { kind: 'figure', body: { metric: ARRIVALS, unit: 'persons', ...body }, citations: [citation] });
    }

    test('the reference series has every year 1998–2025 and flags 2009 with the provisional revision', async () => {
      const s = await figureSeries(tumen.store, analyst, ARRIVALS);
      const years = s.periods.map((p) => p.period);
      for (let y = 1998; y <= 2025; y++) assert.ok(years.includes(String(y)), `year ${y}`);
      const y2009 = s.periods.find((p) => p.period === '2009')!;
      assert.equal(y2009.chosen?.value, 2914);
      assert.equal(y2009.conflict, true);
      assert.deepEqual(y2009.values.map((v) => v.value).sort(), [2914, 2927, 2929, 2952]);
      assert.ok(y2009.explanations.some((e) => e.includes('provisional') && e.includes('2,952')), y2009.explanations.join('\n'));
      assert.ok(y2009.values.every((v) => v.source?.title), 'every value names its source');
      const y2019 = s.periods.find((p) => p.period === '2019')!;
      assert.equal(y2019.conflict, false);
    });

    test('"last year" in sources from different years resolves to different periods, and says so', async () => {
      await figureFrom('Only 63 reached South Korea last year, the ministry said.', '2022-01-15', '63 reached South Korea last year', { value: 63, period: { start: { value: '2021', qualifier: 'exact' }, end: { value: '2021', qualifier: 'exact' } } });
      await figureFrom('Just 67 defectors arrived last year.', '2023-01-20', '67 defectors arrived last year', { value: 67, period: { start: { value: '2022', qualifier: 'exact' }, end: { value: '2022', qualifier: 'exact' } } });
      const s = await figureSeries(tumen.store, analyst, ARRIVALS);
      const y2021 = s.periods.find((p) => p.period === '2021')!;
      assert.equal(y2021.conflict, false, 'the reference 63 and the news 63 agree');
      assert.ok(y2021.explanations.some((e) => e.startsWith('different periods after resolution') && e.includes('2022')), y2021.explanations.join('\n'));
    });

    test('"more than 500" and "around 600" for one day are compatible; pinning chooses the value', async () => {
      const period = { start: { value: '2023-10-09', qualifier: 'exact' }, end: { value: '2023-10-09', qualifier: 'exact' } };
      const a = await figureFrom('China sent back more than 500 North Koreans on Oct. 9.', '2023-10-12', 'more than 500', { value: 500, qualifier: 'more_than', period, metric: 'North Koreans forcibly repatriated' });
      const b = await figureFrom('Around 600 were repatriated on 9 October.', '2023-10-20', 'Around 600', { value: 600, qualifier: 'about', period, metric: 'North Koreans forcibly repatriated' });
      let s = await figureSeries(tumen.store, analyst, 'North Koreans forcibly repatriated');
      assert.equal(s.periods.length, 1);
      assert.equal(s.periods[0]!.conflict, false);
      assert.ok(s.periods[0]!.explanations[0]!.startsWith('compatible'));
      await pinFigure(tumen.store, analyst, a.id);
      s = await figureSeries(tumen.store, analyst, 'North Koreans forcibly repatriated');
      assert.equal(s.periods[0]!.chosen?.figureId, a.id);
      await pinFigure(tumen.store, analyst, b.id);
      s = await figureSeries(tumen.store, analyst, 'North Koreans forcibly repatriated');
      assert.equal(s.periods[0]!.chosen?.figureId, b.id);
      assert.equal(s.periods[0]!.values.filter((v) => v.pinned).length, 1);
    });
  });
}
