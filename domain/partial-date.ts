import { z } from 'zod';

/**
 * Dates in human-rights reporting are rarely exact: "early October", "last year", "before 2019".
 * A PartialDate keeps the precision the source gave (an ISO prefix) and a qualifier, and
 * derives an inclusive day interval [lo, hi] that sorting and range queries use.
 */
export const DATE_QUALIFIERS = ['exact', 'approximate', 'before', 'after'] as const;
export type DateQualifier = (typeof DATE_QUALIFIERS)[number];

export const ISO_PREFIX = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

export const MIN_DAY = '0001-01-01';
export const MAX_DAY = '9999-12-31';

export const partialDateSchema = z
  .object({
    value: z.string().regex(ISO_PREFIX, 'expected an ISO date prefix: YYYY, YYYY-MM or YYYY-MM-DD'),
    qualifier: z.enum(DATE_QUALIFIERS).default('exact'),
  })
  .refine((d) => isValidIsoPrefix(d.value), { message: 'no such calendar day' });
export type PartialDate = z.infer<typeof partialDateSchema>;

export const dateRangeSchema = z
  .object({ start: partialDateSchema.nullable(), end: partialDateSchema.nullable() })
  .refine((r) => !r.start || !r.end || interval(r.start).lo <= interval(r.end).hi, {
    message: 'range ends before it starts',
  });
export type DateRange = z.infer<typeof dateRangeSchema>;

export type Precision = 'year' | 'month' | 'day';

export function precisionOf(value: string): Precision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidIsoPrefix(value: string): boolean {
  const m = ISO_PREFIX.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (Number(y) < 1) return false;
  if (d !== undefined) return Number(d) <= daysInMonth(Number(y), Number(mo));
  return true;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day covered by an ISO prefix, ignoring the qualifier. */
export function span(value: string): { lo: string; hi: string } {
  const m = ISO_PREFIX.exec(value);
  if (!m || !isValidIsoPrefix(value)) throw new RangeError(`not an ISO date prefix: ${value}`);
  const [, y, mo, d] = m as unknown as [string, string, string | undefined, string | undefined];
  if (d !== undefined) return { lo: value, hi: value };
  if (mo !== undefined) return { lo: `${y}-${mo}-01`, hi: `${y}-${mo}-${pad(daysInMonth(Number(y), Number(mo)))}` };
  return { lo: `${y}-01-01`, hi: `${y}-12-31` };
}

/**
 * The interval of days the date may denote. "before 2019" may be any day up to the end of 2018,
 * so it is open to the left; "approximate" keeps the span of its prefix (the prefix already says
 * how coarse it is, and widening it further would make every range query fuzzy).
 */
export function interval(date: PartialDate): { lo: string; hi: string } {
  const s = span(date.value);
  switch (date.qualifier) {
    case 'exact':
    case 'approximate':
      return s;
    case 'before':
      return { lo: MIN_DAY, hi: previousDay(s.lo) };
    case 'after':
      return { lo: nextDay(s.hi), hi: MAX_DAY };
  }
}

function shiftDay(day: string, delta: number): string {
  if (day === MIN_DAY && delta < 0) return MIN_DAY;
  if (day === MAX_DAY && delta > 0) return MAX_DAY;
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + delta);
  return t.toISOString().slice(0, 10).padStart(10, '0');
}
export const previousDay = (day: string) => shiftDay(day, -1);
export const nextDay = (day: string) => shiftDay(day, 1);

/** Interval of a range; a missing end is open. */
export function rangeInterval(range: DateRange): { lo: string; hi: string } {
  return {
    lo: range.start ? interval(range.start).lo : MIN_DAY,
    hi: range.end ? interval(range.end).hi : range.start ? interval(range.start).hi : MAX_DAY,
  };
}

const QUALIFIER_ORDER: Record<DateQualifier, number> = { before: 0, exact: 1, approximate: 2, after: 3 };

/** Total order: by first possible day, then last possible day (narrower first), then qualifier. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const ia = interval(a);
  const ib = interval(b);
  if (ia.lo !== ib.lo) return ia.lo < ib.lo ? -1 : 1;
  if (ia.hi !== ib.hi) return ia.hi < ib.hi ? -1 : 1;
  const q = QUALIFIER_ORDER[a.qualifier] - QUALIFIER_ORDER[b.qualifier];
  if (q !== 0) return q;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/** True when the date may fall within [from, to] (both inclusive day strings). */
export function overlaps(date: { lo: string; hi: string }, from: string, to: string): boolean {
  return date.lo <= to && date.hi >= from;
}

/** Parse "2023", "2023-10", "~2023-10", "<2019", ">2019" (the compact form used by the CLI and query syntax). */
export function parsePartialDate(text: string): PartialDate {
  const t = text.trim();
  const prefix = t[0];
  const qualifier: DateQualifier =
    prefix === '~' ? 'approximate' : prefix === '<' ? 'before' : prefix === '>' ? 'after' : 'exact';
  const value = qualifier === 'exact' ? t : t.slice(1);
  const parsed = partialDateSchema.safeParse({ value, qualifier });
  if (!parsed.success) throw new RangeError(`not a partial date: "${text}"`);
  return parsed.data;
}

export function formatPartialDate(d: PartialDate): string {
  const mark = { exact: '', approximate: '~', before: '<', after: '>' }[d.qualifier];
  return `${mark}${d.value}`;
}
