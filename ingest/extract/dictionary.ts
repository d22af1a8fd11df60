import { fold, isHan, isHangul, isLatinAlnum, normalizeKeepCase } from './text.ts';

/**
 * One-pass dictionary matcher (a trie over folded text) for gazetteer and organisation names.
 * Matching is leftmost-longest and non-overlapping. Boundaries depend on the script:
 *  - Latin: no letter or digit on either side ("Tumen" not in "Tumenskaya").
 *  - Hangul: no Hangul syllable before; after it only a particle or a listed suffix may follow
 *    (도문에서, 도문시 match; 도문서 does not), so short Korean names do not fire inside words.
 *  - Han: Chinese has no word spaces; ambiguous short names need an admin suffix (龙井市, not 龙井茶).
 */

export interface DictEntry<T> {
  alias: string;
  payload: T;
  /** Acronyms and all-caps forms must match case exactly (UN, not "un"). */
  exactCase: boolean;
  /** Proper names written with a capital must be capitalised in the text. */
  capitalized: boolean;
  /** Ambiguous short forms (통화, 집안, 河口) only count with an administrative suffix (통화시). */
  needsSuffix: boolean;
}

export interface DictMatch<T> {
  start: number;
  end: number;
  entry: DictEntry<T>;
  /** End including an administrative suffix written after the name (온성군, 珲春市). */
  extendedEnd: number;
}

interface Node<T> {
  next: Map<number, Node<T>>;
  entries: DictEntry<T>[] | null;
}

const HANGUL_FOLLOW = new RegExp(
  '^(?:' +
    [
      '에서는', '에서도', '에서의', '에서', '에게', '에는', '에도', '에선', '으로부터', '로부터', '으로는', '으로의', '으로',
      '로는', '로의', '로', '나', '까지', '부터', '처럼', '보다', '과의', '와의', '이나', '이며', '이고', '이다', '이었', '였', '은',
      '는', '이', '가', '을', '를', '의', '에', '와', '과', '도', '만', '엔', '쪽', '측', '인근', '일대', '지역', '부근', '근처',
      '일원', '등지', '등', '시', '군', '현', '진', '읍', '면', '리', '동', '구역', '구', '성', '주', '특별시', '노동자구', '시내',
      '세관', '해관', '공항', '역', '항', '국경', '변경', '강변', '강', '연선', '연안', '대교', '검문소', '구류장', '집결소',
      '교화소', '보위부', '보위국', '안전부', '공안국', '공안', '변방대', '수용소', '출신', '주민', '당국', '소식통', '관계자',
      '대변인', '장관', '측은', '내',
    ].join('|') +
    ')',
);
const HANGUL_ADMIN = /^(?:특별시|노동자구|경제특구|구역|시|군|현|진|읍)/;
const HAN_ADMIN = /^[市县縣镇鎮区區郡州省]/;
const LATIN_SUFFIX =
  /^(?:\s+|-)(?:County|county|Province|province|City|city|Prefecture|prefecture|District|district|gun|kun|si|up|ŭp|guyok|kuyok|Shi|shi|Xian|xian)\b/;

export class Dictionary<T> {
  private root: Node<T> = { next: new Map(), entries: null };
  size = 0;

