/** Korean and Chinese numbers: 60여 명, 1만 2천명, 3만4천여 명, 수십 명, 两千多, 500余人, 近千名. */
import type { NumberMention } from './types.ts';

const UNIT_MAP: Record<string, string> = {
  명: 'persons', 名: 'persons', 人: 'persons', 건: 'cases', 起: 'cases', 곳: 'sites', 개소: 'sites', 处: 'sites', 대: 'units',
  台: 'units', 개: 'items', 个: 'items', km: 'km', '㎞': 'km', 킬로미터: 'km', 킬로: 'km', 公里: 'km', 千米: 'km', 미터: 'm',
  m: 'm', 米: 'm', 달러: 'USD', 美元: 'USD', 위안: 'CNY', 元: 'CNY', 원: 'KRW', 만원: 'KRW', 억원: 'KRW', 万元: 'CNY',
  '%': 'percent', 퍼센트: 'percent', 가구: 'households', 세대: 'households', 户: 'households', 차례: 'times', 회: 'times',
  次: 'times', 척: 'boats', 톤: 'tonnes', 座: 'buildings', 架: 'aircraft',
};
const UNIT_FACTOR: Record<string, number> = { 만원: 1e4, 억원: 1e8, 万元: 1e4 };
const KNUM = '(?:\\d[\\d,]*(?:\\.\\d+)?\\s?[조억만천백]+\\s?)*\\d[\\d,]*(?:\\.\\d+)?(?:\\s?[조억만천백]+)?';
const KO_UNIT = '명|건|곳|개소|대|km|㎞|킬로미터|킬로|미터|m|달러|위안|만원|억원|원|%|퍼센트|가구|세대|차례|회|개|척|톤';
const KO_NUM_RE = new RegExp(
  `(?<qual>약|대략|최소|최대|적어도|무려|불과|겨우|고작|총|모두|전체|연간)?\\s?(?<![\\d.,])(?<num>${KNUM})(?:\\s?[~-]\\s?(?<num2>${KNUM}))?\\s?(?<suf>여|남짓|가량|정도|안팎|내외|쯤|께)?\\s?(?<unit>${KO_UNIT})?(?<post>\\s?(?:이상|이하|미만|넘게|넘는|가량|정도|안팎|내외|남짓))?`,
  'g',
);
const KO_VAGUE_RE = /(?<base>수십만|수백만|수십|수백|수천|수만|십여|백여|천여|만여|수십여|수백여|수천여)\s?(?<unit>명|건|곳|개|대|차례|달러|위안|만원|원)/g;
const KO_NATIVE_RE = /(?<![가-힣])(?<n>한두|두세|서너|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열한|열두|열|스무|스물)\s?(?<unit>명|곳|차례)(?![가-힣])/g;
const KO_NATIVE: Record<string, number> = { 한두: 1, 두세: 2, 서너: 3, 한: 1, 두: 2, 세: 3, 네: 4, 다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9, 열: 10, 열한: 11, 열두: 12, 스무: 20, 스물: 20 };

const ZNUM = '(?:\\d[\\d,]*(?:\\.\\d+)?\\s?[亿万千百]?)+|[〇零一二两三四五六七八九十百千万亿]+';
const ZH_UNIT = '名|人|个|台|处|公里|千米|米|美元|万元|元|%|户|次|起|座|架';
const ZH_NUM_RE = new RegExp(
  `(?<qual>约|大约|近|将近|接近|超过|逾|至少|最多|多达|高达|仅|只有|共|总共|累计)?(?<![\\d.,])(?<num>${ZNUM})(?<suf>多|余|左右|以上|以下|上下)?(?<unit>${ZH_UNIT})?`,
  'g',
);
const ZH_VAGUE_RE = /(?<base>数十|数百|数千|数万|上千|上万|上百|几十|几百|几千|几万)(?<unit>名|人|个|台|处|起)?/g;

const KO_QUAL: Record<string, string | null> = {
  약: 'about', 대략: 'about', 가량: 'about', 정도: 'about', 쯤: 'about', 안팎: 'about', 내외: 'about', 께: 'about',
  최소: 'at_least', 적어도: 'at_least', 이상: 'at_least', 최대: 'up_to', 이하: 'up_to', 미만: 'less_than',
  불과: 'only', 겨우: 'only', 고작: 'only', 여: 'more_than', 남짓: 'more_than', 넘게: 'more_than', 넘는: 'more_than',
  무려: null, 총: null, 모두: null, 전체: null, 연간: null,
};
const ZH_QUAL: Record<string, string | null> = {
  约: 'about', 大约: 'about', 左右: 'about', 上下: 'about', 近: 'almost', 将近: 'almost', 接近: 'almost', 超过: 'more_than',
  逾: 'more_than', 多: 'more_than', 余: 'more_than', 以上: 'more_than', 至少: 'at_least', 最多: 'up_to', 多达: 'up_to',
  高达: 'up_to', 以下: 'up_to', 仅: 'only', 只有: 'only', 共: null, 总共: null, 累计: null,
};

