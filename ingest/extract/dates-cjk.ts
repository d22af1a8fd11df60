import {
  dayOnly,
  iso,
  mention,
  NO_PUB_YEAR,
  type Pub,
  relDay,
  relMonth,
  relYear,
  type Resolved,
  validDay,
  weekday,
  yearForMonth,
} from './date-resolve.ts';
import { parseCjkNumber } from './numbers-cjk.ts';
import type { DateMention, DateQualifier } from './types.ts';

/**
 * Korean and Chinese dates: 2023년 10월 9일, 10월 9일, 지난 9일, 지난달, 올해, 지난해, 작년,
 * 2023年10月9日, 9日, 去年, 今年, 上个月, with the approximate markers 초/중순/말/께, 初/中旬/底
 * and the qualifiers 이전/이후/부터, 以前/以来.
 */

const ZD = '(?:\\d{1,4}|[〇零一二三四五六七八九十]{1,4})';
const KO_SUFFIX = '(?<suf>\\s?(?:초순|중순|하순|상반기|하반기|들어|초|말|께|경|무렵|중))?';
const KO_QUAL = '(?<q>\\s?(?:이전|전까지|까지|이후|부터|이래))?';
const ZH_SUFFIX = '(?<suf>初|底|末|上旬|中旬|下旬|前后|左右)?';
const ZH_QUAL = '(?<q>以前|之前|以来|以后|之后|起)?';

const RES: [RegExp, string][] = [
  [new RegExp(`(?<y>(?:19|20)\\d{2})\\s*년\\s*(?<mo>\\d{1,2})\\s*월\\s*(?<d>\\d{1,2})\\s*일${KO_SUFFIX}${KO_QUAL}`, 'g'), 'date.ko.ymd'],
  [new RegExp(`(?<y>(?:19|20)\\d{2})\\s*년\\s*(?<mo>\\d{1,2})\\s*월(?!\\s*\\d{1,2}\\s*일)${KO_SUFFIX}${KO_QUAL}`, 'g'), 'date.ko.ym'],
  [new RegExp(`(?<y>(?:19|20)\\d{2})\\s*년(?!\\s*\\d{1,2}\\s*월)(?![대도간])${KO_SUFFIX}${KO_QUAL}`, 'g'), 'date.ko.y'],
  [new RegExp(`(?<pre>지난|오는|올|올해|금년|지난해|작년|내년)?\\s?(?<![\\d.])(?<mo>\\d{1,2})\\s*월\\s*(?<d>\\d{1,2})\\s*일${KO_SUFFIX}${KO_QUAL}`, 'g'), 'date.ko.md'],
  [new RegExp(`(?<pre>지난|오는|올|올해|금년|지난해|작년|내년)?\\s?(?<![\\d.])(?<mo>\\d{1,2})\\s*월(?!\\s*\\d)${KO_SUFFIX}${KO_QUAL}`, 'g'), 'date.ko.m'],
  [new RegExp(`(?<rel>지난달|지난 달|전달|이달|이번 달|이번달|다음 달|다음달)\\s?(?<d>\\d{1,2})\\s*일${KO_QUAL}`, 'g'), 'date.ko.rel-month-day'],
  [new RegExp(`(?<pre>지난|오는|이달|같은 달|이번 달)?\\s?(?<![\\d.월])(?<d>\\d{1,2})\\s*일(?![간째])(?!\\s?(?:동안|만에|이내|간))${KO_QUAL}`, 'g'), 'date.ko.d'],
  [/(?<rel>지난주|지난 주|이번 주|이번주|지난)?\s?(?<wd>[월화수목금토일])요일/g, 'date.ko.weekday'],
  [/지\s?(?<n>\d+|한|두|세)\s*(?<unit>년|개월|달)(?:이|을|째|가)?\s?(?:맞|지나|지났|됐|되|넘)/g, 'date.ko.since'],
  [new RegExp(`(?<rel>지난달|지난 달|전달|전월|이달|이번 달|이번달|금월|다음 달|다음달|내달)${KO_SUFFIX}`, 'g'), 'date.ko.rel-month'],
  [new RegExp(`(?<rel>재작년|지지난해|지난해|지난 해|작년|전년|올해|금년|내년)${KO_SUFFIX}${KO_QUAL}`, 'g'), 'date.ko.rel-year'],
  [/(?<rel>어제|어저께|그제|그저께|지난주|지난 주)/g, 'date.ko.rel-day'],
  [/(?<n>\d+)\s*(?<unit>년|개월|주|일)\s*전(?![에까])/g, 'date.ko.ago'],
  [new RegExp(`(?<y>(?:19|20)\\d{2}|[〇零一二三四五六七八九]{4})\\s*年\\s*(?<mo>${ZD})\\s*月\\s*(?<d>${ZD})\\s*[日号]${ZH_SUFFIX}${ZH_QUAL}`, 'g'), 'date.zh.ymd'],
  [new RegExp(`(?<y>(?:19|20)\\d{2}|[〇零一二三四五六七八九]{4})\\s*年\\s*(?<mo>${ZD})\\s*月(?!\\s*${ZD}\\s*[日号])${ZH_SUFFIX}${ZH_QUAL}`, 'g'), 'date.zh.ym'],
  [new RegExp(`(?<y>(?:19|20)\\d{2}|[〇零一二三四五六七八九]{4})\\s*年(?!\\s*${ZD}\\s*月)(?!代)${ZH_SUFFIX}${ZH_QUAL}`, 'g'), 'date.zh.y'],
  [new RegExp(`(?<pre>去年|今年|明年)?(?<![\\d年个])(?<mo>\\d{1,2}|[一二三四五六七八九十]{1,2})\\s*月\\s*(?<d>${ZD})\\s*[日号]${ZH_SUFFIX}${ZH_QUAL}`, 'g'), 'date.zh.md'],
  [new RegExp(`(?<pre>去年|今年|明年)(?<mo>\\d{1,2}|[一二三四五六七八九十]{1,2})\\s*月(?!\\s*${ZD}\\s*[日号])${ZH_SUFFIX}`, 'g'), 'date.zh.m'],
  [new RegExp(`(?<![\\d月年])(?<d>\\d{1,2})\\s*日(?![内起前后])${ZH_QUAL}`, 'g'), 'date.zh.d'],
  [new RegExp(`(?<rel>去年|上年|今年|本年|前年|明年)${ZH_SUFFIX}${ZH_QUAL}`, 'g'), 'date.zh.rel-year'],
  [new RegExp(`(?<rel>上个月|上月|本月|这个月|下个月|下月)${ZH_SUFFIX}`, 'g'), 'date.zh.rel-month'],
  [/(?<rel>昨天|昨日|前天|上周|上个星期|上星期|上个礼拜)/g, 'date.zh.rel-day'],
  [new RegExp(`(?<rel>上个月|上月|本月|这个月|下个月|下月)(?<d>${ZD})\\s*[日号]`, 'g'), 'date.zh.rel-month-day'],
  [/(?:(?<rel>上)(?:个)?)?(?:星期|周|礼拜)(?<wd>[一二三四五六日天])/g, 'date.zh.weekday'],
  [/(?<n>\d+)\s*(?<unit>年|个月)前/g, 'date.zh.ago'],
];

