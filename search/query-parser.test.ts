import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ValidationError } from '../domain/errors.ts';
import { resolveFilters } from './filters.ts';
import { parseQuery } from './query-parser.ts';
import { planQuery, toFts5, toTsquery } from './query-plan.ts';

test('words, phrases, exclusions, OR and filters', () => {
  const p = parseQuery('탈북 "North Korean" -china a OR b kind:event,source from:2023-01 to:2023');
  assert.deepEqual(p.must, [
    [{ text: '탈북', phrase: false }],
    [{ text: 'North Korean', phrase: true }],
    [
      { text: 'a', phrase: false },
      { text: 'b', phrase: false },
    ],
  ]);
  assert.deepEqual(p.not, [{ text: 'china', phrase: false }]);
  assert.deepEqual(p.filters, { kinds: ['event', 'source'], from: '2023-01', to: '2023' });
});

test('from uses the first day of its span, to the last', () => {
  const f = resolveFilters({ from: '2023-02', to: '2024' });
  assert.equal(f.from, '2023-02-01');
  assert.equal(f.to, '2024-12-31');
  assert.equal(resolveFilters({ to: '2024-02' }).to, '2024-02-29');
});

test('3+ character CJK words become phrases of bigrams; a lone character a prefix', () => {
  const plan = planQuery({ q: '탈북자 边境 北 -"north korea"' });
  assert.equal(toFts5(plan), '("탈북 북자" AND "边境" AND "北"*) NOT ("north korea")');
  assert.equal(toTsquery(plan), "('탈북' <-> '북자') & '边境' & '北':* & !(('north' <-> 'korea'))");
});

test('expansions are OR-ed with the word', () => {
  const plan = planQuery({ q: 'Tumen' }, (t) => (t.toLowerCase() === 'tumen' ? ['투먼', '图们', 'TUMEN'] : []));
  assert.equal(toFts5(plan), '("tumen" OR "투먼" OR "图们")');
});

test('bad syntax is a ValidationError with a message that says what to do', () => {
  const cases: [string, RegExp][] = [
    ['"open', /unterminated quote/],
    ['stauts:confirmed', /unknown filter "stauts:"/],
    ['kind:', /needs a value/],
    ['from:2023-02-30', /YYYY/],
    ['from:2023 from:2024', /twice/],
    ['-x', /only excludes/],
    ['OR x', /OR/],
    ['-kind:event', /can't be excluded/],
    ['status:maybe', /unknown status/],
  ];
  for (const [q, message] of cases) {
    assert.throws(
      () => planQuery({ q }),
      (e: unknown) => e instanceof ValidationError && message.test(e.message),
      q,
    );
  }
});

test('any input either parses into a well-formed FTS5 expression or is a ValidationError', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 80 }), (q) => {
      try {
        const expr = toFts5(planQuery({ q }));
        if (expr !== null) {
          // Every double quote opens or closes a token string: an even number of them.
          assert.equal((expr.match(/"/g) ?? []).length % 2, 0);
        }
      } catch (e) {
        assert.ok(e instanceof ValidationError, String(e));
      }
    }),
    { numRuns: 500 },
  );
});
