import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findNumbers, parseCjkNumber } from './numbers.ts';
import { normalizeKeepCase, splitSentences } from './text.ts';

function one(text: string) {
  const keep = normalizeKeepCase(text);
  const found = findNumbers(keep, splitSentences(text));
  assert.equal(found.length, 1, `one number in "${text}", got ${found.map((n) => keep.slice(n.start, n.end)).join(' | ')}`);
  const n = found[0]!;
  return { text: text.slice(n.start, n.end), value: n.value, valueMax: n.valueMax, qualifier: n.qualifier, unit: n.unit, vague: n.vague };
}

describe('numbers', () => {
  it('reads English digits, scales, ranges and qualifiers', () => {
    assert.deepEqual(one('1,047 people'), { text: '1,047', value: 1047, valueMax: null, qualifier: null, unit: null, vague: false });
    assert.equal(one('12 million North Koreans').value, 12_000_000);
    assert.deepEqual(one('some 15-hundred refugees'), { text: 'some 15-hundred', value: 1500, valueMax: null, qualifier: 'about', unit: null, vague: false });
    assert.equal(one('more than 2,000 people').qualifier, 'more_than');
    assert.deepEqual(one('as many as 2,000 North Koreans'), { text: 'as many as 2,000', value: 2000, valueMax: null, qualifier: 'up_to', unit: null, vague: false });
    assert.deepEqual(one('quotas of $4,000 to $5,000'), { text: '$4,000 to $5,000', value: 4000, valueMax: 5000, qualifier: 'range', unit: 'USD', vague: false });
    assert.deepEqual(one('between 600 and 2,000 people'), { text: '600 and 2,000', value: 600, valueMax: 2000, qualifier: 'range', unit: null, vague: false });
    assert.equal(one('US$2.8 million').value, 2_800_000);
    assert.equal(one('RMB 20 million').unit, 'CNY');
    assert.deepEqual(one('85% of them'), { text: '85%', value: 85, valueMax: null, qualifier: null, unit: 'percent', vague: false });
    assert.equal(one('two thousand people').value, 2000);
  });

  it('keeps "from 38 to 6,500" as two numbers, not a range', () => {
    const keep = 'from 38 to about 6,500 guard posts';
    assert.deepEqual(findNumbers(keep, splitSentences(keep)).map((n) => [n.value, n.qualifier]), [[38, null], [6500, 'about']]);
  });

  it('reads vague quantities and fractions', () => {
    assert.deepEqual(one('tens of thousands of people'), { text: 'tens of thousands of', value: 10000, valueMax: null, qualifier: 'more_than', unit: null, vague: true });
    assert.deepEqual(one('nearly half of the population'), { text: 'nearly half', value: 0.5, valueMax: null, qualifier: 'almost', unit: 'share', vague: true });
  });

  it('reads Korean numbers with myriad units, 여 and ranges', () => {
    assert.deepEqual(one('탈북민 60여 명이'), { text: '60여 명', value: 60, valueMax: null, qualifier: 'more_than', unit: 'persons', vague: false });
    assert.equal(one('1만 2천명이').value, 12000);
    assert.deepEqual(one('3만4천여 명이'), { text: '3만4천여 명', value: 34000, valueMax: null, qualifier: 'more_than', unit: 'persons', vague: false });
    assert.deepEqual(one('수십 명이 체포됐다'), { text: '수십 명', value: 10, valueMax: null, qualifier: 'more_than', unit: 'persons', vague: true });
    assert.equal(one('약 600명을').qualifier, 'about');
    assert.equal(one('2천500만 달러를').value, 25_000_000);
    assert.deepEqual(one('2∼3㎞ 간격'), { text: '2∼3㎞', value: 2, valueMax: 3, qualifier: 'range', unit: 'km', vague: false });
  });

  it('reads Chinese numbers', () => {
    assert.deepEqual(one('两千多名朝鲜人'), { text: '两千多名', value: 2000, valueMax: null, qualifier: 'more_than', unit: 'persons', vague: false });
    assert.equal(one('约600名脱北者').qualifier, 'about');
    assert.equal(one('1.2万人').value, 12000);
    assert.deepEqual([one('近千名').value, one('近千名').qualifier], [1000, 'almost']);
    assert.equal(one('500余人').qualifier, 'more_than');
  });

  it('parses CJK numerals', () => {
    assert.equal(parseCjkNumber('2천500만'), 25_000_000);
    assert.equal(parseCjkNumber('1만2000'), 12000);
    assert.equal(parseCjkNumber('两千'), 2000);
    assert.equal(parseCjkNumber('三十五'), 35);
    assert.equal(parseCjkNumber('1.2万'), 12000);
  });

  it('does not read numbers inside names and codes', () => {
    const keep = 'Covid-19, the G7 and 5G';
    assert.deepEqual(findNumbers(keep, splitSentences(keep)).filter((n) => n.digits).map((n) => n.value), []);
  });
});
