import type { DateMention, DateQualifier } from './types.ts';

/**
 * Calendar arithmetic for relative dates. Everything resolves against the publication date and
 * never guesses: without the needed part of the publication date the value stays null and
 * `unresolved` says why.
 */

export interface Pub {
  y: number;
  m: number | null;
  d: number | null;
}

export function parsePublished(s: string | null | undefined): Pub | null {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(s.trim());
  if (!m) return null;
  return { y: Number(m[1]), m: m[2] ? Number(m[2]) : null, d: m[3] ? Number(m[3]) : null };
}

const pad = (n: number) => String(n).padStart(2, '0');
export const iso = (y: number, m?: number | null, d?: number | null): string =>
  m == null ? String(y) : d == null ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;

export function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export interface Resolved {
  value: string | null;
  unresolved?: string;
}

export const NO_PUB = 'relative date and no publication date';
export const NO_PUB_YEAR = 'year not stated and no publication date';
export const NO_PUB_MONTH = 'publication month unknown';
export const NO_PUB_DAY = 'publication day unknown';

export function relYear(pub: Pub | null, delta: number): Resolved {
  return pub ? { value: iso(pub.y + delta) } : { value: null, unresolved: NO_PUB };
}

export function relMonth(pub: Pub | null, delta: number): Resolved {
  if (!pub) return { value: null, unresolved: NO_PUB };
  if (pub.m == null) return { value: null, unresolved: NO_PUB_MONTH };
  const t = pub.y * 12 + (pub.m - 1) + delta;
  return { value: iso(Math.floor(t / 12), (t % 12) + 1) };
}

export function relDay(pub: Pub | null, delta: number, precision: 'day' | 'month' = 'day'): Resolved {
  if (!pub) return { value: null, unresolved: NO_PUB };
  if (pub.m == null || pub.d == null) return { value: null, unresolved: NO_PUB_DAY };
  const t = new Date(Date.UTC(pub.y, pub.m - 1, pub.d + delta));
  return { value: iso(t.getUTCFullYear(), t.getUTCMonth() + 1, precision === 'day' ? t.getUTCDate() : null) };
}

/**
 * Year of a month named without one ("in January", "October 9", "10월 9일"): the publication year,
 * or the year before when the month lies more than a month after publication (news reports the past).
 * `dir` forces the past ("last January", "지난 3월") or the future ("next May", "오는 5월").
 */
export function yearForMonth(pub: Pub | null, month: number, dir: 'past' | 'future' | 'near' = 'near'): number | null {
  if (!pub) return null;
  if (pub.m == null) return dir === 'past' || dir === 'future' ? null : pub.y;
  if (dir === 'past') return month <= pub.m ? pub.y : pub.y - 1;
  if (dir === 'future') return month >= pub.m ? pub.y : pub.y + 1;
  return month > pub.m + 1 ? pub.y - 1 : pub.y;
}

/** Day of the month named alone ("지난 9일", "9日"): this month or, for past days, the previous one. */
export function dayOnly(pub: Pub | null, day: number, dir: 'past' | 'future' | 'near'): Resolved {
  if (!pub) return { value: null, unresolved: NO_PUB };
  if (pub.m == null || pub.d == null) return { value: null, unresolved: NO_PUB_DAY };
  let y = pub.y;
  let m = pub.m;
  const back = dir === 'past' ? day > pub.d : dir === 'near' ? day > pub.d + 7 : false;
  const fwd = dir === 'future' && day < pub.d;
  if (back) [y, m] = m === 1 ? [y - 1, 12] : [y, m - 1];
  if (fwd) [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  if (!validDay(y, m, day)) return { value: null, unresolved: 'no such day' };
  return { value: iso(y, m, day) };
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** "on Tuesday" in a news report: the latest such weekday on or before publication. */
export function weekday(pub: Pub | null, name: string, strictlyBefore: boolean): Resolved {
  if (!pub) return { value: null, unresolved: NO_PUB };
  if (pub.m == null || pub.d == null) return { value: null, unresolved: NO_PUB_DAY };
  const target = WEEKDAYS.indexOf(name.toLowerCase());
  const t = new Date(Date.UTC(pub.y, pub.m - 1, pub.d));
  let back = (t.getUTCDay() - target + 7) % 7;
  if (back === 0 && strictlyBefore) back = 7;
  return relDay(pub, -back);
}

export const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
export const monthNum = (s: string): number => MONTHS[s.toLowerCase().replace('.', '').slice(0, s.toLowerCase().startsWith('sept') ? 4 : 3)] ?? 0;

export function mention(
  start: number,
  end: number,
  text: string,
  r: Resolved,
  qualifier: DateQualifier,
  rule: string,
): DateMention {
  return {
    start,
    end,
    text: text.slice(start, end),
    value: r.value,
    approx: qualifier !== 'exact' || r.value === null,
    qualifier,
    ...(r.unresolved ? { unresolved: r.unresolved } : {}),
    rule,
  };
}
