import { isValidIsoPrefix, type PartialDate } from '../../domain/partial-date.ts';

/**
 * Publication dates written the ways our sources write them. We parse these ourselves instead of
 * with a general-purpose date parser because those also accept "September 11" (guessing the year),
 * "last Tuesday" and the like, and a wrong date on a source is worse than none.
 *
 * Numeric day-first/month-first forms (08/09/2023, 08.09.2023) are deliberately not recognised:
 * whether that is 8 September or 9 August depends on the publisher's locale, which we cannot know.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ORD = '(?:st|nd|rd|th)?';

type Match = { value: string; index: number; length: number };
type Pattern = { re: RegExp; build: (m: RegExpExecArray) => [number, number?, number?] };

const PATTERNS: Pattern[] = [
  // 2023-09-08, 2023-09-08T10:00:00+09:00, 2023/09/08, 2023.09.08, 2023. 9. 8.
  { re: /(?<!\d)(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)\.?/, build: (m) => [+m[1]!, +m[3]!, +m[4]!] },
  {
    re: /(?<!\d)(\d{4})\s*년\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?/,
    build: (m) => [+m[1]!, +m[2]!, m[3] ? +m[3] : undefined],
  },
  {
    re: /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?/,
    build: (m) => [+m[1]!, +m[2]!, m[3] ? +m[3] : undefined],
  },
  {
    re: new RegExp(`(?<!\\d)(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})(?!\\d)`, 'i'),
    build: (m) => [+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!],
  },
  {
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})(?!\\d)`, 'i'),
    build: (m) => [+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!],
  },
  // "September 2023" on a report cover: month precision is all the source gives.
  { re: new RegExp(`\\b${MONTH},?\\s+(\\d{4})(?!\\d)`, 'i'), build: (m) => [+m[2]!, MONTHS[m[1]!.toLowerCase()]!] },
];

const pad = (n: number) => String(n).padStart(2, '0');

function toIso([y, mo, d]: [number, number?, number?]): string | null {
  if (y < 1000 || y > 9999) return null;
  const value = mo === undefined ? String(y) : d === undefined ? `${y}-${pad(mo)}` : `${y}-${pad(mo)}-${pad(d)}`;
  return isValidIsoPrefix(value) ? value : null;
}

/** The earliest date in the text (the longest form when two start at the same place). */
function findDate(text: string): Match | null {
  let best: Match | null = null;
  for (const { re, build } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const value = toIso(build(m));
    if (!value) continue;
    if (!best || m.index < best.index || (m.index === best.index && m[0].length > best.length)) {
      best = { value, index: m.index, length: m[0].length };
    }
  }
  return best;
}

/** A date anywhere in a short metadata value (meta tag, front matter, JSON-LD). */
export function parseDateValue(raw: string): PartialDate | null {
  const text = raw.trim();
  // ISO timestamps keep the publisher's calendar day: converting to UTC would move late-evening
  // Seoul articles to the previous day.
  const found = text.length <= 100 ? findDate(text) : null;
  return found ? { value: found.value, qualifier: 'exact' } : null;
}

const PUBLISHED_LABEL =
  /^(?:published|posted|date|dated|released|issued|first published|입력|기사입력|등록|작성|게시|发布时间|发布日期|发布|发表|日期|时间)\s*(?:on|at)?\s*[:：]?\s*/i;
const UPDATED_LABEL =
  /^(?:last\s+)?(?:updated|modified|revised|수정|최종\s*수정|更新时间|更新)\s*(?:on|at)?\s*[:：]?\s*/i;
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*/i;
const TIME_AND_ZONE =
  /^[\s,|·-]*(?:at\s+)?(?:(?:오전|오후)\s*)?(?:T?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4}|UTC|GMT)?)?\s*[|·]?\s*$/i;

export type DateLine = { date: PartialDate; label: 'published' | 'updated' | 'none' };

/**
 * Reads a line that *is* a dateline ("08 September 2023", "Published: 2023-09-08 10:30 KST",
 * "Updated Fri, Sept. 8, 2023"), not a sentence that happens to contain a date: everything around
 * the date must be a label, a weekday or a time.
 */
export function parseDateLine(line: string): DateLine | null {
  let rest = line.trim();
  if (rest.length === 0 || rest.length > 80) return null;
  let label: DateLine['label'] = 'none';
  const updated = UPDATED_LABEL.exec(rest);
  const published = updated ? null : PUBLISHED_LABEL.exec(rest);
  if (updated) label = 'updated';
  else if (published && published[0].length > 0) label = 'published';
  rest = rest.slice((updated ?? published)?.[0].length ?? 0).replace(WEEKDAY, '');
  const found = findDate(rest);
  if (!found) return null;
  if (rest.slice(0, found.index).trim() !== '') return null;
  if (!TIME_AND_ZONE.test(rest.slice(found.index + found.length))) return null;
  return { date: { value: found.value, qualifier: label === 'updated' ? 'approximate' : 'exact' }, label };
}

/**
 * Publication date from the header block of a plain-text copy of an article: the first few
 * non-empty lines. Saved web pages and news copies put the dateline right under the headline;
 * further down, dates belong to events, photo captions and quotes ("April 14, 2017" under a photo),
 * and taking one of those as the publication date would silently misdate the source.
 *
 * A "last updated" line is only used when there is no publication line, and marked approximate:
 * the article was published on or before that day.
 */
export function findHeaderDate(lines: readonly string[], maxLines = 6): PartialDate | null {
  let fallback: PartialDate | null = null;
  let seen = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (++seen > maxLines) break;
    const d = parseDateLine(line);
    if (!d) continue;
    if (d.label !== 'updated') return d.date;
    fallback ??= d.date;
  }
  return fallback;
}
