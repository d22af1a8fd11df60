import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract } from './extract.ts';

const events = (text: string, published: string | null = null) =>
  extract(text, { published }).events.map((e) => [e.value.type, e.value.date]);

describe('clause structure of events', () => {
  it('types the reporting of a position as a statement, dated by the reporting, and a reported act as the act', () => {
    assert.deepEqual(events('At a Thursday briefing, spokesperson Wang Wenbin insisted there are no "so-called defectors" in China.', '2023-10-13'), [['statement', '2023-10-12']]);
    assert.deepEqual(events('한국 통일부는 지난해 말 기준으로 입국한 탈북자가 총 2만3천100 명으로 집계됐다고 오늘(11일) 밝혔습니다.', '2012-01-11'), [['statement', '2012-01-11']]);
    assert.deepEqual(events('The rights activists said Chinese police detained the 11 defectors on Friday in Kunming.', '2013-11-18'), [['arrest_detention', '2013-11-15']]);
    // An informant reports facts; no statement.
    assert.deepEqual(events('A source in Yanggang province told RFA that guards are paid more.'), []);
  });

  it('keeps normative, legal, hypothetical and risk clauses from becoming events', () => {
    for (const t of [
      'No one should be returned to a country where they would face torture.',
      'China is obligated under the Convention against Torture to refrain from repatriating persons.',
      'Those who are repatriated may face punishment ranging from labor correction to execution.',
      'Repatriated persons face torture, imprisonment, execution, and other inhuman treatment.',
      '中国与朝鲜还有一项将任何非法越境进入中国的朝鲜人遣送回国的协议。',
      '在韩国,这些逃离朝鲜的人被称为脱北者。',
    ])
      assert.deepEqual(events(t), [], t);
  });

  it('keeps a state practice as an event without a date, but not a general description of routes', () => {
    assert.deepEqual(events('Despite protests, China routinely repatriates the refugees to North Korea.', '2013-05-28'), [['forced_repatriation', null]]);
    assert.deepEqual(events('통상 탈북민들은 북한 국경을 넘은 뒤 제3국에서 체류하다가 한국으로 입국합니다.'), []);
  });

  it('emits one type per clause, and no arrival event for a year of arrivals', () => {
    assert.deepEqual(events('지난해 한국에 입국한 탈북민은 총 63명이라고 한국 통일부가 밝혔습니다.', '2022-01-20'), [['statement', null]]);
    assert.deepEqual(events('"Convention against Torture" and the North Korean Human Rights Act were cited.'), []);
  });

  it('reads one act on several dates as several events, each with its own count', () => {
    assert.deepEqual(
      extract('About 80 North Koreans were forcibly repatriated on Aug. 29 and about 40 on Sept. 18, Human Rights Watch said.', { published: '2023-10-13' }).events.map((e) => [e.value.date, e.value.count]),
      [['2023-08-29', 80], ['2023-09-18', 40]],
    );
    assert.deepEqual(events('지난달 9일과 12일 단둥과 훈춘을 통해 탈북민이 강제북송됐다.', '2023-11-10'), [['forced_repatriation', '2023-10-09'], ['forced_repatriation', '2023-10-12']]);
    // Two different acts on two dates are not a series.
    assert.deepEqual(events('Police arrested five defectors on Oct. 3 after they crossed the river on Sept. 30.', '2023-11-10'), [['arrest_detention', '2023-10-03'], ['border_crossing', '2023-09-30']]);
  });
});
