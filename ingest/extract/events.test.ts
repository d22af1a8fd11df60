import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract } from './extract.ts';

const events = (text: string, published: string | null = null) =>
  extract(text, { published }).events.map((e) => [e.value.type, e.value.date, e.value.place, e.value.count]);

describe('events', () => {
  it('links type, date, place and count within the sentence (English)', () => {
    assert.deepEqual(events('China forcibly repatriated about 600 North Koreans on Oct. 9, including through Dandong and Hunchun, activists said.', '2023-10-13'), [
      ['forced_repatriation', '2023-10-09', 'Dandong', 600],
    ]);
    assert.deepEqual(events('Chinese police arrested five North Korean defectors in Shenyang in August.', '2023-10-13'), [['arrest_detention', '2023-08', 'Shenyang', 5]]);
    assert.deepEqual(events('Three women crossed the Tumen River near Hoeryong in early September.', '2023-10-13'), [['border_crossing', '2023-09', 'Hoeryong', 3]]);
    assert.deepEqual(events('Two guards were publicly executed in Hyesan in March.', '2023-10-13'), [['execution_punishment', '2023-03', 'Hyesan', 2]]);
    assert.deepEqual(events('A young woman was smuggled to China by human traffickers in 2018.'), [['trafficking', '2018', null, 1]]);
    assert.deepEqual(events('The group arrived in South Korea via Thailand in August.', '2023-10-13'), [['defection_arrival', '2023-08', null, null]]);
    assert.deepEqual(events('Hanna Song said at a conference last month that China must stop.', '2023-10-13'), [['statement', '2023-09', null, null]]);
  });

  it('marks vague dates approximate and keeps unresolved dates null', () => {
    const [e] = extract('Satellite imagery has revealed upgrades to Chinese border security along the river since 2019.').events;
    assert.deepEqual([e!.value.type, e!.value.date, e!.value.approx], ['surveillance_deployment', '2019', true]);
    const [f] = extract('Earlier this month, authorities began attaching GPS tracking units to guards.').events;
    assert.deepEqual([f!.value.date, f!.value.approx], [null, true]);
  });

  it('skips hypothetical, habitual, generic and demanded events', () => {
    for (const t of [
      'Many North Koreans risk forced repatriation if caught.',
      'Beijing was set to restart forced repatriations.',
      'When Beijing catches North Koreans, it often sends them back to North Korea.',
      'You have to pay a huge amount to human traffickers.',
      'She planned to defect to South Korea.',
    ])
      assert.deepEqual(events(t), [], t);
    assert.deepEqual(events('The UN urged Beijing to halt forced repatriations.'), [['statement', null, null, null]]);
  });

  it('reads Korean news sentences', () => {
    assert.deepEqual(events('중국 당국이 지난 9일 탈북민 500여 명을 강제북송했다.', '2023-10-12'), [['forced_repatriation', '2023-10-09', null, 500]]);
    assert.deepEqual(events('중국 공안은 지난달 옌지에서 탈북민 5명을 체포했다.', '2023-10-12'), [['arrest_detention', '2023-09', '옌지', 5]]);
    assert.deepEqual(events('지난달 말 혜산시에서 20대 여성 2명과 30대 남성 1명이 도강하다 체포됐다.', '2023-10-12'), [
      ['arrest_detention', '2023-09', '혜산시', 3],
      ['border_crossing', '2023-09', '혜산시', 3],
    ]);
    assert.deepEqual(events('북한 당국은 지난 3월 회령에서 밀수꾼 2명을 공개처형했다.', '2023-10-12'), [['execution_punishment', '2023-03', '회령', 2]]);
    assert.deepEqual(events('탈북민 10여 명이 지난주 태국을 거쳐 한국에 입국했다.', '2023-10-12'), [['defection_arrival', '2023-10', null, 10]]);
    assert.deepEqual(events('통일부는 중국 정부에 강제북송 중단을 촉구했다.'), [['statement', null, null, null]]);
    assert.deepEqual(events('탈북민들은 강제북송될 우려가 있다.'), []);
    // A statistic, not an arrival event.
    assert.deepEqual(events('통일부에 따르면 지난해 국내에 입국한 탈북민은 196명으로 집계됐다.', '2024-01-20'), []);
  });

  it('reads Chinese sentences', () => {
    assert.deepEqual(events('中国当局于2023年10月9日将约600名脱北者强制遣返回朝鲜。'), [['forced_repatriation', '2023-10-09', null, 600]]);
    assert.deepEqual(events('中国公安上个月在延吉逮捕了五名脱北者。', '2023-10-12'), [['arrest_detention', '2023-09', '延吉', 5]]);
  });

  it('states an event repeated in headline and lead once, with both citations', () => {
    const x = extract('中, 탈북민 500여명 강제북송\n\n중국 당국이 지난 9일 단둥을 통해 탈북민 500여 명을 강제북송했다.', { published: '2023-10-12' });
    assert.equal(x.events.length, 1);
    const e = x.events[0]!;
    assert.deepEqual([e.value.date, e.value.place, e.value.count, e.spans.length], ['2023-10-09', '단둥', 500, 2]);
    assert.match(e.spans[0]!.quote, /^중국 당국이/);
  });
});
