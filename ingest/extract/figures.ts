import { sentenceQuality } from './linking.ts';
import { classify, unitKind } from './metrics.ts';
import { isJunkNumber, readUnit } from './quantities.ts';
import { clauseOf, clauseStarts } from './text.ts';
import type { Candidate, DateMention, FigureValue, NumberMention, Sentence } from './types.ts';

/**
 * Figures: numbers that state how many (people, money, length, installations), with the metric read
 * from the sentence, the qualifier written with the number and the period from the nearest date.
 * Junk numbers (years, dates, ages, times, ordinals, phone numbers, durations) are dropped, and so
 * are numbers nothing in the sentence says what they count.
 */

const COREF = /\b(?:that|this|the) (?:number|figure|total|tally)\b|\bthe number of\b|그 수|이 수치|이 숫자|该数字|这一数字/i;
const SMALL_COUNT = 10;
/** A percentage that changes or shares: "72.4% 줄어", "15% 증가", "70%를 차지", "fell 20%", "下降30%", "占72%". */
const CHANGE_AFTER = /^\s?(?:가량|정도|나|가|이|를|을)?\s?(?:줄어|감소|증가|늘어|늘었|줄었|하락|상승|차지|급감|급증)|^\s?(?:decrease|increase|drop|decline|rise|fall|jump|plunge)|^\s?(?:下降|增加|减少|增长|上升)|占/;
const NUMBER_OF =
  /\bnumber of ((?:[\w’'-]+\s+){0,3}?(?:defectors|refugees|North Koreans|people|escapees|detainees|prisoners|women|workers|migrants|returnees))\b/i;

export interface FigureFinding {
  value: FigureValue;
  rule: string;
  sentence: Sentence;
}

/**
 * `eventCounts` holds "sentenceStart:count" for every event found with a head count: the number of
 * people one event concerns is that event's count, not a statistic.
 */
export function findFigures(keep: string, sentences: Sentence[], numbers: NumberMention[], dates: DateMention[], eventCounts: ReadonlySet<string> = new Set()): FigureFinding[] {
  const out: FigureFinding[] = [];
  let lastMetric: { metric: string; unit: string; at: number } | null = null;
  let ni = 0;
  let di = 0;
  sentences.forEach((s, si) => {
    while (ni < numbers.length && numbers[ni]!.start < s.start) ni++;
    while (di < dates.length && dates[di]!.start < s.start) di++;
    const nums: NumberMention[] = [];
    for (let k = ni; k < numbers.length && numbers[k]!.start < s.end; k++) nums.push(numbers[k]!);
    const ds: DateMention[] = [];
    for (let k = di; k < dates.length && dates[k]!.start < s.end; k++) ds.push(dates[k]!);
    if (!nums.length) return;
    const text = keep.slice(s.start, s.end);
    const clauses = clauseStarts(text);
    const accepted: FigureFinding[] = [];
    for (const n of nums) {
      if (ds.some((d) => d.start < n.end && n.start < d.end)) continue;
      if (eventCounts.has(`${s.start}:${n.value}`)) continue;
      const f = readFigure(keep, s, text, clauses, n, ds, lastMetric && si - lastMetric.at <= 2 ? lastMetric : null, accepted.length > 0);
      if (!f) continue;
      accepted.push({ value: f.value, rule: f.rule, sentence: s });
      lastMetric = { metric: f.value.metric, unit: f.value.unit, at: si };
    }
    out.push(...accepted);
  });
  return out;
}

function readFigure(
  keep: string,
  s: Sentence,
  text: string,
  clauses: number[],
  n: NumberMention,
  dates: DateMention[],
  prev: { metric: string; unit: string } | null,
  hasEarlierFigure: boolean,
): { value: FigureValue; rule: string } | null {
  // "10대 청소년": an age bracket, not ten people.
  if (/\d0\s?대$/.test(keep.slice(n.start, n.end)) && n.value <= 90) return null;
  const { unit: readU, noun } = readUnit(keep, n, s.start);
  const unit = n.unit === 'percent' ? 'percent' : readU;
  if (isJunkNumber(keep, n, unit)) return null;
  if (!n.digits && !n.vague) return null; // "three women": a count for events, not a figure
  const rs = n.start - s.start;
  const re = n.end - s.start;
  const ci = clauseOf(clauses, rs);
  const lo = clauses[ci]!;
  const hi = clauses[ci + 1] ?? text.length;
  const kind = unitKind(unit);
  const cls = classify(text, rs, re, kind, lo, hi);
  let metric: string | null = null;
  let outUnit = unit;
  let rule = `figure.${s.lang}`;

  if (n.unit === 'share' || unit === 'percent') {
    // Fractions restating another figure ("12 million North Koreans, nearly half of the population") add nothing.
    if (n.unit === 'share' && hasEarlierFigure && /,\s*$/.test(text.slice(0, rs))) return null;
    const of = /^\s*(?:of\s+(?:the\s+|all\s+)?)?([\w’'-]+(?:\s+[\w’'-]+){0,3}?)(?=[\s,.;]|$)/.exec(text.slice(re));
    const change = CHANGE_AFTER.exec(text.slice(re, re + 14));
    if (cls && cls.cls.needs.includes('share')) metric = cls.cls.metric;
    else if (of && /^\s*of\b/.test(text.slice(re))) metric = `share of ${of[1]}`;
    else if (change) metric = /차지|占/.test(change[0]) ? 'share' : 'percent change';
    // "women and men account for 85% and 15%, respectively": shares of the whole.
    else if (/\b(?:account(?:ed|s)?\s+for|make\s+up|made\s+up|makes\s+up|represent(?:ed|s)?|comprise[ds]?)\b[^.;]{0,40}$/i.test(text.slice(lo, rs)) || /^[^.;]{0,40}\brespectively\b/i.test(text.slice(re))) metric = 'share';
    else if (/的$/.test(text.slice(Math.max(0, rs - 1), rs))) metric = `share of ${text.slice(Math.max(lo, rs - 8), rs - 1)}`;
    else return null;
    outUnit = n.unit === 'share' ? 'share' : 'percent';
    rule += '.share';
  } else if (kind === 'money') {
    if (!cls || n.vague) return null; // "Every £20 could give Bibles…": money with no cost/fee/earnings context
    // "브로커 비용", "broker fees": the fee class wins over the generic cost word next to the number.
    const broker = cls.cls.id === 'cost' && /\bbrokers?\b|smuggler|브로커|中介|蛇头/i.test(text.slice(lo, hi));
    metric = broker ? 'broker fee' : cls.cls.metric;
    rule += `.${broker ? 'broker' : cls.cls.id}`;
  } else if (kind === 'length') {
    if (!cls) return null;
    metric = cls.cls.metric;
    rule += `.${cls.cls.id}`;
  } else if (kind === 'count') {
    // "一个拘留所", "四个家庭": an article or a small tally of the story, not a statistic.
    if (n.value < 2 || (n.value < SMALL_COUNT && !/\d/.test(keep.slice(n.start, n.end)))) return null;
    metric = cls?.cls.metric ?? unit!;
    rule += `.${cls?.cls.id ?? 'count'}`;
  } else if (kind === 'persons' || noun) {
    outUnit = unit ?? 'persons';
    if (cls && cls.distance < 1000) {
      metric = cls.cls.metric;
      rule += `.${cls.cls.id}`;
    } else if (noun) {
      metric = noun;
      rule += '.noun';
    } else if (cls) {
      metric = cls.cls.metric;
      rule += `.${cls.cls.id}`;
    } else if (prev && prev.unit === 'persons') {
      // "2019년에는 1,047명이었다": the metric of the figure just before.
      metric = prev.metric;
      rule += '.coreference';
    } else {
      metric = 'persons';
      rule += '.persons';
    }
    if (n.value < SMALL_COUNT && !(cls?.cls.strong && /\b(?:only|just)\b|불과|겨우/.test(text.slice(Math.max(0, rs - 12), rs)))) return null;
    // "hundreds", "수백 명", "数千人": an order of magnitude, not a number anyone counted.
    if (n.vague) return null;
  } else {
    // A bare number: keep it only when the sentence says what is counted.
    if (n.vague) return null;
    const numberOf = NUMBER_OF.exec(text);
    if (cls && cls.cls.strong && cls.distance < 1000) {
      metric = cls.cls.metric;
      outUnit = cls.cls.unit ?? 'persons';
      rule += `.${cls.cls.id}.bare`;
    } else if (numberOf) {
      metric = numberOf[1]!;
      outUnit = 'persons';
      rule += '.number-of';
    } else if (prev && COREF.test(text)) {
      metric = prev.metric;
      outUnit = prev.unit;
      rule += '.coreference';
    } else return null;
    if (n.value < 2) return null;
  }
  if (!metric || !outUnit) return null;
  const period = nearestDate(dates, n, s, clauses);
  const value: FigureValue = {
    metric,
    value: n.value,
    valueMax: n.valueMax,
    unit: outUnit,
    period: period?.value ?? null,
    periodText: period?.text ?? null,
    qualifier: n.qualifier,
  };
  return { value, rule };
}

/** The date nearest a number, preferring its own clause; dates in parentheses or captions count too. */
export function nearestDate(dates: DateMention[], n: { start: number; end: number }, s: Sentence, clauses: number[]): DateMention | null {
  let best: DateMention | null = null;
  let bestD = Infinity;
  const ci = clauseOf(clauses, n.start - s.start);
  for (const d of dates) {
    if (d.end <= s.start || d.start >= s.end) continue;
    const dist = d.start >= n.end ? d.start - n.end : n.start - d.end;
    const penalty = clauseOf(clauses, d.start - s.start) === ci ? 0 : 200;
    if (dist + penalty < bestD) {
      bestD = dist + penalty;
      best = d;
    }
  }
  return best;
}

/**
 * Same value, range, unit and period stated twice: one candidate with several spans. A restatement
 * without a period (a headline) joins the dated statement of the same value and metric.
 */
export function figureCandidates(found: FigureFinding[]): Candidate<FigureValue>[] {
  const out: Candidate<FigureValue>[] = [];
  for (const f of found) {
    const v = f.value;
    const span = { start: f.sentence.start, end: f.sentence.end, quote: f.sentence.text };
    const c = out.find((x) => {
      const w = x.value;
      if (w.value !== v.value || (w.valueMax ?? null) !== (v.valueMax ?? null) || w.unit !== v.unit) return false;
      const pw = w.period ?? w.periodText ?? null;
      const pv = v.period ?? v.periodText ?? null;
      return pw === pv || ((pw === null || pv === null) && w.metric === v.metric);
    });
    if (!c) {
      out.push({ value: v, rule: f.rule, spans: [span] });
      continue;
    }
    if (c.spans.some((x) => x.start === span.start)) continue;
    if (sentenceQuality(f.sentence.text) > sentenceQuality(c.spans[0]!.quote) && (v.period ?? null) === (c.value.period ?? null)) {
      // A headline stated the figure first; the full sentence is the better citation.
      c.spans.unshift(span);
      c.rule = f.rule;
    } else if (c.value.period === null && c.value.periodText == null && (v.period !== null || v.periodText)) {
      // The dated statement is the better citation and carries the period.
      c.value = { ...c.value, period: v.period, periodText: v.periodText ?? null };
      c.spans.unshift(span);
      c.rule = f.rule;
    } else c.spans.push(span);
  }
  return out;
}
