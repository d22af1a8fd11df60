/**
 * The one text analyzer both engines index with, so SQLite and PostgreSQL agree token for token.
 *
 * - Han, Hangul, Hiragana and Katakana runs become overlapping character bigrams, as Lucene's CJK
 *   analyzer does: neither Korean nor Chinese separates words reliably, and a bigram index finds
 *   two-character words (탈북, 边境) inside longer ones (탈북자들이, 中朝边境地区). A run of one
 *   character becomes a unigram.
 * - Other letters and digits form words, folded: NFKC, Latin/Greek/Cyrillic diacritics removed,
 *   lowercased. Tokens only hold letters, marks and digits, so they never need escaping in an
 *   FTS5 or tsquery string and the FTS5 'ascii' tokenizer splits them back exactly at spaces.
 *
 * Offsets are UTF-16 indices into the original text, for snippets.
 */

/**
 * Bump on any change to what tokens a text gives: migrateSearch then empties the index and
 * flags it for a rebuild (SQLite deletes rows by re-analysing their text, which must match).
 */
export const ANALYZER_VERSION = 1;

export interface Token {
  term: string;
  start: number;
  end: number;
  /** True for CJK bigrams/unigrams. */
  cjk: boolean;
}

const CJK = /[\p{sc=Han}\p{sc=Hangul}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
const MARK = /\p{M}/u;
/** Diacritics of Latin, Greek and Cyrillic; marks of Indic or Thai scripts are letters' parts and stay. */
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/u;
const FOLDS: Record<string, string> = { ß: 'ss', ø: 'o', đ: 'd', ł: 'l', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' };
const FOLD_RE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');
const HAS_FOLD = new RegExp(`[${Object.keys(FOLDS).join('')}]`);
/** Longer words are cut, so a pasted hash or URL can't bloat the index. */
export const MAX_TOKEN_LENGTH = 64;

/** Class of one code point: CJK, word, continuation (joins what precedes it), or separator. */
function classOf(cp: number): 'cjk' | 'word' | 'sep' | 'cont' {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a) ? 'word' : 'sep';
  if ((cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x4e00 && cp <= 0x9fff)) return 'cjk';
  // Conjoining vowels and finals of decomposed Hangul belong to the syllable before them.
  if ((cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff)) return 'cont';
  const ch = String.fromCodePoint(cp);
  if (MARK.test(ch)) return 'cont';
  if (!WORD.test(ch)) return 'sep'; // CJK radicals and symbols are Han script but not words
  return CJK.test(ch) ? 'cjk' : 'word';
}

export function foldWord(word: string): string[] {
  // ASCII is already NFKC and has no diacritics: the common case costs one lowercase.
  if (/^[a-zA-Z0-9]+$/.test(word))
    return [word.length > MAX_TOKEN_LENGTH ? word.slice(0, MAX_TOKEN_LENGTH) : word].map((w) => w.toLowerCase());
  let s = word.normalize('NFKC').normalize('NFD').replace(DIACRITICS, '').normalize('NFC').toLowerCase();
  if (HAS_FOLD.test(s)) s = s.replace(FOLD_RE, (c) => FOLDS[c] ?? c);
  return s
    .split(NON_WORD)
    .filter((t) => t.length > 0)
    .map((t) => (t.length > MAX_TOKEN_LENGTH ? t.slice(0, MAX_TOKEN_LENGTH) : t));
}

function foldCjkUnit(unit: string): string {
  if (unit.length === 1) {
    const c = unit.charCodeAt(0);
    // Hangul syllables and unified ideographs are already NFKC; skip the costly call.
    if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x4e00 && c <= 0x9fff)) return unit;
  }
  return unit.normalize('NFKC').replace(/[^\p{L}\p{N}\p{M}]/gu, '') || unit;
}

/** Returning true stops the scan (the snippet maker wants only the first match). */
type Emit = (term: string, start: number, end: number, cjk: boolean) => boolean | void;

/** Calls `emit` for each token of `text` in order. Callback style: this runs over every indexed byte. */
export function scan(text: string, emit: Emit): void {
  const n = text.length;
  // The CJK run being collected, as parallel arrays of unit starts/ends (a unit is a character plus its marks).
  const starts: number[] = [];
  const ends: number[] = [];
  let wordStart = -1;
  let stop = false;
  const out: Emit = (term, start, end, cjk) => {
    if (!stop && emit(term, start, end, cjk) === true) stop = true;
  };

  const flushCjk = () => {
    const m = starts.length;
    if (m === 1) out(foldCjkUnit(text.slice(starts[0], ends[0])), starts[0]!, ends[0]!, true);
    let prev = m > 1 ? foldCjkUnit(text.slice(starts[0], ends[0])) : '';
    for (let k = 1; k < m; k++) {
      const cur = foldCjkUnit(text.slice(starts[k], ends[k]));
      out(prev + cur, starts[k - 1]!, ends[k]!, true);
      prev = cur;
    }
    starts.length = 0;
    ends.length = 0;
  };
  const flushWord = (end: number) => {
    for (const term of foldWord(text.slice(wordStart, end))) out(term, wordStart, end, false);
    wordStart = -1;
  };

  for (let i = 0; i < n && !stop;) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const cls = classOf(cp);
    if (cls === 'cont') {
      if (starts.length) ends[ends.length - 1] = i + width;
      else if (wordStart < 0) wordStart = i;
    } else if (cls === 'cjk') {
      if (wordStart >= 0) flushWord(i);
      starts.push(i);
      ends.push(i + width);
    } else if (cls === 'word') {
      if (starts.length) flushCjk();
      if (wordStart < 0) wordStart = i;
    } else {
      if (starts.length) flushCjk();
      if (wordStart >= 0) flushWord(i);
    }
    i += width;
  }
  if (stop) return;
  if (starts.length) flushCjk();
  if (wordStart >= 0) flushWord(n);
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  scan(text, (term, start, end, cjk) => {
    out.push({ term, start, end, cjk });
  });
  return out;
}

export function analyze(text: string): string[] {
  const out: string[] = [];
  scan(text, (term) => {
    out.push(term);
  });
  return out;
}

/** Space-separated tokens, what both engines index. */
export function indexText(text: string): string {
  return analyze(text).join(' ');
}

/** True when a term is a single CJK character (a unigram), which queries match as a bigram prefix. */
export function isCjkUnigram(term: string): boolean {
  const cp = term.codePointAt(0);
  return cp !== undefined && term.length === (cp > 0xffff ? 2 : 1) && CJK.test(term);
}
