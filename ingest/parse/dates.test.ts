import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findHeaderDate, parseDateLine, parseDateValue } from './dates.ts';

const day = (line: string) => parseDateLine(line)?.date.value ?? null;

test('datelines in the formats our sources use', () => {
  assert.equal(day('08 September 2023'), '2023-09-08');
  assert.equal(day('September 8, 2023'), '2023-09-08');
  assert.equal(day('Sept. 8, 2023'), '2023-09-08');
  assert.equal(day('Friday, September 8, 2023'), '2023-09-08');
  assert.equal(day('2023-09-08'), '2023-09-08');
  assert.equal(day('2023.09.08'), '2023-09-08');
  assert.equal(day('2023. 9. 8.'), '2023-09-08');
  assert.equal(day('2023/09/08 10:30 KST'), '2023-09-08');
  assert.equal(day('2023년 9월 8일'), '2023-09-08');
  assert.equal(day('입력 2023년 9월 8일 오후 3:00'), '2023-09-08');
  assert.equal(day('2023年9月8日'), '2023-09-08');
  assert.equal(day('发布时间：2023年9月8日 10:00'), '2023-09-08');
  assert.equal(day('Published: 8th September 2023'), '2023-09-08');
  assert.equal(day('Published on September 8, 2023 at 3:00 p.m. ET'), '2023-09-08');
  assert.equal(day('September 2023'), '2023-09');
});

test('an update line is approximate and only a fallback', () => {
  assert.deepEqual(parseDateLine('Updated Sept. 10, 2023')?.date, { value: '2023-09-10', qualifier: 'approximate' });
  assert.deepEqual(findHeaderDate(['Title', 'Updated 2023-09-10', 'Published 2023-09-08']), {
    value: '2023-09-08',
    qualifier: 'exact',
  });
  assert.deepEqual(findHeaderDate(['Title', 'Last updated: 2023-09-10']), {
    value: '2023-09-10',
    qualifier: 'approximate',
  });
});

test('sentences, ambiguous and impossible dates are not datelines', () => {
  assert.equal(day('A soldier stands by the Yalu river near Sinuiju, April 14, 2017.'), null);
  assert.equal(day('On September 11, The Financial Times reported'), null);
  assert.equal(day('08/09/2023'), null);
  assert.equal(day('2023-02-30'), null);
  assert.equal(day('September 11'), null);
  assert.equal(day('1,047 in 2019'), null);
});

test('header dates come from the first lines only', () => {
  const body = ['Title', '', 'Body paragraph.', 'Another.', 'More.', 'Even more.', 'Still more.', '2017-04-14'];
  assert.equal(findHeaderDate(body), null);
  assert.deepEqual(findHeaderDate(['Title', '08 September 2023']), { value: '2023-09-08', qualifier: 'exact' });
});

test('metadata values keep the publisher’s calendar day', () => {
  assert.deepEqual(parseDateValue('2023-09-09T01:30:00+09:00'), { value: '2023-09-09', qualifier: 'exact' });
  assert.equal(parseDateValue('not a date'), null);
  assert.equal(parseDateValue(''), null);
});
