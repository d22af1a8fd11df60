import type { NameExpander } from '../domain/search.ts';
import { loadGazetteerFile } from './commands/reference-loader.ts';

const fold = (s: string) => s.normalize('NFKC').toLowerCase().trim();

/**
 * Every name of a gazetteer place points at all its other names, so "Tumen" also finds 투먼,
 * 도문 and 图们. Built once from the shipped gazetteer; romanisation notes like "(MR)" are dropped.
 */
export function gazetteerNameExpander(): NameExpander {
  const byName = new Map<string, Set<string>>();
  for (const place of loadGazetteerFile()) {
    const names = [place.names.en, place.names.ko, place.names.zh, ...place.aliases]
      .flatMap((n) => n.split(' / '))
      .map((n) => n.replace(/\s*\([^)]*\)\s*$/, '').trim())
      .filter((n) => n.length >= 2);
    const all = new Set(names);
    for (const n of names) {
      const key = fold(n);
      const set = byName.get(key) ?? new Set<string>();
      all.forEach((x) => set.add(x));
      byName.set(key, set);
    }
  }
  return (term) => [...(byName.get(fold(term)) ?? [])].filter((n) => fold(n) !== fold(term));
}
