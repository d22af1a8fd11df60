import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { interval, overlaps, span, type DateQualifier } from '../domain/partial-date.ts';
import { createSearchIndex, type SearchIndex } from './index.ts';
import { doc, openTestDb, testDialects, type TestDb } from './test-support.ts';

// Years around the ends of the SQLite year buckets (1900…2027) included on purpose.
const yearArb = fc.oneof(
  fc.integer({ min: 2015, max: 2025 }),
  fc.constantFrom(1, 1850, 1900, 1901, 2026, 2027, 2028, 9999),
);
const prefixArb = fc
  .tuple(yearArb, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 28 }))
  .map(([y, m, d]) => {
    const yy = String(y).padStart(4, '0');
    if (m === 0) return yy;
    const mm = `${yy}-${String(m).padStart(2, '0')}`;
    return d === 0 ? mm : `${mm}-${String(d).padStart(2, '0')}`;
  });
const dateArb = fc.option(
  fc.record({ value: prefixArb, qualifier: fc.constantFrom<DateQualifier>('exact', 'approximate', 'before', 'after') }),
  { nil: null },
);

for (const dialect of testDialects()) {
  describe(`date filters on ${dialect}`, () => {
    let t: TestDb;
    let index: SearchIndex;
    before(async () => {
      t = await openTestDb(dialect);
      index = createSearchIndex(t.db, dialect);
    });
    after(() => t?.dispose());

    test('from/to select exactly the documents whose interval may overlap the range', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(dateArb, { minLength: 1, maxLength: 12 }),
          fc.array(fc.tuple(fc.option(prefixArb, { nil: undefined }), fc.option(prefixArb, { nil: undefined })), {
            minLength: 1,
            maxLength: 4,
          }),
          async (dates, ranges) => {
            const docs = dates.map((d, i) => {
              const iv = d ? interval(d) : null;
              return doc({ id: `d${i}`, text: 'testimony', dateLo: iv?.lo ?? null, dateHi: iv?.hi ?? null });
            });
            await index.rebuild(docs);
            for (const [from, to] of ranges) {
              const lo = from ? span(from).lo : '0001-01-01';
              const hi = to ? span(to).hi : '9999-12-31';
              if ((!from && !to) || lo > hi) continue;
              const expected = docs
                .filter((d) => d.dateLo && overlaps({ lo: d.dateLo, hi: d.dateHi! }, lo, hi))
                .map((d) => d.id)
                .sort();
              const q = ['testimony', from ? `from:${from}` : '', to ? `to:${to}` : ''].join(' ');
              const r = await index.search({ q, limit: 50 });
              assert.deepEqual(r.hits.map((h) => h.id).sort(), expected, q);
              assert.equal(r.total, expected.length);
            }
          },
        ),
        { numRuns: dialect === 'sqlite' ? 80 : 40 },
      );
    });
  });
}
