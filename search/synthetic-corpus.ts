import type { SearchDoc } from '../domain/search.ts';

/**
 * Deterministic synthetic documents for the search bench and large tests: English, Korean and
 * Chinese text with Zipf-distributed vocabularies (so a few words are everywhere and most are
 * rare), plus planted words whose document frequency is known:
 * frequent ones (탈북, 边境, border…) in about 5% of documents, rare ones in about 5 documents.
 */

export const PLANTED = {
  frequentCjk: ['탈북', '边境'],
  rareCjk: ['뇌물', '贿赂'],
  frequentEn: ['border', 'repatriated'],
  rareEn: ['bribery', 'smuggler'],
} as const;

const FREQUENT_RATE = 0.05;
const RARE_DOCS = 5;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Zipf<T> {
  private readonly cdf: Float64Array;
  constructor(
    readonly items: T[],
    s = 1.05,
  ) {
    this.cdf = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) this.cdf[i] = sum += 1 / Math.pow(i + 1, s);
    for (let i = 0; i < items.length; i++) this.cdf[i] = this.cdf[i]! / sum;
  }
  pick(r: number): T {
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

const EN_REAL = (
  'north korean refugees china police report witness crossing river night arrested detained camp ' +
  'sent back family broker city province village market army soldiers camera fence guards women children ' +
  'interview testimony released prison labour escape route embassy third country ministry security official'
).split(' ');
const EN_SYL = 'ka ro mi ta sun de lo pe ri va no ke ma tu shi ar en ol um ix pa ge fo la si'.split(' ');
const KO_DOMAIN =
  '국경 북송 중국 공안 브로커 인신매매 두만강 압록강 수용소 여성 아이 가족 증언 체포 구금 도강 감시'.split(' ');
const KO_PARTICLES = ['이', '가', '을', '를', '은', '는', '에서', '의', '들이', '에게', '와'];
const ZH_DOMAIN = '遣返 朝鲜 中国 公安 难民 图们江 鸭绿江 延边 妇女 儿童 家属 证词 逮捕 拘留 越境 监控'.split(' ');

/** Syllables/characters the pseudo-words use; the rare planted words' characters are left out. */
function charPool(from: number, count: number, stride: number, exclude: string): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const ch = String.fromCodePoint(from + i * stride);
    if (!exclude.includes(ch)) out.push(ch);
  }
  return out;
}

function pseudoWords(rand: () => number, pool: string[], count: number, min: number, max: number, join = ''): string[] {
  const seen = new Set<string>();
  while (seen.size < count) {
    const len = min + Math.floor(rand() * (max - min + 1));
    let w = '';
    for (let i = 0; i < len; i++) w += (i ? join : '') + pool[Math.floor(rand() * pool.length)]!;
    seen.add(w);
  }
  return [...seen];
}

const KINDS = ['source', 'event', 'event', 'event', 'place', 'organization', 'installation', 'figure', 'case'];
const TYPES: Record<string, string[]> = {
  source: ['news_report', 'ngo_report', 'un_report', 'testimony', 'document'],
  event: ['forced_repatriation', 'arrest_detention', 'border_crossing', 'defection_arrival', 'trafficking'],
  installation: ['camera', 'fence', 'watchtower', 'checkpoint'],
  organization: ['state_agency', 'ngo', 'broker_network'],
};

export interface CorpusOptions {
  size: number;
  seed?: number;
}

/** Documents 0…size-1; the same size and seed always give the same documents. */
export function* syntheticDocs(opts: CorpusOptions): Generator<SearchDoc> {
  const rand = mulberry32(opts.seed ?? 42);
  const exclude = [...PLANTED.rareCjk, ...PLANTED.frequentCjk].join('');
  const en = new Zipf([...EN_REAL, ...pseudoWords(rand, EN_SYL, 8000, 2, 4)]);
  const ko = new Zipf([...KO_DOMAIN, ...pseudoWords(rand, charPool(0xac00, 600, 17, exclude), 8000, 2, 3)]);
  const zh = new Zipf([...ZH_DOMAIN, ...pseudoWords(rand, charPool(0x4e00, 2500, 7, exclude), 8000, 1, 3)]);
  const rareEvery = Math.max(1, Math.floor(opts.size / RARE_DOCS));

  const sentence = (lang: string, words: number): string => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) {
      if (lang === 'en') out.push(en.pick(rand()));
      else if (lang === 'ko')
        out.push(ko.pick(rand()) + (rand() < 0.6 ? KO_PARTICLES[Math.floor(rand() * KO_PARTICLES.length)] : ''));
      else out.push(zh.pick(rand()) + (i % 9 === 8 ? '，' : ''));
    }
    return lang === 'zh' ? out.join('') + '。' : out.join(' ') + '.';
  };
  const planted = (lang: string, word: string): string =>
    lang === 'ko' ? `${word}자들이` : lang === 'zh' ? `中朝${word}地区` : word;

  for (let i = 0; i < opts.size; i++) {
    const r = rand();
    const lang = r < 0.45 ? 'en' : r < 0.75 ? 'ko' : 'zh';
    const parts = [sentence(lang, 10 + Math.floor(rand() * 30)), sentence(lang, 5 + Math.floor(rand() * 25))];
    if (rand() < 0.1) parts.push(sentence(lang === 'en' ? 'ko' : 'en', 6));
    const insert = (w: string) => parts.splice(Math.floor(rand() * (parts.length + 1)), 0, w);
    if (rand() < FREQUENT_RATE) insert(planted('ko', PLANTED.frequentCjk[0]));
    if (rand() < FREQUENT_RATE) insert(planted('zh', PLANTED.frequentCjk[1]));
    if (rand() < FREQUENT_RATE) insert(PLANTED.frequentEn[0]);
    if (rand() < FREQUENT_RATE) insert(PLANTED.frequentEn[1]);
    const rare = i % rareEvery === 7 % rareEvery ? [...PLANTED.rareCjk, ...PLANTED.rareEn] : [];
    for (const w of rare) insert(planted(w === PLANTED.rareCjk[0] ? 'ko' : w === PLANTED.rareCjk[1] ? 'zh' : 'en', w));
    const kind = KINDS[Math.floor(rand() * KINDS.length)]!;
    const types = TYPES[kind];
    const year = 2000 + Math.floor(rand() * 26);
    const month = 1 + Math.floor(rand() * 12);
    const p = rand();
    const lo = p < 0.3 ? `${year}-01-01` : `${year}-${String(month).padStart(2, '0')}-${p < 0.6 ? '01' : '15'}`;
    const hi = p < 0.3 ? `${year}-12-31` : `${year}-${String(month).padStart(2, '0')}-${p < 0.6 ? '28' : '15'}`;
    const dated = rand() < 0.9;
    yield {
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      kind: kind as SearchDoc['kind'],
      title: sentence(lang, 3 + Math.floor(rand() * 5)).slice(0, -1),
      text: parts.join(' '),
      language: rand() < 0.1 ? 'und' : lang,
      status: kind === 'source' ? null : (['candidate', 'confirmed', 'rejected'] as const)[Math.floor(rand() * 3)]!,
      type: types ? types[Math.floor(rand() * types.length)]! : null,
      dateLo: dated ? lo : null,
      dateHi: dated ? hi : null,
      placeIds: rand() < 0.5 ? [`place-${Math.floor(rand() * 200)}`] : [],
      reliability: kind === 'source' ? 'ABCDEF'[Math.floor(rand() * 6)]! : null,
      sourceId: null,
    };
  }
}