  add(alias: string, payload: T, opts: { exactCase?: boolean; needsSuffix?: boolean } = {}): void {
    const a = alias.trim();
    if (a.length < 2) return;
    const key = fold(a);
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let nx = node.next.get(c);
      if (!nx) {
        nx = { next: new Map(), entries: null };
        node.next.set(c, nx);
      }
      node = nx;
    }
    const exactCase = opts.exactCase ?? isAcronymLike(a);
    const entry: DictEntry<T> = {
      alias: normalizeKeepCase(a),
      payload,
      exactCase,
      capitalized: /^[A-Z]/.test(a),
      needsSuffix: opts.needsSuffix ?? false,
    };
    (node.entries ??= []).push(entry);
    this.size++;
  }

  /**
   * Scans folded text (see fold) for dictionary names; `keep` is the case-keeping normalised text
   * (normalizeKeepCase) used for case checks. `accept` may veto a match.
   */
  scan(folded: string, keep: string, accept?: (m: DictMatch<T>) => boolean): DictMatch<T>[] {
    const out: DictMatch<T>[] = [];
    const n = folded.length;
    let i = 0;
    while (i < n) {
      const c = folded.charCodeAt(i);
      const first = this.root.next.get(c);
      if (!first || !startOk(folded, i, c)) {
        i++;
        continue;
      }
      const ends: { end: number; entries: DictEntry<T>[] }[] = [];
      let node: Node<T> | undefined = first;
      let j = i + 1;
      if (node.entries) ends.push({ end: j, entries: node.entries });
      while (j < n && (node = node.next.get(folded.charCodeAt(j)))) {
        j++;
        if (node.entries) ends.push({ end: j, entries: node.entries });
      }
      let found: DictMatch<T> | null = null;
      for (let k = ends.length - 1; k >= 0 && !found; k--) {
        const { end, entries } = ends[k]!;
        for (const entry of entries) {
          const ext = endOk(folded, keep, i, end, entry);
          if (ext < 0) continue;
          const m = { start: i, end, entry, extendedEnd: ext };
          if (accept && !accept(m)) continue;
          found = m;
          break;
        }
      }
      if (found) {
        out.push(found);
        i = found.end;
      } else i++;
    }
    return out;
  }
}

function isAcronymLike(a: string): boolean {
  if (!/[A-Z]/.test(a)) return false;
  if (!/[a-z]/.test(a)) return /^[A-Z0-9.&\- ]+$/.test(a) || a.length <= 6;
  // Mixed-case short forms such as "LiNK" or "NKnet".
  return a.length <= 6 && /[a-z][A-Z]|[A-Z]{2}/.test(a) && !/\s/.test(a);
}

function startOk(folded: string, i: number, c: number): boolean {
  if (i === 0) return true;
  const p = folded.charCodeAt(i - 1);
  if (isLatinAlnum(c)) return !isLatinAlnum(p);
  if (isHangul(c)) return !isHangul(p);
  return true;
}

/** Returns the (possibly suffix-extended) end when the match may end here, else -1. */
function endOk<T>(folded: string, keep: string, start: number, end: number, e: DictEntry<T>): number {
  const last = folded.charCodeAt(end - 1);
  const next = end < folded.length ? folded.charCodeAt(end) : 32;
  if (e.exactCase && keep.slice(start, end) !== e.alias) return -1;
  if (e.capitalized && !e.exactCase) {
    const k = keep.charCodeAt(start);
    if (!(k >= 65 && k <= 90) && !(k >= 0xc0 && k < 0x250 && keep[start] !== keep[start]!.toLowerCase())) return -1;
  }
  if (isLatinAlnum(last) || last === 0x2e) {
    if (isLatinAlnum(next)) return -1;
    const m = LATIN_SUFFIX.exec(keep.slice(end, end + 14));
    return m ? end + m[0].length : end;
  }
  if (isHangul(last)) {
    if (!isHangul(next)) return e.needsSuffix ? -1 : end;
    const rest = folded.slice(end, end + 6);
    let admin = HANGUL_ADMIN.exec(rest);
    // "동남아시아" is not "동남아" + 시: a suffix must end the word (or take a particle).
    if (admin) {
      const after = rest.slice(admin[0].length);
      if (after && isHangul(after.charCodeAt(0)) && !HANGUL_FOLLOW.test(after)) admin = null;
    }
    if (e.needsSuffix) return admin ? end + admin[0].length : -1;
    if (!HANGUL_FOLLOW.test(rest)) return -1;
    return admin ? end + admin[0].length : end;
  }
  if (isHan(last)) {
    const admin = HAN_ADMIN.test(folded[end] ?? '');
    if (e.needsSuffix && !admin) return -1;
    return admin && !/[市县縣镇鎮区區郡州省]$/.test(e.alias) ? end + 1 : end;
  }
  return end;
}
