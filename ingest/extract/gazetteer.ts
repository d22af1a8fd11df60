import { readFileSync } from 'node:fs';
import { Dictionary } from './dictionary.ts';
import { fold } from './text.ts';

/** The project's gazetteer (data/gazetteer.json) and the name dictionary built from it once. */

export interface GazetteerPlace {
  id: string;
  names: { en: string; ko: string; zh: string };
  aliases: string[];
  kind: string;
  country: string | null;
  parent: string | null;
  lat: number;
  lon: number;
  precision: string;
  source?: string;
}

export interface PlaceRef {
  id: string;
  kind: string;
}

/**
 * Korean and Chinese forms that are also everyday words (통화 "phone call", 집안 "household",
 * 개성 "personality", 나선 "stepped forward", 河口 "river mouth", 先锋 "vanguard"): they count
 * as places only with an administrative suffix (통화시, 河口县).
 */
const NEEDS_SUFFIX = new Set([
  '자성', '부령', '선봉', '경원', '통화', '백산', '안도', '집안', '관전', '청도', '하구', '동흥', '임강', '림강', '나선', '남양',
  '연사', '중강', '보천', '개성', '모한', '경홍', '멍라', '의주', '남평', '장백', '지안', '안성', '화천',
  '河口', '和龙', '龙井', '南阳', '先锋', '临江', '东兴', '白山', '中江', '海州', '南浦', '三合', '南坪', '义州', '安城', '华川', '长白', '集安', '二连',
]);

/** Bare forms that also name a more specific place elsewhere in a document ("Jilin" after "Jilin city"). */
export const PREFER_IF_PRESENT: Record<string, string> = { 'cn-jilin-province': 'cn-jilin-city' };

/** A city whose name plus "river" means the river ("the Tumen river", "Yalu and Tumen rivers"). */
export const RIVER_OF: Record<string, string> = { 'cn-tumen': 'river-tumen', 'kp-musan': 'river-tumen' };

let cache: { places: Map<string, GazetteerPlace>; dict: Dictionary<PlaceRef> } | null = null;

export function gazetteerPath(): URL {
  return new URL('../../data/gazetteer.json', import.meta.url);
}

export function loadGazetteer(): { places: Map<string, GazetteerPlace>; dict: Dictionary<PlaceRef> } {
  if (cache) return cache;
  // The border gazetteer, then the world file: provinces of China and both Koreas, neighbours' capitals.
  const list = [
    ...(JSON.parse(readFileSync(gazetteerPath(), 'utf8')) as GazetteerPlace[]),
    ...(JSON.parse(readFileSync(new URL('../../data/gazetteer-world.json', import.meta.url), 'utf8')) as GazetteerPlace[]),
  ];
  const places = new Map(list.map((p) => [p.id, p]));
  const dict = new Dictionary<PlaceRef>();
  for (const p of list) {
    const ref = { id: p.id, kind: p.kind };
    const forms = new Set([p.names.en, p.names.ko, p.names.zh, ...p.aliases].filter(Boolean));
    for (const f of forms) {
      if (/[()]/.test(f)) continue;
      dict.add(f, ref, { needsSuffix: NEEDS_SUFFIX.has(fold(f)) });
    }
  }
  cache = { places, dict };
  return cache;
}

/** Specificity rank used to pick the place an event or installation refers to. */
export function placeRank(kind: string): number {
  switch (kind) {
    case 'facility':
    case 'border_crossing':
    case 'town':
    case 'district':
      return 5;
    case 'city':
    case 'county':
      return 4;
    case 'river':
    case 'mountain':
      return 3;
    case 'province':
    case 'region':
    case 'other':
      return 2;
    case 'country':
      return 0;
    default:
      return 1;
  }
}

/** True when place `a` is `b` or lies within it (following parent links). */
export function within(a: string, b: string): boolean {
  const { places } = loadGazetteer();
  let cur: string | null | undefined = a;
  for (let hops = 0; cur && hops < 8; hops++) {
    if (cur === b) return true;
    cur = places.get(cur)?.parent;
  }
  return false;
}