const YEAR_DELTA: Record<string, number> = {
  재작년: -2, 지지난해: -2, 지난해: -1, '지난 해': -1, 작년: -1, 전년: -1, 올해: 0, 금년: 0, 올: 0, 내년: 1,
  去年: -1, 上年: -1, 今年: 0, 本年: 0, 前年: -2, 明年: 1,
};
const MONTH_DELTA: Record<string, number> = {
  지난달: -1, '지난 달': -1, 전달: -1, 전월: -1, 이달: 0, '이번 달': 0, 이번달: 0, 금월: 0, '다음 달': 1, 다음달: 1, 내달: 1,
  上个月: -1, 上月: -1, 本月: 0, 这个月: 0, 下个月: 1, 下月: 1,
};
const DAY_DELTA: Record<string, number> = {
  어제: -1, 어저께: -1, 그제: -2, 그저께: -2, 지난주: -7, '지난 주': -7, 昨天: -1, 昨日: -1, 前天: -2, 上周: -7, 上个星期: -7, 上星期: -7, 上个礼拜: -7,
};
const KO_WEEKDAY: Record<string, string> = { 월: 'monday', 화: 'tuesday', 수: 'wednesday', 목: 'thursday', 금: 'friday', 토: 'saturday', 일: 'sunday' };
const ZH_WEEKDAY: Record<string, string> = { 一: 'monday', 二: 'tuesday', 三: 'wednesday', 四: 'thursday', 五: 'friday', 六: 'saturday', 日: 'sunday', 天: 'sunday' };
const KO_COUNT: Record<string, number> = { 한: 1, 두: 2, 세: 3 };

function qualifierOf(g: Record<string, string | undefined>): DateQualifier {
  const q = g.q?.trim();
  if (q && /^(?:이전|전까지|까지|以前|之前)$/.test(q)) return 'before';
  if (q || g.suf) return 'approximate';
  return 'exact';
}

const CJK_DIGIT: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** Years are written digit by digit (二〇二三); months and days as numerals (十二, 二十三). */
const n = (s: string | undefined): number | null =>
  !s ? null : /^[〇零一二三四五六七八九]{4}$/.test(s) ? Number([...s].map((c) => CJK_DIGIT[c]).join('')) : parseCjkNumber(s);

/** Days from the latest such weekday on or before publication back to publication. */
function daysBack(pub: Pub, name: string): number {
  const target = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].indexOf(name);
  return (new Date(Date.UTC(pub.y, (pub.m ?? 1) - 1, pub.d ?? 1)).getUTCDay() - target + 7) % 7;
}

