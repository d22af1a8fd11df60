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

/** Most specific non-country place of the sentence; among equals, the nearest to the cue. */
export function linkPlace(places: PlaceMention[], cueAt: number): PlaceMention | null {
  let best: PlaceMention | null = null;
  let bestScore = -Infinity;
  for (const p of places) {
    const rank = placeRank(p.kind);
    if (rank === 0) continue;
    const dist = Math.abs((p.start + p.end) / 2 - cueAt);
    const score = rank * 1000 - dist;
    if (score > bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return best;
}

/** Nearest date to the cue, same clause first. */
export function linkDate(dates: DateMention[], cueAt: number, s: Sentence, clauses: number[]): DateMention | null {
  let best: DateMention | null = null;
  let bestD = Infinity;
  const ci = clauseOf(clauses, cueAt - s.start);
  for (const d of dates) {
    const dist = d.start >= cueAt ? d.start - cueAt : cueAt - d.end;
    const penalty = clauseOf(clauses, d.start - s.start) === ci ? 0 : 150;
    if (dist + penalty < bestD) {
      bestD = dist + penalty;
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
