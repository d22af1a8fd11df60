/**
 * Scores `ingest/extract` against the hand-made gold labels of the seed reports
 * (<repo>/../shared/dev-gold/seeds-gold.json), running extractFile on each seed with the gold's
 * publication date. Usage: npm run eval:extract [-- --json]
 *
 * Matching (one-to-one: each gold item can be matched by at most one prediction and vice versa,
 * maximum bipartite matching), then precision, recall and F1 per kind, micro-averaged over seeds:
 *  - places, organizations: names compared after normalisation (case, punctuation, possessives,
 *    a leading "the", generic suffixes such as "province", "county", "city", "river"); a name also
 *    matches when both resolve to the same gazetteer / organisation-list entry, or through the gold's
 *    `organization_aliases`. Gold `countries` are not places (the contract lists no countries).
 *  - figures: same value (and the same period when the gold period is an ISO date prefix).
 *  - events: same type, and the predicted quote overlaps the gold quote or one of its other_quotes
 *    (one contains the other, or >= 50% of the shorter one's words are shared).
 *  - installations: same kind, and quote overlap as for events.
 * "dates exact" is the share of gold event dates and ISO figure periods that a matched prediction
 * resolved to exactly the same value.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, loadGazetteer, loadOrganizations } from '../ingest/extract/index.ts';
import type { ContractJson } from '../ingest/extract/index.ts';
import { fold } from '../ingest/extract/text.ts';

interface GoldQuoted {
  quote: string;
  other_quotes?: string[];
}
interface GoldSeed {
  published: string | null;
  gold: {
    events: (GoldQuoted & { type: string; date: string | null })[];
    figures: (GoldQuoted & { value: number; period: string | null })[];
    places: string[];
    organizations: string[];
    organization_aliases?: Record<string, string>;
    installations: (GoldQuoted & { kind: string })[];
  };
}

const KINDS = ['places', 'organizations', 'figures', 'events', 'installations'] as const;
type Kind = (typeof KINDS)[number];
interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const ISO = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

export function normalise(name: string): string {
  return fold(name)
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^the /, '')
    .replace(/\b(?:province|county|city|prefecture|river|rivers|shi|gun|si|district)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function resolvePlace(name: string): string | null {
  const { dict } = loadGazetteer();
  const f = fold(name);
  const hit = dict.scan(f, name).find((m) => m.start === 0 && m.extendedEnd >= name.trim().length);
  return hit?.entry.payload.id ?? null;
}
function resolveOrg(name: string): string | null {
  const { dict } = loadOrganizations();
  const hit = dict.scan(fold(name), name).find((m) => m.start === 0 && m.end === name.length);
  return hit?.entry.payload.id ?? null;
}

function words(s: string): Set<string> {
  return new Set(fold(s).match(/[\p{L}\p{N}]+/gu) ?? []);
}
export function quotesOverlap(pred: string, gold: GoldQuoted): boolean {
  const p = normalise(pred);
  return [gold.quote, ...(gold.other_quotes ?? [])].some((q) => {
    const g = normalise(q);
    if (!g || !p) return false;
    if (g.includes(p) || p.includes(g)) return true;
    const a = words(pred);
    const b = words(q);
    let inter = 0;
    for (const w of a) if (b.has(w)) inter++;
    return inter / Math.min(a.size, b.size) >= 0.5;
  });
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

function sameName(kind: 'places' | 'organizations', aliases: Record<string, string>) {
  return (p: string, g: string): boolean => {
    if (normalise(p) === normalise(g)) return true;
    const canon = (s: string) => normalise(aliases[s] ?? s);
    if (canon(p) === canon(g)) return true;
    const r = kind === 'places' ? resolvePlace : resolveOrg;
    const a = r(p);
    return a !== null && a === r(g);
  };
}

export async function evaluate(): Promise<{ perKind: Record<Kind, Tally & { p: number; r: number; f1: number }>; dates: { exact: number; total: number } }> {
  const gold = JSON.parse(readFileSync(join(shared, 'dev-gold', 'seeds-gold.json'), 'utf8')) as { seeds: Record<string, GoldSeed> };
  const tally = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<Kind, Tally>;
  const dates = { exact: 0, total: 0 };
  for (const [file, seed] of Object.entries(gold.seeds)) {
    const out: ContractJson = await extractFile(join(shared, 'seeds', file), { published: seed.published });
    const g = seed.gold;
    const aliases = g.organization_aliases ?? {};
    const add = (k: Kind, preds: number, golds: number, matched: number) => {
      tally[k].tp += matched;
      tally[k].fp += preds - matched;
      tally[k].fn += golds - matched;
    };
    add('places', out.places.length, g.places.length, matchPairs(out.places, g.places, sameName('places', aliases)).length);
    add('organizations', out.organizations.length, g.organizations.length, matchPairs(out.organizations, g.organizations, sameName('organizations', aliases)).length);
    const fig = matchPairs(out.figures, g.figures, (p, q) => Math.abs(p.value - q.value) <= 1e-6 * Math.max(1, q.value) && (!q.period || !ISO.test(q.period) || p.period === q.period));
    add('figures', out.figures.length, g.figures.length, fig.length);
    const ev = matchPairs(out.events, g.events, (p, q) => p.type === q.type && quotesOverlap(p.quote, q));
    add('events', out.events.length, g.events.length, ev.length);
    const inst = matchPairs(out.installations, g.installations, (p, q) => p.kind === q.kind && quotesOverlap(p.quote, q));
    add('installations', out.installations.length, g.installations.length, inst.length);
    for (const q of g.events) if (q.date) dates.total++;
    for (const q of g.figures) if (q.period && ISO.test(q.period)) dates.total++;
    for (const [i, j] of ev) if (g.events[j]!.date && out.events[i]!.date === g.events[j]!.date) dates.exact++;
    for (const [i, j] of fig) {
      const q = g.figures[j]!;
      if (q.period && ISO.test(q.period) && out.figures[i]!.period === q.period) dates.exact++;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const perKind = Object.fromEntries(
    KINDS.map((k) => {
      const t = tally[k];
      const p = ratio(t.tp, t.tp + t.fp);
      const r = ratio(t.tp, t.tp + t.fn);
      return [k, { ...t, p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) }];
    }),
  ) as Record<Kind, Tally & { p: number; r: number; f1: number }>;
  return { perKind, dates };
}

async function main(): Promise<void> {
  const res = await evaluate();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(res, null, 2));
    return;
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  console.log('kind           tp  fp  fn  precision  recall      F1');
  for (const k of KINDS) {
    const t = res.perKind[k];
    console.log(`${k.padEnd(13)} ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)}    ${pct(t.p)} ${pct(t.r)} ${pct(t.f1)}`);
  }
  const d = res.dates;
  console.log(`dates exact: ${d.exact}/${d.total} (${pct(d.total ? d.exact / d.total : 1).trim()}) of gold event dates and figure periods`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
