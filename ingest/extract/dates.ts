import { parsePublished } from './date-resolve.ts';
import { findCjkDates } from './dates-cjk.ts';
import { findEnglishDates } from './dates-en.ts';
import type { Candidate, DateMention, DateValue } from './types.ts';
import { normName } from './text.ts';

/** All date mentions of a text, overlapping readings resolved to the longest one. */
export function findDateMentions(keep: string, published: string | null | undefined): DateMention[] {
  const pub = parsePublished(published);
  const all = [...findEnglishDates(keep, pub), ...findCjkDates(keep, pub)];
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateMention[] = [];
  for (const m of all) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      if (m.end - m.start > last.end - last.start) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return inheritMonths(keep, out);
}

const BARE_DAY = new Set(['date.ko.d', 'date.zh.d']);
/** "지난달 9일과 12일", "10月9日和12日": a bare day joined to a full date shares its month. */
function inheritMonths(keep: string, mentions: DateMention[]): DateMention[] {
  for (let i = 1; i < mentions.length; i++) {
    const m = mentions[i]!;
    const prev = mentions[i - 1]!;
    if (!BARE_DAY.has(m.rule) || !prev.value || prev.value.length !== 10) continue;
    if (!/^\s?(?:과|와|및|,|、|和|至|到|~|-|·)\s?$/.test(keep.slice(prev.end, m.start))) continue;
    const day = /\d{1,2}/.exec(m.text)?.[0];
    if (!day) continue;
    const value = `${prev.value.slice(0, 8)}${day.padStart(2, '0')}`;
    if (!Number.isNaN(Date.parse(value)) && new Date(value).getUTCDate() === Number(day)) mentions[i] = { ...m, value, approx: prev.approx, rule: `${m.rule}.joined` };
  }
  return mentions;
}

/** One candidate per (value, qualifier); unresolved dates per written form. */
export function dateCandidates(mentions: DateMention[]): Candidate<DateValue>[] {
  const byKey = new Map<string, Candidate<DateValue>>();
  for (const m of mentions) {
    const key = m.value ? `${m.value}|${m.qualifier}` : `?${normName(m.text)}`;
    const span = { start: m.start, end: m.end, quote: m.text };
    const c = byKey.get(key);
    if (c) {
      c.spans.push(span);
      continue;
    }
    const value: DateValue = { text: m.text, value: m.value, approx: m.approx, qualifier: m.qualifier };
    if (m.unresolved) value.unresolved = m.unresolved;
    byKey.set(key, { value, rule: m.rule, spans: [span] });
  }
  return [...byKey.values()];
}
