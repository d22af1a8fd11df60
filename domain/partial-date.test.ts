import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  comparePartialDates,
  interval,
  isValidIsoPrefix,
  overlaps,
  parsePartialDate,
  formatPartialDate,
  span,
  type PartialDate,
} from './partial-date.ts';

const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
const prefix = fc.tuple(day, fc.constantFrom(4, 7, 10)).map(([d, len]) => d.toISOString().slice(0, len));
const partialDate: fc.Arbitrary<PartialDate> = fc.record({
  value: prefix,
  qualifier: fc.constantFrom('exact', 'approximate', 'before', 'after') as fc.Arbitrary<PartialDate['qualifier']>,
});

test('span covers whole months and years, including leap days', () => {
  assert.deepEqual(span('2024-02'), { lo: '2024-02-01', hi: '2024-02-29' });
  assert.deepEqual(span('2023-02'), { lo: '2023-02-01', hi: '2023-02-28' });
  assert.deepEqual(span('2019'), { lo: '2019-01-01', hi: '2019-12-31' });
  assert.equal(isValidIsoPrefix('2023-02-29'), false);
  assert.equal(isValidIsoPrefix('2023-13'), false);
  assert.throws(() => parsePartialDate('Oct 2023'), RangeError);
});

test('before and after are open-ended and exclude the named period', () => {
  assert.deepEqual(interval({ value: '2019', qualifier: 'before' }), { lo: '0001-01-01', hi: '2018-12-31' });
  assert.deepEqual(interval({ value: '2023-10', qualifier: 'after' }), { lo: '2023-11-01', hi: '9999-12-31' });
});

test('property: every day inside a prefix lies within its span', () => {
  fc.assert(
    fc.property(day, fc.constantFrom(4, 7, 10), (d, len) => {
      const iso = d.toISOString().slice(0, 10);
      const s = span(iso.slice(0, len));
      return s.lo <= iso && iso <= s.hi;
    }),
  );
});

test('property: the order is total, antisymmetric and transitive', () => {
  fc.assert(
    fc.property(partialDate, partialDate, partialDate, (a, b, c) => {
      const ab = comparePartialDates(a, b);
      const ba = comparePartialDates(b, a);
      assert.equal(Math.sign(ab) + Math.sign(ba), 0);
      if (ab <= 0 && comparePartialDates(b, c) <= 0) assert.ok(comparePartialDates(a, c) <= 0);
    }),
  );
});

test('property: sorting agrees with the first possible day', () => {
  fc.assert(
    fc.property(fc.array(partialDate, { maxLength: 30 }), (dates) => {
      const sorted = [...dates].sort(comparePartialDates);
      for (let i = 1; i < sorted.length; i++) {
        assert.ok(interval(sorted[i - 1]!).lo <= interval(sorted[i]!).lo);
      }
    }),
  );
});

test('property: a coarser date overlaps every range its finer dates fall in', () => {
  fc.assert(
    fc.property(day, day, day, (d, x, y) => {
      const [from, to] = [x, y].map((t) => t.toISOString().slice(0, 10)).sort() as [string, string];
      const iso = d.toISOString().slice(0, 10);
      if (!(from <= iso && iso <= to)) return true;
      for (const len of [4, 7, 10]) {
        assert.ok(overlaps(span(iso.slice(0, len)), from, to), `${iso.slice(0, len)} in ${from}..${to}`);
      }
      return true;
    }),
  );
});

test('property: the compact form round-trips', () => {
  fc.assert(fc.property(partialDate, (d) => assert.deepEqual(parsePartialDate(formatPartialDate(d)), { ...d })));
});
