import { hanziFoldPairs } from './hanzi-fold.ts';
import { datelineRanges } from './page.ts';
import type { Lang, Sentence } from './types.ts';

/**
 * Shared text utilities. Everything here keeps string length unchanged, so that offsets found in a
 * folded or masked copy are valid offsets into the original text.
 */

const FOLD = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  for (let c = 65; c <= 90; c++) t[c] = c + 32;
  // Latin-1 and Latin Extended: lower-case and drop diacritics (Hoeryŏng -> hoeryong).
  for (let c = 0xc0; c < 0x250; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length !== 1) continue;
    const base = lower.normalize('NFD')[0]!;
    t[c] = base.charCodeAt(0) < 0x80 ? base.charCodeAt(0) : lower.charCodeAt(0);
  }
  for (const c of [0x2018, 0x2019, 0x201b, 0x02bc, 0x2032, 0x0060, 0x00b4]) t[c] = 0x27; // '
  for (const c of [0x201c, 0x201d, 0x201e, 0x2033, 0x00ab, 0x00bb]) t[c] = 0x22; // "
  for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63]) t[c] = 0x2d; // -
  for (const c of [0x223c, 0x301c, 0x02dc]) t[c] = 0x7e; // ~ (Korean ranges: 2∼3㎞)
  for (const c of [0x00a0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a])
    t[c] = 0x20;
  for (const c of [0x202f, 0x205f, 0x3000, 0x200b, 0xfeff, 0x2028, 0x2029, 0x0009]) t[c] = 0x20;
  // Traditional Chinese reads as simplified, so one pattern or name serves both scripts.
  for (const [trad, simp] of hanziFoldPairs()) t[trad] = simp;
  // Full-width ASCII (common in Chinese and Korean text): digits, letters, punctuation.
  for (let c = 0xff01; c <= 0xff5e; c++) {
    const a = c - 0xfee0;
    t[c] = a >= 65 && a <= 90 ? a + 32 : a;
  }
  return t;
}

/** Lower-cased, diacritic-free, quote/dash/space-normalised copy of the same length. */
export function fold(text: string): string {
  return mapCodes(text, FOLD);
}

const KEEP_CASE = (() => {
  const t = FOLD.slice();
  for (let c = 65; c <= 90; c++) t[c] = c;
  for (let c = 0xc0; c < 0x250; c++) t[c] = c;
  for (let c = 0xff21; c <= 0xff3a; c++) t[c] = c - 0xfee0;
  return t;
})();

/** Same length; keeps case but normalises quotes, dashes, spaces and full-width forms. */
export function normalizeKeepCase(text: string): string {
  return mapCodes(text, KEEP_CASE);
}

function mapCodes(text: string, table: Uint16Array): string {
  let out = '';
  for (let k = 0; k < text.length; k += 4096) {
    const end = Math.min(text.length, k + 4096);
    const codes = new Uint16Array(end - k);
    for (let i = k; i < end; i++) codes[i - k] = table[text.charCodeAt(i)]!;
    out += String.fromCharCode.apply(null, codes as unknown as number[]);
  }
  return out;
}

export const isHangul = (c: number) => (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);
export const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
export const isLatinAlnum = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x250 && c !== 0xd7 && c !== 0xf7);
export const isDigit = (c: number) => c >= 48 && c <= 57;

/** Blanks out URLs, e-mail addresses and image/file names, which otherwise yield junk numbers and names. */
export function maskNoise(text: string): string {
  if (!NOISE_HINT.test(text)) return text;
  return text.replace(NOISE_RE, (m) => ' '.repeat(m.length));
}
const NOISE_HINT = /@|https?:|www\.|\.(?:jpe?g|png|gif|webp|svg|pdf|html?|php|aspx?)\b|&#?[a-z0-9]+;/i;
const NOISE_RE =
  /\bhttps?:\/\/\S+|\bwww\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|\S+\.(?:jpe?g|png|gif|webp|svg|pdf|html?|php|aspx?)\b|&[a-z]+;|&#\d+;/gi;

export function detectLang(text: string): Lang {
  let hangul = 0;
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHangul(c)) hangul++;
    else if (isHan(c)) han++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  if (hangul >= 2 && hangul * 2 >= han) return 'ko';
  if (han >= 2 && han * 2 >= latin / 3) return 'zh';
  return 'en';
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREV = new Set(
  (
    'mr mrs ms dr rev gen lt col sgt capt prof sen rep gov st jr sr no nos vs etc inc ltd co corp jan feb mar apr jun jul aug ' +
    'sep sept oct nov dec u.s u.n u.k e.u d.p.r.k a.m p.m i.e e.g mt ft approx est fig vol pp p op cf al ave dept univ maj adm brig'
  ).split(' '),
);

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '」', '』', '》', '〉', '）']);

