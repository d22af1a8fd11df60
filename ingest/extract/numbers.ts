import { collectChinese, collectKorean } from './numbers-cjk.ts';
import type { NumberMention, Sentence } from './types.ts';

export { parseCjkNumber } from './numbers-cjk.ts';

/**
 * Numbers as news writes them: "1,047", "12 million", "some 15-hundred", "$4,000 to $5,000",
 * "tens of thousands", "nearly half", "60여 명", "1만 2천명", "3만4천여 명", "수십 명", "两千多",
 * "500余人", "近千名". Each mention keeps its qualifier and the unit or noun written with it.
 * Deciding whether a number is a reportable figure is figures.ts's job.
 */

const EN_QUAL: [RegExp, string | null][] = [
  [/^(?:a total of|totall?ing|a record)$/, null],
  [/^(?:about|around|approximately|approx\.?|roughly|some|an estimated|estimated|or so)$/, 'about'],
  [/^(?:nearly|almost|close to|just under|barely)$/, 'almost'],
  [/^(?:more than|over|upwards of|well over|just over|or more|plus|\+)$/, 'more_than'],
  [/^(?:at least|no fewer than|no less than)$/, 'at_least'],
  [/^(?:as many as|up to|at most|as much as)$/, 'up_to'],
  [/^(?:fewer than|less than|under)$/, 'less_than'],
  [/^(?:only|just|a mere|merely)$/, 'only'],
];
const EN_QUAL_RE =
  'a total of|totall?ing|a record|about|around|approximately|approx\\.?|roughly|some|an estimated|estimated|nearly|almost|close to|just under|barely|more than|over|upwards of|well over|just over|at least|no fewer than|no less than|as many as|as much as|up to|at most|fewer than|less than|under|only|just|a mere|merely';
const CUR = '(?:US\\$|USD|U\\.S\\.\\s?\\$|\\$|₩|KRW|¥|RMB|CNY|€|EUR|£|GBP)';
const NUM = '\\d{1,3}(?:[,\\u202f\\u00a0]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const SCALE = 'hundred|thousand|million|billion|trillion';
const EN_NUM_RE = new RegExp(
  `(?:\\b(?<qual>${EN_QUAL_RE})\\s+(?:every\\s+|each\\s+)?)?(?<cur>${CUR})?\\s?(?<![\\w.,/:#-])(?<num>${NUM})(?:[\\s-]?(?<scale>${SCALE})s?\\b|(?<short>mn|bn|m|k)\\b(?=\\s|$|[.,;)]))?` +
    `(?:\\s?(?<rsep>-|~|to|and)\\s?(?:${CUR})?(?<num2>${NUM})(?:[\\s-]?(?<scale2>${SCALE})\\b)?)?` +
    `(?<pct>\\s?(?:%|percent\\b|per cent\\b))?(?<post>\\s(?:or more|or so)\\b|\\+)?`,
  'gi',
);
const WORD_NUMS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const WORD = Object.keys(WORD_NUMS).join('|');
const EN_WORD_SCALE_RE = new RegExp(
  `(?:\\b(?<qual>${EN_QUAL_RE})\\s+)?\\b(?<w>(?:${WORD})(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?)[\\s-](?<scale>hundred|thousand|million|billion|dozen)\\b(?!s)`,
  'gi',
);
const EN_WORD_RE = /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b/gi;
const EN_VAGUE_RE =
  /\b(?:(?<mult>tens|hundreds|thousands)\s+of\s+)?(?<base>dozens|hundreds|thousands|millions|several hundred|several thousand|a few hundred|a few thousand)(?:\s+of)?\b/gi;
const EN_FRACTION_RE =
  /\b(?:(?<qual>nearly|almost|about|around|roughly|more than|over|less than|under|just over|just under|some)\s+)?(?<f>half|a third|one[- ]third|two[- ]thirds|a quarter|one[- ]quarter|three[- ]quarters|a fifth|one in (?:two|three|four|five|ten))(?=\s+(?:of|the)\b)/gi;
const FRACTIONS: Record<string, number> = { half: 0.5, 'a third': 1 / 3, 'one third': 1 / 3, 'two thirds': 2 / 3, 'a quarter': 0.25, 'one quarter': 0.25, 'three quarters': 0.75, 'a fifth': 0.2 };

const CUR_MAP: Record<string, string> = { $: 'USD', US$: 'USD', USD: 'USD', 'U.S.$': 'USD', '₩': 'KRW', KRW: 'KRW', '¥': 'CNY', RMB: 'CNY', CNY: 'CNY', '€': 'EUR', EUR: 'EUR', '£': 'GBP', GBP: 'GBP' };
const SCALE_VAL: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, dozen: 12, mn: 1e6, bn: 1e9, m: 1e6, k: 1e3 };

