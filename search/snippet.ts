import { HIGHLIGHT_END, HIGHLIGHT_START } from '../domain/search.ts';
import { scan } from './analyzer.ts';

/**
 * Snippets come from the original text, not from the index: the index holds bigrams and folded
 * words, and only the analyzer's offsets map a match back to what the source actually says.
 * Only returned hits get one, so the cost is per page, not per match.
 */

export interface Highlight {
  terms: ReadonlySet<string>;
  /** Lone CJK characters, matched as the start of a bigram. */
  prefixes: readonly string[];
}

export const SNIPPET_WIDTH = 160;
/** The first match is looked for this far; beyond it the snippet is the text's opening. */
const MAX_SCAN = 50_000;
const MARKS = /[\u0002\u0003]/g;

function matchLength(term: string, cjk: boolean, end: number, start: number, hl: Highlight): number {
  if (hl.terms.has(term)) return end - start;
  if (cjk) for (const p of hl.prefixes) if (term.startsWith(p)) return p.length;
  return 0;
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Moves a cut off a low surrogate, and off the middle of a spaced-out word when a space is near. */
function snap(text: string, at: number, forward: boolean): number {
  if (at <= 0 || at >= text.length) return Math.max(0, Math.min(at, text.length));
  if (isLow(text.charCodeAt(at))) at += forward ? 1 : -1;
  if (isSpace(text[at]) || isSpace(text[at - 1])) return at;
  for (let k = 1; k <= 20; k++) {
    const j = forward ? at + k : at - k;
    if (j <= 0 || j >= text.length) break;
    if (isSpace(text[j])) return forward ? j + 1 : j;
  }
  return at;
}

export function makeSnippet(text: string, hl: Highlight, width = SNIPPET_WIDTH): string {
  let first = -1;
  scan(text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text, (term, start, end, cjk) => {
    if (matchLength(term, cjk, end, start, hl) === 0) return false;
    first = start;
    return true;
  });
  let begin = 0;
  if (first > 0) begin = Math.max(0, Math.min(first - Math.floor(width / 3), text.length - width));
  begin = snap(text, begin, true);
  if (first >= 0 && begin > first) begin = first;
  let end = snap(text, Math.min(text.length, begin + width), false);
  if (end <= begin) end = Math.min(text.length, begin + width);
  const window = text.slice(begin, end);

  const ranges: [number, number][] = [];
  if (first >= 0) {
    scan(window, (term, start, stop, cjk) => {
      const len = matchLength(term, cjk, stop, start, hl);
      if (len === 0) return;
      const last = ranges[ranges.length - 1];
      // CJK bigrams overlap (탈북, 북자): one mark over 탈북자, not two interleaved ones.
      if (last && start <= last[1]) last[1] = Math.max(last[1], start + len);
      else ranges.push([start, start + len]);
    });
  }
  const clean = (s: string) => s.replace(MARKS, '').replace(/\s+/g, ' ');
  let out = begin > 0 ? '…' : '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += clean(window.slice(at, s)) + HIGHLIGHT_START + clean(window.slice(s, e)) + HIGHLIGHT_END;
    at = e;
  }
  out += clean(window.slice(at));
  if (end < text.length) out += '…';
  return out.trim();
}