/**
 * Splits web text into sentences. Every line is at least one unit (captions, headings, list
 * items); inside a line we split after . ! ? … when the next word starts a sentence, after
 * Chinese/Japanese 。！？, and after Korean "다." even without a following space.
 */
export function splitSentences(text: string, forced?: Lang, datelines?: readonly (readonly [number, number])[]): Sentence[] {
  const out: Sentence[] = [];
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e - s < 2) return;
    const t = text.slice(s, e);
    if (!/[\p{L}\p{N}]/u.test(t)) return;
    out.push({ start: s, end: e, text: t, lang: forced ?? detectLang(t) });
  };
  const cuts = (datelines ?? datelineRanges(normalizeKeepCase(text))).map(([, e]) => e);
  let lineStart = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    if (i < n && text[i] !== '\n' && text[i] !== '\r') continue;
    // A dateline is a unit of its own, so that quotes start with the report.
    let s = lineStart;
    for (const c of cuts) if (c > s && c < i) {
      splitLine(text, s, c, push);
      s = c;
    }
    splitLine(text, s, i, push);
    lineStart = i + 1;
  }
  return out;
}

function splitLine(text: string, s: number, e: number, push: (s: number, e: number) => void): void {
  let start = s;
  for (let i = s; i < e; i++) {
    const ch = text[i]!;
    if (ch === '。' || ch === '！' || ch === '？' || ch === '；') {
      let j = i + 1;
      while (j < e && CLOSERS.has(text[j]!)) j++;
      push(start, j);
      start = j;
      i = j - 1;
      continue;
    }
    if (ch === '|' && text[i - 1] === ' ' && text[i + 1] === ' ') {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i + 1;
    while (j < e && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < e && CLOSERS.has(text[j]!)) j++;
    const prev = text.charCodeAt(i - 1);
    // Korean: "…했다.그는" has no space; split when a Hangul syllable ends the sentence.
    const koreanEnd = ch === '.' && isHangul(prev) && j < e && isHangul(text.charCodeAt(j));
    if (!koreanEnd) {
      if (j >= e || !/\s/.test(text[j]!)) continue;
      let k = j;
      while (k < e && /\s/.test(text[k]!)) k++;
      if (k >= e) continue;
      const next = text[k]!;
      const nc = text.charCodeAt(k);
      const startsSentence =
        /[A-Z0-9"“‘'(\[•·\-–—*#]/.test(next) || isHangul(nc) || isHan(nc) || (nc >= 0xc0 && nc < 0x250 && next !== next.toLowerCase());
      if (!startsSentence) continue;
      if (ch === '.' && isAbbreviation(text, i)) continue;
    }
    push(start, j);
    start = j;
    i = j - 1;
  }
  push(start, e);
}

function isAbbreviation(text: string, dot: number): boolean {
  let k = dot - 1;
  while (k >= 0 && /[A-Za-z.]/.test(text[k]!)) k--;
  const word = text.slice(k + 1, dot).toLowerCase();
  if (!word) return false;
  if (ABBREV.has(word)) return true;
  // Single initials ("J. Smith", "J.M.") and dotted acronyms ("U.N.").
  if (/^[a-z]$/.test(word) && /[A-Z]/.test(text[dot - 1]!)) return true;
  if (/^([a-z]\.)+[a-z]$/.test(word)) return true;
  return false;
}

/** Clause boundaries inside a sentence: ; : — and conjunction-led commas, Korean connective endings. */
const CLAUSE_RE = /[;:—–]\s|,\s+(?:but|while|whereas|although|though|and then|yet|as|after|before|when|which|who)\s|\s(?:but|while|whereas|when|because|after|before)\s|\s(?:and|but)\s(?=(?:was|were|has|have|had|is|are|then|later)\b)|(?<=[가-힣])(?:고|며|으며|지만|는데|었고|았고|했고|했으며|됐으며)\s|，|、(?=[^、]{8,})/g;

/** Offsets (relative to the sentence start) where clauses begin, always including 0. */
export function clauseStarts(sentence: string): number[] {
  const starts = [0];
  CLAUSE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_RE.exec(sentence))) starts.push(m.index + m[0].length);
  return starts;
}

export function clauseOf(starts: number[], offset: number): number {
  let k = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= offset) k = i;
  return k;
}

/** Normalises a name for comparison: case, punctuation, spacing, "the". */
export function normName(s: string): string {
  return fold(s)
    .replace(/^the\s+/, '')
    .replace(/['".,()\-_&]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