/** Parses Korean/Chinese numbers with myriad units: 1만 2천 -> 12000, 2천500만 -> 25000000, 两千 -> 2000. */
export function parseCjkNumber(raw: string): number | null {
  const s = raw.replace(/[,\s]/g, '');
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  const DIG: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const SMALL: Record<string, number> = { 十: 10, 백: 100, 百: 100, 천: 1000, 千: 1000 };
  const BIG: Record<string, number> = { 만: 1e4, 万: 1e4, 억: 1e8, 亿: 1e8, 조: 1e12 };
  let total = 0;
  let group = 0;
  let cur: number | null = null;
  for (let i = 0; i < s.length; ) {
    const m = /^\d+(?:\.\d+)?/.exec(s.slice(i));
    if (m) {
      cur = Number(m[0]);
      i += m[0].length;
      continue;
    }
    const ch = s[i]!;
    i++;
    if (ch in DIG) cur = DIG[ch]!;
    else if (ch in SMALL) {
      group += (cur ?? 1) * SMALL[ch]!;
      cur = null;
    } else if (ch in BIG) {
      total += (group + (cur ?? 0) || 1) * BIG[ch]!;
      group = 0;
      cur = null;
    } else return null;
  }
  return total + group + (cur ?? 0);
}

export function collectKorean(keep: string, out: NumberMention[]): void {
  if (!/[가-힣]/.test(keep)) return;
  for (const m of keep.matchAll(KO_NUM_RE)) {
    const g = m.groups!;
    const hasKoreanScale = /[조억만천백]/.test(g.num!);
    if (!g.unit && !hasKoreanScale) continue;
    const v = parseCjkNumber(g.num!.trim());
    if (v === null) continue;
    const unitKey = g.unit;
    const value = v * (unitKey ? UNIT_FACTOR[unitKey] ?? 1 : 1);
    const qualWord = g.suf ?? g.post?.trim() ?? g.qual;
    const v2 = g.num2 ? parseCjkNumber(g.num2.trim()) : null;
    const valueMax = v2 !== null && v2 > v ? v2 * (unitKey ? UNIT_FACTOR[unitKey] ?? 1 : 1) : null;
    const qualifier = valueMax !== null ? 'range' : qualWord ? KO_QUAL[qualWord] ?? null : g.qual ? KO_QUAL[g.qual] ?? null : null;
    const start = m.index! + m[0].search(/\S/);
    out.push({ start, end: m.index! + m[0].length, value, valueMax, qualifier, unit: unitKey ? UNIT_MAP[unitKey] ?? unitKey : null, noun: null, vague: false, digits: true, rule: 'number.ko' });
  }
  for (const m of keep.matchAll(KO_VAGUE_RE)) {
    const b = m.groups!.base!.replace(/여$/, '').replace(/^(?:수)/, '');
    const v = b.startsWith('십만') ? 1e5 : b.startsWith('백만') ? 1e6 : b.startsWith('십') ? 10 : b.startsWith('백') ? 100 : b.startsWith('천') ? 1000 : 1e4;
    out.push({ start: m.index!, end: m.index! + m[0].length, value: v, valueMax: null, qualifier: 'more_than', unit: UNIT_MAP[m.groups!.unit!] ?? null, noun: null, vague: true, digits: false, rule: 'number.ko.vague' });
  }
  for (const m of keep.matchAll(KO_NATIVE_RE)) {
    out.push({ start: m.index!, end: m.index! + m[0].length, value: KO_NATIVE[m.groups!.n!]!, valueMax: null, qualifier: null, unit: UNIT_MAP[m.groups!.unit!] ?? null, noun: null, vague: false, digits: false, rule: 'number.ko.native' });
  }
}

export function collectChinese(keep: string, out: NumberMention[]): void {
  if (!/[\u4e00-\u9fff]/.test(keep)) return;
  for (const m of keep.matchAll(ZH_NUM_RE)) {
    const g = m.groups!;
    const cjkDigits = /[〇零一二两三四五六七八九十百千万亿]/.test(g.num!);
    const scale = /[十百千万亿]/.test(g.num!);
    if (!g.unit && !scale) continue;
    if (cjkDigits && !scale && !g.unit) continue;
    // A lone 一/十 inside words (一些, 十分) is not a number.
    if (cjkDigits && g.num!.length === 1 && !g.unit && !g.suf) continue;
    const v = parseCjkNumber(g.num!);
    if (v === null || v === 0) continue;
    const value = v * (g.unit ? UNIT_FACTOR[g.unit] ?? 1 : 1);
    const qualWord = g.suf ?? g.qual;
    const qualifier = qualWord ? ZH_QUAL[qualWord] ?? null : null;
    out.push({ start: m.index!, end: m.index! + m[0].length, value, valueMax: null, qualifier, unit: g.unit ? UNIT_MAP[g.unit] ?? g.unit : null, noun: null, vague: false, digits: true, rule: 'number.zh' });
  }
  for (const m of keep.matchAll(ZH_VAGUE_RE)) {
    const b = m.groups!.base!;
    const v = b.endsWith('十') ? 10 : b.endsWith('百') ? 100 : b.endsWith('千') ? 1000 : 1e4;
    out.push({ start: m.index!, end: m.index! + m[0].length, value: v, valueMax: null, qualifier: 'more_than', unit: m.groups!.unit ? UNIT_MAP[m.groups!.unit] ?? null : null, noun: null, vague: true, digits: false, rule: 'number.zh.vague' });
  }
}
