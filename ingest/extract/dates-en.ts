import {
  iso,
  mention,
  monthNum,
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
import type { DateMention, DateQualifier } from './types.ts';

/** English dates: absolute forms, month/day without year, relative expressions and their modifiers. */

const M =
  '(?<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const Y = '(?<y>(?:19|20)\\d{2})';
const D = '(?<d>\\d{1,2})(?:st|nd|rd|th)?';

const RES: [RegExp, string][] = [
  [new RegExp(`\\b${M}\\s+${D},?\\s+${Y}\\b`, 'g'), 'date.en.mdy'],
  [new RegExp(`\\b${D}\\s+(?:of\\s+)?${M},?\\s+${Y}\\b`, 'g'), 'date.en.dmy'],
  [new RegExp(`\\b${Y}-(?<mo>\\d{2})-(?<d2>\\d{2})\\b`, 'g'), 'date.iso'],
  [new RegExp(`\\b${Y}[./]\\s?(?<mo>\\d{1,2})[./]\\s?(?<d2>\\d{1,2})\\b`, 'g'), 'date.dotted'],
  [new RegExp(`\\b${M},?\\s+${Y}\\b`, 'g'), 'date.en.my'],
  [new RegExp(`\\b${M}\\s+(?:of\\s+)?(?<rel>last|this|next)\\s+year\\b`, 'g'), 'date.en.month-rel-year'],
  [new RegExp(`\\b${M}\\s+${D}\\b(?!,?\\s*\\d)`, 'g'), 'date.en.md'],
  [new RegExp(`\\b${D}\\s+(?:of\\s+)?${M}\\b(?!,?\\s+\\d{4})`, 'g'), 'date.en.dm'],
  [new RegExp(`(?<![\\d,.$#/-])\\b${Y}\\s?(?:-|to|through|until)\\s?(?<y2>(?:19|20)\\d{2})\\b`, 'g'), 'date.en.year-range'],
  [new RegExp(`(?<![\\d,.$#/]|\\d-)\\b${Y}\\b(?!\\d|,\\d{3}|-\\d|\\s?년대|年代|\\s+(?:people|persons|North Koreans|defectors|refugees|women|men|cases|km|meters|yards)\\b)`, 'g'), 'date.en.year'],
  [new RegExp(`\\b${M}\\b`, 'g'), 'date.en.month'],
  [/\b(?<rel>last|this|next|previous|the previous|the following|the coming)\s+(?<unit>year|month|week)\b/gi, 'date.en.relative'],
  [/\b(?<mod2>earlier|later|early|late|mid-?)\s*(?<rel>this|last|next)\s+(?<unit>year|month|week)\b/gi, 'date.en.relative'],
  [/\b(?<yd>yesterday)\b/gi, 'date.en.yesterday'],
  // A weekday alone ("told VOA Monday", "at a Thursday briefing") in a news report is the latest one before publication.
  [/(?:\b(?<on>on|last|this past)\s+)?\b(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, 'date.en.weekday'],
  [/\bthe\s+(?<d>\d{1,2})(?:st|nd|rd|th)\s+of\s+(?<rel>this|last|next|the previous|the same)\s+month\b/gi, 'date.en.day-of-rel-month'],
  [/\b(?<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+(?<unit>year|month|week|day|decade)s?\s+ago\b/gi, 'date.en.ago'],
];

const PRE_MOD =
  /(?:\b(?<mod>early|earlier in|mid|middle of|late|later in|the end of|end of|the beginning of|beginning of|the start of|start of|the first half of|the second half of|around|about|circa|c\.|before|prior to|after|since|until|till|from|in|on|by|during|of|last|this|next)[\s-]+)(?:the\s+)?$/i;
const WORD_N: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, 'a few': 3, several: 3 };

function qualifierFor(mod: string | undefined): DateQualifier {
  if (!mod) return 'exact';
  const m = mod.toLowerCase();
  if (/^(?:before|prior to|until|till)$/.test(m)) return 'before';
  if (m === 'after') return 'after';
  if (/^(?:in|on|by|during|of|last|this|next|from)$/.test(m)) return 'exact';
  return 'approximate'; // early, mid, late, around, since…
}

export function findEnglishDates(keep: string, pub: Pub | null): DateMention[] {
  const out: DateMention[] = [];
  for (const [re, rule] of RES) {
    re.lastIndex = 0;
    for (const m of keep.matchAll(re)) {
      const g = m.groups ?? {};
      let start = m.index!;
      const end = start + m[0].length;
      const before = keep.slice(Math.max(0, start - 28), start);
      const pm = PRE_MOD.exec(before);
      const mod = pm?.groups?.mod;
      if (rule === 'date.en.month' && (!mod || (g.mon === 'May' && !/^(?:in|since|until|by|from|during|early|mid|late|last|this|next|of)$/i.test(mod)))) continue;
      if (rule === 'date.en.month' && /^(?:March|May)$/.test(g.mon!) && /^(?:on|by)$/i.test(mod ?? '')) continue;
      let q = qualifierFor(mod ?? g.mod2);
      if (pm && q !== 'exact') start -= pm[0].length;
      const r = resolve(rule, g, pub, mod);
      if (!r) continue;
      if (rule === 'date.en.year-range' || rule === 'date.en.ago') q = q === 'exact' ? 'approximate' : q;
      if (rule === 'date.en.ago' && /^day/i.test(g.unit!) && q === 'approximate') q = 'exact';
      if (g.mod2 && q === 'exact') q = 'approximate';
      out.push(mention(start, end, keep, r, q, rule));
    }
  }
  return out;
}

function resolve(rule: string, g: Record<string, string | undefined>, pub: Pub | null, mod: string | undefined): Resolved | null {
  const y = g.y ? Number(g.y) : null;
  const mon = g.mon ? monthNum(g.mon) : g.mo ? Number(g.mo) : 0;
  const d = g.d ? Number(g.d) : g.d2 ? Number(g.d2) : null;
  switch (rule) {
    case 'date.en.mdy':
    case 'date.en.dmy':
    case 'date.iso':
    case 'date.dotted':
      return y && d && validDay(y, mon, d) ? { value: iso(y, mon, d) } : null;
    case 'date.en.my':
      return mon ? { value: iso(y!, mon) } : null;
    case 'date.en.md':
    case 'date.en.dm':
    case 'date.en.month': {
      if (!mon || (d !== null && d > 31)) return null;
      const dir = /^last$/i.test(mod ?? '') ? 'past' : /^next$/i.test(mod ?? '') ? 'future' : 'near';
      const yy = yearForMonth(pub, mon, dir);
      if (yy === null) return { value: null, unresolved: NO_PUB_YEAR };
      if (d !== null && !validDay(yy, mon, d)) return null;
      return { value: iso(yy, mon, d) };
    }
    case 'date.en.month-rel-year': {
      const r = relYear(pub, g.rel === 'last' ? -1 : g.rel === 'next' ? 1 : 0);
      return r.value ? { value: iso(Number(r.value), mon) } : r;
    }
    case 'date.en.year-range':
    case 'date.en.year':
      return { value: g.y! };
    case 'date.en.relative': {
      const rel = g.rel!.toLowerCase();
      const delta = /last|previous/.test(rel) ? -1 : /next|following|coming/.test(rel) ? 1 : 0;
      const unit = g.unit!.toLowerCase();
      if (unit === 'year') return relYear(pub, delta);
      if (unit === 'month') return relMonth(pub, delta);
      return relDay(pub, delta * 7, 'month');
    }
    case 'date.en.yesterday':
      return relDay(pub, -1);
    case 'date.en.weekday':
      return weekday(pub, g.wd!, !!g.on && !/^on$/i.test(g.on));
    case 'date.en.day-of-rel-month': {
      const r = relMonth(pub, /last|previous/i.test(g.rel!) ? -1 : /next/i.test(g.rel!) ? 1 : 0);
      if (!r.value) return r;
      const [yy, mm] = r.value.split('-').map(Number);
      return validDay(yy!, mm!, d!) ? { value: iso(yy!, mm!, d) } : null;
    }
    case 'date.en.ago': {
      const n = /^\d+$/.test(g.n!) ? Number(g.n) : WORD_N[g.n!.toLowerCase()] ?? 1;
      const unit = g.unit!.toLowerCase();
      if (unit === 'year') return relYear(pub, -n);
      if (unit === 'decade') return relYear(pub, -10 * n);
      if (unit === 'month') return relMonth(pub, -n);
      return relDay(pub, unit === 'week' ? -7 * n : -n, unit === 'week' ? 'month' : 'day');
    }
  }
  return null;
}