export function enQualifier(q: string | undefined): string | null {
  if (!q) return null;
  const t = q.toLowerCase().trim();
  for (const [re, v] of EN_QUAL) if (re.test(t)) return v;
  return null;
}

const toNum = (s: string) => Number(s.replace(/[,\u202f\u00a0\s]/g, ''));

/** Finds every number mention, sentence by sentence; overlapping readings keep the longest. */
export function findNumbers(keep: string, sentences: readonly Sentence[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (const s of sentences) {
    const slice = keep.slice(s.start, s.end);
    const all: NumberMention[] = [];
    collectEnglish(slice, all);
    if (s.lang === 'ko' || /[가-힣]/.test(slice)) collectKorean(slice, all);
    else if (s.lang === 'zh') collectChinese(slice, all);
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: NumberMention[] = [];
    for (const m of all) {
      const last = kept[kept.length - 1];
      if (last && m.start < last.end) {
        if (m.end - m.start > last.end - last.start) kept[kept.length - 1] = m;
        continue;
      }
      kept.push(m);
    }
    joinRanges(slice, kept);
    collectCjkFractions(slice, kept);
    for (const m of kept) out.push({ ...m, start: m.start + s.start, end: m.end + s.start });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** "90万到240万人", "3천~5천 명", "2 to 3 million": one range, its unit read from the second number. */
function joinRanges(slice: string, kept: NumberMention[]): void {
  for (let i = 0; i + 1 < kept.length; i++) {
    const a = kept[i]!;
    const b = kept[i + 1]!;
    if (a.unit || a.valueMax !== null || b.valueMax !== null || b.value <= a.value) continue;
    if (!/^\s?(?:到|至|~|-|–|에서|to)\s?$/.test(slice.slice(a.end, b.start))) continue;
    // "from 38 to 6,500", "38개에서 6500개로": a change between two numbers, not a range.
    if (/\bfrom\s+$/i.test(slice.slice(Math.max(0, a.start - 6), a.start)) || /^\s?(?:으로|로)/.test(slice.slice(b.end, b.end + 3))) continue;
    kept.splice(i, 2, { ...b, start: a.start, value: a.value, valueMax: b.value, qualifier: 'range', rule: `${b.rule}.range` });
  }
}

const CJK_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 百: 100 };
/** "十分之一", "3분의 1": a share. */
function collectCjkFractions(slice: string, kept: NumberMention[]): void {
  for (const m of slice.matchAll(/(?<d>\d+|[一二两三四五六七八九十百]+)\s?(?:分之|분의\s?)(?<n>\d+|[一二两三四五六七八九十]+)/g)) {
    const num = (x: string) => (/^\d+$/.test(x) ? Number(x) : x === '十' ? 10 : x === '百' ? 100 : CJK_DIGITS[x] ?? NaN);
    const d = num(m.groups!.d!);
    const n = num(m.groups!.n!);
    if (!(d > 0) || !(n > 0) || n >= d) continue;
    const start = m.index!;
    const end = start + m[0].length;
    for (let i = kept.length - 1; i >= 0; i--) if (kept[i]!.start < end && start < kept[i]!.end) kept.splice(i, 1);
    kept.push({ start, end, value: n / d, valueMax: null, qualifier: null, unit: 'share', noun: null, vague: false, digits: true, rule: 'number.cjk.fraction' });
    kept.sort((a, b) => a.start - b.start);
  }
}

function collectEnglish(keep: string, out: NumberMention[]): void {
  if (/\d/.test(keep)) collectEnglishDigits(keep, out);
  if (/hundred|thousand|million|billion|dozen/i.test(keep)) collectEnglishWords(keep, out);
  if (/half|third|quarter|fifth|one in /i.test(keep)) collectFractions(keep, out);
  if (/\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b/i.test(keep))
    for (const m of keep.matchAll(EN_WORD_RE)) {
      out.push({ start: m.index!, end: m.index! + m[0].length, value: WORD_NUMS[m[1]!.toLowerCase()]!, valueMax: null, qualifier: null, unit: null, noun: null, vague: false, digits: false, rule: 'number.en.word' });
    }
}

function collectEnglishDigits(keep: string, out: NumberMention[]): void {
  for (const m of keep.matchAll(EN_NUM_RE)) {
    const g = m.groups!;
    // "5G", "4th", "MiG29": letters glued to the number make it a name or an ordinal.
    const numEnd = m.index! + m[0].indexOf(g.num!) + g.num!.length;
    if (!g.scale && !g.short && /^[A-Za-z]/.test(keep.slice(numEnd)) && !/^(?:km|m|mi|ft|yd|kg)\b/.test(keep.slice(numEnd))) continue;
    let value = toNum(g.num!);
    if (!Number.isFinite(value)) continue;
    const scale = g.scale ?? (g.cur || g.short === 'bn' || g.short === 'mn' ? g.short : undefined);
    if (!scale && g.short) continue; // "12m" without a currency is more likely metres: leave to the unit reader
    if (scale) value *= SCALE_VAL[scale.toLowerCase()]!;
    let valueMax: number | null = null;
    let end = m.index! + m[0].length;
    const at = m.index! + m[0].search(/\S/);
    const rangeOk = g.num2 && !(g.rsep === 'and' && !/\bbetween\s+$/i.test(keep.slice(Math.max(0, at - 10), at)));
    const fromTo = g.rsep === 'to' && /\bfrom\s+(?:\S+\s+)?$/i.test(keep.slice(Math.max(0, at - 20), at));
    if (g.num2 && (!rangeOk || fromTo)) {
      // "from 38 to 6,500" or "2,000 and 3,000 people": two numbers, not a range.
      const sepAt = m[0].search(/\s?(?:-|\bto\b|\band\b)\s?(?:US\$|USD|\$|₩|KRW|¥|RMB|CNY|€|EUR|£|GBP)?\s?\d/i);
      end = m.index! + (sepAt >= 0 ? sepAt : m[0].length);
    } else if (g.num2) {
      valueMax = toNum(g.num2) * (g.scale2 ? SCALE_VAL[g.scale2.toLowerCase()]! : scale ? SCALE_VAL[scale.toLowerCase()]! : 1);
    }
    // "approximately every 328 yards": the qualifier counts, "every" stays outside for the metric reader.
    const every = /^\S+(?:\s\S+)?\s+(?:every|each)\s+/i.exec(m[0]);
    const start = m.index! + (every && g.qual ? every[0].length : g.qual ? 0 : m[0].search(/\S/));
    let qualifier = enQualifier(g.qual ?? g.post);
    if (valueMax !== null) qualifier = 'range';
    const unit = g.pct ? 'percent' : g.cur ? CUR_MAP[g.cur.replace(/\s/g, '')] ?? 'currency' : null;
    out.push({ start, end, value, valueMax, qualifier, unit, noun: null, vague: false, digits: true, rule: 'number.en.digits' });
    if (g.num2 && (!rangeOk || fromTo)) {
      const s2 = m.index! + m[0].lastIndexOf(g.num2);
      out.push({ start: s2, end: s2 + g.num2.length, value: toNum(g.num2), valueMax: null, qualifier: null, unit, noun: null, vague: false, digits: true, rule: 'number.en.digits' });
    }
  }
}

function collectEnglishWords(keep: string, out: NumberMention[]): void {
  for (const m of keep.matchAll(EN_WORD_SCALE_RE)) {
    const g = m.groups!;
    const parts = g.w!.toLowerCase().split(/[\s-]/);
    const base = parts.reduce((a, p) => a + (WORD_NUMS[p] ?? 0), 0);
    out.push({ start: m.index!, end: m.index! + m[0].length, value: base * SCALE_VAL[g.scale!.toLowerCase()]!, valueMax: null, qualifier: enQualifier(g.qual), unit: null, noun: null, vague: false, digits: true, rule: 'number.en.words-scale' });
  }
  for (const m of keep.matchAll(EN_VAGUE_RE)) {
    const g = m.groups!;
    const base = g.base!.toLowerCase();
    let v = base.includes('dozen') ? 12 : base.includes('hundred') ? 100 : base.includes('thousand') ? 1000 : 1e6;
    if (g.mult) v *= g.mult.toLowerCase() === 'tens' ? 10 : g.mult.toLowerCase() === 'hundreds' ? 100 : 1000;
    out.push({ start: m.index!, end: m.index! + m[0].length, value: v, valueMax: null, qualifier: 'more_than', unit: null, noun: null, vague: true, digits: false, rule: 'number.en.vague' });
  }
}

function collectFractions(keep: string, out: NumberMention[]): void {
  for (const m of keep.matchAll(EN_FRACTION_RE)) {
    const g = m.groups!;
    const f = g.f!.toLowerCase().replace('-', ' ');
    const oneIn = /^one in (\w+)/.exec(f);
    const v = oneIn ? 1 / (WORD_NUMS[oneIn[1]!] ?? 1) : FRACTIONS[f];
    if (!v) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, value: v, valueMax: null, qualifier: enQualifier(g.qual), unit: 'share', noun: null, vague: true, digits: false, rule: 'number.en.fraction' });
  }
}
