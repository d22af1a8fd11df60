/**
 * Scores `ingest/extract` against hand-made gold, the way the project's held-out scorer does, on three corpora:
 *  - seeds: the five seed reports (<repo>/../shared/seeds, gold in ../shared/dev-gold/seeds-gold.json), if present;
 *  - dev / test: the development set in data/devset (articles/, gold.json; `split` says dev or test).
 * Usage: npm run eval:extract [-- --json] [-- --only seeds|dev|test] [-- --misses]
 *
 * Contract: each article runs through extractFile with the gold's publication date (as `tumen extract FILE
 * --published DATE --json` does). Matching is one-to-one (maximum bipartite matching), then P/R/F1 are
 * micro-averaged per kind and per language:
 *  - places, organizations: names equal after normalisation (case, punctuation, possessive, a leading "the");
 *    one name may be a prefix of the other only when the rest is a generic suffix (river, province, 성, 도, 江,
 *    省 ...) or a parenthesised gloss. Gold organisation aliases count as the same name. Countries are not places.
 *  - figures: same value, and quotes that overlap (below);
 *  - events: same type, a compatible date (equal, or one a prefix of the other; a null gold date accepts only
 *    null), and overlapping quotes;
 *  - installations: same kind and overlapping quotes.
 * Quotes overlap when they share a common run of at least 60% of the shorter quote and at least 15 characters,
 * against the gold quote or one of its other_quotes.
 * "dates exact" is the share of gold events with a date whose matched prediction has exactly that date.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile } from '../ingest/extract/run-file.ts';
import type { ContractJson } from '../ingest/extract/contract.ts';

interface GoldQuoted {
  quote: string;
  other_quotes?: string[];
}
export interface GoldArticle {
  published: string | null;
  language: string;
  split?: string;
  gold: {
    events: (GoldQuoted & { type: string; date: string | null })[];
    figures: (GoldQuoted & { value: number })[];
    places: string[];
    organizations: string[];
    organization_aliases?: Record<string, string>;
    installations: (GoldQuoted & { kind: string })[];
  };
}

export const KINDS = ['places', 'organizations', 'figures', 'events', 'installations'] as const;
type Kind = (typeof KINDS)[number];
export type Corpus = 'seeds' | 'dev' | 'test';
interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
export type Scored = Tally & { p: number; r: number; f1: number };
export interface Report {
  perKind: Record<Kind, Scored>;
  perLanguage: Record<string, Record<Kind, Scored>>;
  dates: { exact: number; total: number };
  articles: number;
  misses: string[];
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const devset = join(root, 'data', 'devset');

const GENERIC_SUFFIX =
  /^(?:river|rivers|province|provinces|county|city|prefecture|district|region|municipality|autonomous prefecture|special city|강|성|도|시|군|현|주|지역|江|省|市|县|縣|州|道|河|地区|地區)$/u;

export function normalise(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}()]+/gu, ' ')
    .replace(/^the /, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Equal after normalisation, or one a prefix of the other with only a generic suffix or a (gloss) left over. */
export function sameName(a: string, b: string): boolean {
  const x = normalise(a);
  const y = normalise(b);
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (!short || !long.startsWith(short)) return false;
  const rest = long.slice(short.length).trim();
  return GENERIC_SUFFIX.test(rest) || /^\([^()]*\)$/.test(rest);
}

