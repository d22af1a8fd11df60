import { placeRank } from './gazetteer.ts';
import { clauseOf } from './text.ts';
import type { DateMention, PlaceMention, Sentence } from './types.ts';

/** Ties a cue (an event verb, an installation noun) to the place and date its sentence gives. */

export function mentionsIn<T extends { start: number; end: number }>(all: T[], s: Sentence): T[] {
  // Mentions are sorted by start; a linear filter is fast enough for sentence-sized windows.
  const out: T[] = [];
  for (const m of all) {
    if (m.start >= s.end) break;
    if (m.start >= s.start && m.end <= s.end) out.push(m);
  }
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

/** Word-set overlap of two sentences, for telling a repeated statement from a new one. */
export function similarity(a: string, b: string): number {
  const sa = new Set(a.toLowerCase().match(TOKEN) ?? []);
  const sb = new Set(b.toLowerCase().match(TOKEN) ?? []);
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
