import { placeRank } from './gazetteer.ts';
import { clauseOf } from './text.ts';
import type { DateMention, PlaceMention, Sentence } from './types.ts';

/** Ties a cue (an event verb, an installation noun) to the place and date its sentence gives. */

export function mentionsIn<T extends { start: number; end: number }>(all: T[], s: Sentence): T[] {
  // Mentions are sorted by start: binary search for the first one in the sentence.
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.start < s.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < all.length && all[i]!.start < s.end; i++) if (all[i]!.end <= s.end) out.push(all[i]!);
  return out;
}

/** What may stand between a wider place and a narrower one it introduces: "’s", "near", "in", "일대"… */
const NARROWS = /^(?:['’]s|\s|,|near|in|at|outside|close to|of|the|banks|bank|side|의|쪽|인근|일대|部|省)*$/i;

/**
 * The place a cue refers to: the nearest non-country place of the sentence. A province, region or
 * river directly followed by a narrower place ("North Hamgyong's Onsong county", "지린성 창바이현",
 * "the Tumen River near Hoeryong") gives way to it, and "Seoul-based" describes an actor.
 */
export function linkPlace(places: PlaceMention[], cueAt: number, s?: Sentence): PlaceMention | null {
  let best: PlaceMention | null = null;
  let bestScore = -Infinity;
  for (const p of places) {
    const rank = placeRank(p.kind);
    if (rank === 0) continue;
    if (s && /^-based/.test(s.text.slice(p.end - s.start, p.end - s.start + 6))) continue;
    if (rank <= 3 && s && places.some((q) => q !== p && placeRank(q.kind) > rank && q.start >= p.end && NARROWS.test(s.text.slice(p.end - s.start, q.start - s.start))))
      continue;
    const dist = Math.abs((p.start + p.end) / 2 - cueAt);
    const score = -dist + rank;
    if (score > bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return best;
}

const REPORTED_AFTER = /^\s?(?:밝혔|전했|말했|확인됐|알려졌|보도했|발표했|주장했|설명했|전해졌|表示|报道|称)/;
const REPORTED_BEFORE = /\b(?:said|says|told|reported|announced|confirmed)\s+(?:on\s+)?$/i;
const text = (s: Sentence, from: number, len: number) => s.text.slice(Math.max(0, from - s.start), Math.max(0, from - s.start) + len);

/** Nearest date to the cue, same clause first; dates of the reporting itself come last. */
export function linkDate(dates: DateMention[], cueAt: number, s: Sentence, clauses: number[]): DateMention | null {
  let best: DateMention | null = null;
  let bestD = Infinity;
  const ci = clauseOf(clauses, cueAt - s.start);
  for (const d of dates) {
    const dist = d.start >= cueAt ? d.start - cueAt : cueAt - d.end;
    let penalty = clauseOf(clauses, d.start - s.start) === ci ? 0 : 150;
    // "…강제송환한 것으로 26일 확인됐다", "activists said on Monday": when it was reported, not when it happened.
    if (REPORTED_AFTER.test(text(s, d.end, 14)) || REPORTED_BEFORE.test(text(s, d.start - 16, 16))) penalty += 300;
    // A precise date near the cue beats a vaguer one a little nearer ("지난해 10월 9일 … 북송된 지 1년").
    const precision = d.value ? d.value.length * 2 : 0;
    if (dist + penalty - precision < bestD) {
      bestD = dist + penalty - precision;
      best = d;
    }
  }
  return best;
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const tokenCache = new Map<string, Set<string>>();

function tokens(s: string): Set<string> {
  let t = tokenCache.get(s);
  if (!t) {
    if (tokenCache.size > 2000) tokenCache.clear();
    t = new Set(s.toLowerCase().match(TOKEN) ?? []);
    tokenCache.set(s, t);
  }
  return t;
}

/** Word-set overlap of two sentences, for telling a repeated statement from a new one. */
export function similarity(a: string, b: string): number {
  const sa = tokens(a);
  const sb = tokens(b);
  if (!sa.size || !sb.size) return 0;
  let inter = 0;
  for (const t of sa) if (sb.has(t)) inter++;
  return inter / Math.min(sa.size, sb.size);
}

/**
 * How well a sentence serves as the quote of a fact: full sentences over headings and captions,
 * title-case headlines last.
 */
export function sentenceQuality(text: string): number {
  const t = text.trim();
  const words = t.split(/\s+/);
  let q = 0;
  if (/[.!?。！？"”’)]$/.test(t) && (words.length >= 6 || /[가-힣\u4e00-\u9fff]{12}/.test(t))) q += 2;
  const caps = words.filter((w) => /^[A-Z]/.test(w)).length;
  if (words.length >= 4 && caps / words.length > 0.6) q -= 2;
  return q;
}
