import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDateMentions } from './dates.ts';
import { normalizeKeepCase } from './text.ts';

function dates(text: string, published: string | null) {
  return findDateMentions(normalizeKeepCase(text), published).map((d) => ({ text: d.text, value: d.value, qualifier: d.qualifier, ...(d.unresolved ? { unresolved: d.unresolved } : {}) }));
}
const first = (text: string, published: string | null = '2023-09-08') => dates(text, published)[0];

describe('dates', () => {
  it('reads absolute English dates', () => {
    assert.deepEqual(first('on April 14, 2017.'), { text: 'April 14, 2017', value: '2017-04-14', qualifier: 'exact' });
    assert.deepEqual(first('9 Oct 2023'), { text: '9 Oct 2023', value: '2023-10-09', qualifier: 'exact' });
    assert.deepEqual(first('08 September 2023'), { text: '08 September 2023', value: '2023-09-08', qualifier: 'exact' });
    assert.deepEqual(first('in 2019'), { text: '2019', value: '2019', qualifier: 'exact' });
    assert.deepEqual(first('since 2019'), { text: 'since 2019', value: '2019', qualifier: 'approximate' });
    assert.deepEqual(first('before 2019'), { text: 'before 2019', value: '2019', qualifier: 'before' });
    assert.deepEqual(first('in mid-2022'), { text: 'mid-2022', value: '2022', qualifier: 'approximate' });
    assert.deepEqual(first('2023-10-09'), { text: '2023-10-09', value: '2023-10-09', qualifier: 'exact' });
  });

  it('resolves dates without a year and relative dates against the publication date', () => {
    assert.deepEqual(first('On October 9, police said'), { text: 'October 9', value: '2023-10-09', qualifier: 'exact' });
    assert.deepEqual(first('in early October'), { text: 'early October', value: '2023-10', qualifier: 'approximate' });
    assert.deepEqual(first('in January'), { text: 'January', value: '2023-01', qualifier: 'exact' });
    assert.deepEqual(first('last year'), { text: 'last year', value: '2022', qualifier: 'exact' });
    assert.deepEqual(first('this month'), { text: 'this month', value: '2023-09', qualifier: 'exact' });
    assert.deepEqual(first('last month'), { text: 'last month', value: '2023-08', qualifier: 'exact' });
    assert.deepEqual(first('Earlier this month'), { text: 'Earlier this month', value: '2023-09', qualifier: 'approximate' });
    assert.deepEqual(first('two years ago'), { text: 'two years ago', value: '2021', qualifier: 'approximate' });
    assert.deepEqual(first('on Tuesday'), { text: 'on Tuesday', value: '2023-09-05', qualifier: 'exact' });
    // December named in a January report is last December.
    assert.equal(first('on December 20', '2024-01-05')!.value, '2023-12-20');
  });

  it('never guesses: without a publication date relative dates stay unresolved', () => {
    assert.deepEqual(first('last year', null), { text: 'last year', value: null, qualifier: 'exact', unresolved: 'relative date and no publication date' });
    assert.deepEqual(first('October 9', null), { text: 'October 9', value: null, qualifier: 'exact', unresolved: 'year not stated and no publication date' });
    assert.deepEqual(first('지난 9일', null)?.value, null);
    assert.deepEqual(first('去年', null)?.value, null);
    assert.equal(first('last month', '2023')!.value, null);
    assert.equal(first('last month', '2023')!.unresolved, 'publication month unknown');
  });

  it('reads Korean dates', () => {
    assert.deepEqual(first('2023년 10월 9일'), { text: '2023년 10월 9일', value: '2023-10-09', qualifier: 'exact' });
    assert.deepEqual(first('중국이 지난 9일 송환했다', '2023-10-12'), { text: '지난 9일', value: '2023-10-09', qualifier: 'exact' });
    // The 9th after the 8th of the publication month is last month's.
    assert.equal(first('지난 9일', '2023-09-08')!.value, '2023-08-09');
    assert.deepEqual(first('지난달'), { text: '지난달', value: '2023-08', qualifier: 'exact' });
    assert.deepEqual(first('올해'), { text: '올해', value: '2023', qualifier: 'exact' });
    assert.deepEqual(first('작년'), { text: '작년', value: '2022', qualifier: 'exact' });
    assert.deepEqual(first('지난해 말'), { text: '지난해 말', value: '2022', qualifier: 'approximate' });
    assert.deepEqual(first('지난 3월'), { text: '지난 3월', value: '2023-03', qualifier: 'exact' });
    assert.deepEqual(first('10월 중순'), { text: '10월 중순', value: '2023-10', qualifier: 'approximate' });
    assert.deepEqual(first('2019년 이전'), { text: '2019년 이전', value: '2019', qualifier: 'before' });
    assert.deepEqual(first('2023. 10. 9.')?.value, '2023-10-09');
    assert.equal(dates('2000년대에 3일간 머물렀다', '2023-09-08').length, 0);
  });

  it('reads Chinese dates', () => {
    assert.deepEqual(first('2023年10月9日'), { text: '2023年10月9日', value: '2023-10-09', qualifier: 'exact' });
    assert.deepEqual(first('去年'), { text: '去年', value: '2022', qualifier: 'exact' });
    assert.deepEqual(first('今年以来'), { text: '今年以来', value: '2023', qualifier: 'approximate' });
    assert.deepEqual(first('上个月'), { text: '上个月', value: '2023-08', qualifier: 'exact' });
    assert.deepEqual(first('二〇二三年'), { text: '二〇二三年', value: '2023', qualifier: 'exact' });
  });

  it('reads weekdays alone, "the Nth of this month" and Korean and Chinese relative days against publication', () => {
    const v = (t: string, p: string) => dates(t, p).map((d) => [d.text, d.value]);
    // Friday 13 October 2023: "Thursday" is the day before, "Monday" the start of the week.
    assert.deepEqual(v('At a Thursday briefing, officials told VOA Monday', '2023-10-13'), [['Thursday', '2023-10-12'], ['Monday', '2023-10-09']]);
    assert.deepEqual(v('on the 9th of this month', '2023-10-13'), [['the 9th of this month', '2023-10-09']]);
    assert.deepEqual(v('지난달 9일과 12일', '2024-10-11'), [['지난달 9일', '2024-09-09'], ['12일', '2024-09-12']]);
    assert.deepEqual(v('지난 금요일', '2024-10-11'), [['지난 금요일', '2024-10-04']]);
    assert.deepEqual(v('上月9日', '2014-07-23'), [['上月9日', '2014-06-09']]);
    assert.deepEqual(v('星期三', '2014-07-23'), [['星期三', '2014-07-23']]);
    assert.deepEqual(v('강제 북송한 지 1년을 맞아', '2024-10-11').map((x) => x[1]), ['2023']);
    // Without a publication date nothing relative resolves.
    assert.deepEqual(v('on Monday', null as unknown as string).map((x) => x[1]), [null]);
  });
});