function squash(s: string): string {
  return s.normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** Length of the longest common substring (dynamic programming over two rows). */
function longestCommonRun(a: string, b: string): number {
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  let best = 0;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = ca === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : 0;
      cur[j] = v;
      if (v > best) best = v;
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

export function quotesOverlap(pred: string, gold: GoldQuoted): boolean {
  const p = squash(pred);
  return [gold.quote, ...(gold.other_quotes ?? [])].some((q) => {
    const g = squash(q);
    const shorter = Math.min(p.length, g.length);
    if (shorter === 0) return false;
    const need = Math.max(15, Math.ceil(0.6 * shorter));
    return longestCommonRun(p, g) >= need;
  });
}

export function datesCompatible(pred: string | null, gold: string | null): boolean {
  if (gold === null) return pred === null;
  if (pred === null) return false;
  return pred.startsWith(gold) || gold.startsWith(pred);
}

/** Maximum bipartite matching (Kuhn); returns pairs [predIndex, goldIndex]. */
export function matchPairs<P, G>(preds: P[], golds: G[], ok: (p: P, g: G) => boolean): [number, number][] {
  const goldOf = new Array<number>(preds.length).fill(-1);
  const predOf = new Array<number>(golds.length).fill(-1);
  const adj = preds.map((p) => golds.map((g, j) => (ok(p, g) ? j : -1)).filter((j) => j >= 0));
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (const j of adj[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      if (predOf[j] === -1 || tryAssign(predOf[j]!, seen)) {
        predOf[j] = i;
        goldOf[i] = j;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < preds.length; i++) tryAssign(i, new Array<boolean>(golds.length).fill(false));
  return goldOf.flatMap((j, i) => (j >= 0 ? [[i, j] as [number, number]] : []));
}

function namesMatch(aliases: Record<string, string>) {
  const canon = (s: string) => {
    const hit = Object.keys(aliases).find((a) => sameName(a, s));
    return hit ? aliases[hit]! : s;
  };
  return (p: string, g: string): boolean => sameName(p, g) || sameName(canon(p), canon(g));
}

function loadCorpus(corpus: Corpus): { dir: string; articles: [string, GoldArticle][] } | null {
  if (corpus === 'seeds') {
    const file = join(shared, 'dev-gold', 'seeds-gold.json');
    if (!existsSync(file)) return null;
    const gold = JSON.parse(readFileSync(file, 'utf8')) as { seeds: Record<string, GoldArticle> };
    return { dir: join(shared, 'seeds'), articles: Object.entries(gold.seeds) };
  }
  const gold = JSON.parse(readFileSync(join(devset, 'gold.json'), 'utf8')) as { articles: Record<string, GoldArticle> };
  return { dir: join(devset, 'articles'), articles: Object.entries(gold.articles).filter(([, a]) => a.split === corpus) };
}

function emptyTallies(): Record<Kind, Tally> {
  return Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<Kind, Tally>;
}
function scored(t: Record<Kind, Tally>): Record<Kind, Scored> {
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return Object.fromEntries(
    KINDS.map((k) => {
      const { tp, fp, fn } = t[k];
      const p = ratio(tp, tp + fp);
      const r = ratio(tp, tp + fn);
      return [k, { tp, fp, fn, p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) }];
    }),
  ) as Record<Kind, Scored>;
}

/** Scores one article's prediction; adds to both tallies and lists what was missed or wrong. */
function scoreArticle(out: ContractJson, a: GoldArticle, tallies: Record<Kind, Tally>[], dates: Report['dates'], misses: string[], file: string): void {
  const g = a.gold;
  const add = (k: Kind, preds: string[], golds: string[], pairs: [number, number][]) => {
    for (const t of tallies) {
      t[k].tp += pairs.length;
      t[k].fp += preds.length - pairs.length;
      t[k].fn += golds.length - pairs.length;
    }
    const pm = new Set(pairs.map(([i]) => i));
    const gm = new Set(pairs.map(([, j]) => j));
    preds.forEach((s, i) => pm.has(i) || misses.push(`${file} ${k} FP ${s}`));
    golds.forEach((s, j) => gm.has(j) || misses.push(`${file} ${k} FN ${s}`));
  };
  const names = namesMatch(g.organization_aliases ?? {});
  add('places', out.places, g.places, matchPairs(out.places, g.places, names));
  add('organizations', out.organizations, g.organizations, matchPairs(out.organizations, g.organizations, names));
  const fig = matchPairs(out.figures, g.figures, (p, q) => Math.abs(p.value - q.value) <= 1e-6 * Math.max(1, Math.abs(q.value)) && quotesOverlap(p.quote, q));
  add('figures', out.figures.map((f) => `${f.value} | ${f.quote.slice(0, 70)}`), g.figures.map((f) => `${f.value} | ${f.quote.slice(0, 70)}`), fig);
  const ev = matchPairs(out.events, g.events, (p, q) => p.type === q.type && datesCompatible(p.date, q.date) && quotesOverlap(p.quote, q));
  add('events', out.events.map((e) => `${e.type} ${e.date} | ${e.quote.slice(0, 70)}`), g.events.map((e) => `${e.type} ${e.date} | ${e.quote.slice(0, 70)}`), ev);
  const inst = matchPairs(out.installations, g.installations, (p, q) => p.kind === q.kind && quotesOverlap(p.quote, q));
  add('installations', out.installations.map((i) => `${i.kind} | ${i.quote.slice(0, 70)}`), g.installations.map((i) => `${i.kind} | ${i.quote.slice(0, 70)}`), inst);
  for (const q of g.events) if (q.date) dates.total++;
  for (const [i, j] of ev) if (g.events[j]!.date && out.events[i]!.date === g.events[j]!.date) dates.exact++;
}

export async function evaluate(corpus: Corpus = 'seeds'): Promise<Report> {
  const c = loadCorpus(corpus);
  const total = emptyTallies();
  const byLang: Record<string, Record<Kind, Tally>> = {};
  const dates = { exact: 0, total: 0 };
  const misses: string[] = [];
  for (const [file, a] of c?.articles ?? []) {
    const out = await extractFile(join(c!.dir, file), { published: a.published });
    byLang[a.language] ??= emptyTallies();
    scoreArticle(out, a, [total, byLang[a.language]!], dates, misses, file);
  }
  const perLanguage = Object.fromEntries(Object.entries(byLang).map(([l, t]) => [l, scored(t)]));
  return { perKind: scored(total), perLanguage, dates, articles: c?.articles.length ?? 0, misses };
}

function printTable(title: string, rows: [string, Scored][]): void {
  const f = (x: number) => x.toFixed(2).padStart(5);
  console.log(`\n${title}\n  kind            tp   fp   fn     P     R    F1`);
  for (const [name, s] of rows) {
    console.log(`  ${name.padEnd(14)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)} ${f(s.p)} ${f(s.r)} ${f(s.f1)}`);
  }
}

async function main(): Promise<void> {
  const only = process.argv.indexOf('--only');
  const corpora: Corpus[] = only > 0 ? [process.argv[only + 1] as Corpus] : ['seeds', 'dev', 'test'];
  const results: Partial<Record<Corpus, Report>> = {};
  for (const c of corpora) results[c] = await evaluate(c);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  for (const c of corpora) {
    const r = results[c]!;
    if (r.articles === 0) {
      console.log(`\n== ${c}: no articles (gold not present)`);
      continue;
    }
    console.log(`\n== ${c} (${r.articles} articles)`);
    printTable('all languages', KINDS.map((k) => [k, r.perKind[k]]));
    for (const [lang, s] of Object.entries(r.perLanguage)) printTable(`language ${lang}`, KINDS.map((k) => [k, s[k]]));
    const d = r.dates;
    console.log(`  event dates exact: ${d.exact}/${d.total} (${d.total ? ((100 * d.exact) / d.total).toFixed(0) : 100}%)`);
    if (process.argv.includes('--misses')) for (const m of r.misses) console.log(`  ${m}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