export function findCjkDates(keep: string, pub: Pub | null): DateMention[] {
  const out: DateMention[] = [];
  if (!/[가-힣\u4e00-\u9fff]/.test(keep)) return out;
  for (const [re, rule] of RES) {
    re.lastIndex = 0;
    for (const m of keep.matchAll(re)) {
      const g = m.groups ?? {};
      const r = resolve(rule, g, pub);
      if (!r) continue;
      let q = qualifierOf(g);
      if (/ago|rel-day/.test(rule) && /지난 ?주|上周|上个?星期|上个礼拜/.test(g.rel ?? '')) q = 'approximate';
      if (rule === 'date.ko.since') q = 'approximate';
      if (/ago/.test(rule) && !/일/.test(g.unit ?? '')) q = 'approximate';
      const lead = m[0].search(/\S/);
      out.push(mention(m.index! + lead, m.index! + m[0].length, keep, r, q, rule));
    }
  }
  return out;
}

function resolve(rule: string, g: Record<string, string | undefined>, pub: Pub | null): Resolved | null {
  const y = g.y ? n(g.y) : null;
  const mo = n(g.mo);
  const d = n(g.d);
  const pre = g.pre;
  switch (rule) {
    case 'date.ko.ymd':
    case 'date.zh.ymd':
      return y && mo && d && validDay(y, mo, d) ? { value: iso(y, mo, d) } : null;
    case 'date.ko.ym':
    case 'date.zh.ym':
      return y && mo && mo <= 12 ? { value: iso(y, mo) } : null;
    case 'date.ko.y':
    case 'date.zh.y':
      return y && y >= 1900 && y <= 2100 ? { value: iso(y) } : null;
    case 'date.ko.md':
    case 'date.ko.m':
    case 'date.zh.md':
    case 'date.zh.m': {
      if (!mo || mo > 12 || (d !== null && d > 31)) return null;
      let yy: number | null;
      if (pre && pre in YEAR_DELTA) yy = pub ? pub.y + YEAR_DELTA[pre]! : null;
      else yy = yearForMonth(pub, mo, pre === '지난' ? 'past' : pre === '오는' ? 'future' : 'near');
      if (yy === null) return { value: null, unresolved: NO_PUB_YEAR };
      if (d !== null && !validDay(yy, mo, d)) return null;
      return { value: iso(yy, mo, d) };
    }
    case 'date.ko.d':
    case 'date.zh.d': {
      if (!d || d > 31) return null;
      if (pre === '이달' || pre === '이번 달' || pre === '같은 달') {
        if (!pub || pub.m == null) return { value: null, unresolved: pub ? 'publication month unknown' : 'relative date and no publication date' };
        return validDay(pub.y, pub.m, d) ? { value: iso(pub.y, pub.m, d) } : null;
      }
      return dayOnly(pub, d, pre === '지난' ? 'past' : pre === '오는' ? 'future' : 'near');
    }
    case 'date.ko.rel-year':
    case 'date.zh.rel-year':
      return relYear(pub, YEAR_DELTA[g.rel!] ?? 0);
    case 'date.ko.rel-month':
    case 'date.zh.rel-month':
      return relMonth(pub, MONTH_DELTA[g.rel!] ?? 0);
    case 'date.ko.rel-day':
    case 'date.zh.rel-day': {
      const delta = DAY_DELTA[g.rel!] ?? 0;
      return relDay(pub, delta, delta === -7 ? 'month' : 'day');
    }
    case 'date.ko.rel-month-day':
    case 'date.zh.rel-month-day': {
      const r = relMonth(pub, MONTH_DELTA[g.rel!] ?? 0);
      if (!r.value || !d) return r.value ? null : r;
      const [yy, mm] = r.value.split('-').map(Number);
      return validDay(yy!, mm!, d) ? { value: iso(yy!, mm!, d) } : null;
    }
    case 'date.ko.weekday':
    case 'date.zh.weekday': {
      const name = rule === 'date.ko.weekday' ? KO_WEEKDAY[g.wd!] : ZH_WEEKDAY[g.wd!];
      if (!name) return null;
      if (g.rel === '지난') return weekday(pub, name, true);
      const r = weekday(pub, name, false);
      return g.rel && !/이번/.test(g.rel) && r.value ? relDay(pub, -7 - daysBack(pub!, name)) : r;
    }
    case 'date.ko.since': {
      const k = KO_COUNT[g.n!] ?? Number(g.n);
      return g.unit === '년' ? relYear(pub, -k) : relMonth(pub, -k);
    }
    case 'date.ko.ago':
    case 'date.zh.ago': {
      const k = Number(g.n);
      if (g.unit === '년' || g.unit === '年') return relYear(pub, -k);
      if (g.unit === '개월' || g.unit === '个月') return relMonth(pub, -k);
      return relDay(pub, g.unit === '주' ? -7 * k : -k, g.unit === '주' ? 'month' : 'day');
    }
  }
  return null;
}
