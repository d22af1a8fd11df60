import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract } from './extract.ts';

const figures = (text: string, published: string | null = null) =>
  extract(text, { published }).figures.map((f) => {
    const v = f.value;
    return [v.metric, v.value, v.unit, v.period, v.qualifier];
  });

describe('figures', () => {
  it('links each number to its own date and reads the metric from the sentence', () => {
    assert.deepEqual(figures('A stark contrast can be seen with only 67 reaching South Korea last year compared to 1,047 in 2019.', '2023-09-08'), [
      ['defectors arriving in South Korea', 67, 'persons', '2022', 'only'],
      ['defectors arriving in South Korea', 1047, 'persons', '2019', null],
    ]);
  });

  it('leaves the period unresolved without a publication date', () => {
    const f = extract('Only 67 reached South Korea last year.').figures[0]!.value;
    assert.deepEqual([f.value, f.period, f.periodText], [67, null, 'last year']);
  });

  it('reads English magnitudes, spacing, money and coreference', () => {
    assert.deepEqual(figures('Almost 12 million North Koreans, nearly half of the population, are undernourished.'), [
      ['undernourished people', 12_000_000, 'persons', null, 'almost'],
    ]);
    assert.deepEqual(figures('These cameras, installed approximately every 328 yards in sensitive areas, provide coverage.'), [
      ['spacing of border surveillance installations', 328, 'yards', null, 'about'],
    ]);
    assert.deepEqual(figures('The workers struggled to meet the monthly earnings quotas — $4,000 to $5,000 — set by their manager.'), [
      ['earnings', 4000, 'USD per month', null, 'range'],
    ]);
    assert.deepEqual(figures('The number of North Koreans who reached South Korea in 2019 was 1,047. Last year, that number dropped to 63.'), [
      ['defectors arriving in South Korea', 1047, 'persons', '2019', null],
      ['defectors arriving in South Korea', 63, 'persons', null, null],
    ]);
    assert.deepEqual(figures('Beijing was set to restart forced repatriations of as many as 2,000 North Koreans.'), [
      ['people forcibly repatriated', 2000, 'persons', null, 'up_to'],
    ]);
    assert.deepEqual(figures('Guard posts rose from 38 to about 6,500.'), [
      ['guard posts', 38, 'guard posts', null, null],
      ['guard posts', 6500, 'guard posts', null, 'about'],
    ]);
  });

  it('drops junk numbers: years, ages, times, phone and page numbers, durations, appeals', () => {
    const junk = [
      'Kim, 34, fled in 2019.',
      'The 38-year-old woman called 02-1234-5678 at 3 p.m., see page 12.',
      'I have been helping North Koreans for 23 years.',
      'Every £20 could give Bibles to five believers.',
      'Covid-19 hit in 2020.',
      '그는 오후 3시 20대 여성과 만났다.',
    ];
    for (const t of junk) assert.deepEqual(figures(t), [], t);
  });

  it('reads Korean figures in news style', () => {
    assert.deepEqual(figures('통일부에 따르면 지난해 국내에 입국한 탈북민은 196명으로 집계됐다.', '2024-01-20'), [
      ['defectors arriving in South Korea', 196, 'persons', '2023', null],
    ]);
    // The head count of one event is that event's count, not a statistic.
    assert.deepEqual(figures('중국 당국이 지난 9일 탈북민 500여 명을 강제북송했다.', '2023-10-12'), []);
    assert.deepEqual(figures('올해 들어 3만4천여 명이 구금됐다.', '2023-10-12'), [['people detained', 34000, 'persons', '2023', 'more_than']]);
    assert.deepEqual(figures('브로커 비용은 1인당 3만 달러 수준으로 올랐다.'), [['broker fee', 30000, 'USD per person', null, null]]);
  });

  it('reads Chinese figures', () => {
    assert.deepEqual(figures('今年以来，吉林省边防部队拘留了两千多名朝鲜人。', '2023-10-12'), [['people detained', 2000, 'persons', '2023', 'more_than']]);
  });

  it('states a repeated figure once, with every citation', () => {
    const x = extract('올해 입국 탈북민 196명\n통일부에 따르면 올해 국내에 입국한 탈북민은 196명으로 집계됐다.', { published: '2023-12-20' });
    assert.equal(x.figures.length, 1);
    assert.equal(x.figures[0]!.value.period, '2023');
    assert.equal(x.figures[0]!.spans.length, 2);
    // The full sentence, not the headline, is the citation.
    assert.match(x.figures[0]!.spans[0]!.quote, /^통일부에 따르면/);
  });

  it('reads levels, shares "respectively", ranges and fractions, and skips vague amounts and age brackets', () => {
    assert.deepEqual(figures('The number of defectors stands at 196.'), [['defectors', 196, 'persons', null, null]]);
    assert.deepEqual(figures('Women and men account for 85% and 15%, respectively.').map((f) => [f[0], f[1]]), [['share', 85], ['share', 15]]);
    assert.deepEqual(figures('朝鲜有大约90万到240万人死于食物短缺,可能高达人口总数的十分之一。').map((f) => f[1]), [900000, 0.1]);
    assert.deepEqual(figures('탈북민 수백 명이 강제 북송됐다는 소식에 hundreds of activists gathered.'), []);
    assert.deepEqual(figures('체포된 탈북자 가운데 5 명은 10대 청소년이다.'), []);
    assert.deepEqual(figures('이는 2020년 229명 보다 72.4% 줄어든 수준입니다.', '2022-01-20').map((f) => [f[0], f[1]]), [['persons', 229], ['percent change', 72.4]]);
  });
});
