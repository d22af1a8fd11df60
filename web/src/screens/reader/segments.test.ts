import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Citation } from '@domain/records.ts';
import { segment } from './segments.ts';

const cite = (id: string, start: number, end: number): Citation => ({ id, recordId: `r-${id}`, sourceId: 's', start, end, quote: '', note: '', credibility: 6, rule: null, createdAt: '', createdBy: '' });

test('segments cover the text exactly, cut at every citation boundary', () => {
  const segs = segment(20, [cite('a', 2, 10), cite('b', 5, 15), cite('empty', 7, 7), cite('outside', 18, 40)]);
  assert.deepEqual(
    segs.map((s) => [s.start, s.end, s.citations.map((c) => c.id).join('+')]),
    [
      [0, 2, ''],
      [2, 5, 'a'],
      [5, 10, 'a+b'],
      [10, 15, 'b'],
      [15, 20, ''],
    ],
  );
});

test('no citations: one plain segment; nested citations both stay', () => {
  assert.deepEqual(segment(5, []).map((s) => [s.start, s.end]), [[0, 5]]);
  const nested = segment(10, [cite('outer', 0, 10), cite('inner', 3, 4)]);
  assert.deepEqual(nested.find((s) => s.start === 3)!.citations.map((c) => c.id), ['outer', 'inner']);
});
