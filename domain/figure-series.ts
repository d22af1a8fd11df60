import { rangeInterval, type DateRange } from './partial-date.ts';

/** One figure as the series sees it: its value and everything needed to weigh it. */
export interface SeriesValue {
  figureId: string;
  value: number;
  valueMax: number | null;
  qualifier: string;
  provisional: boolean;
  pinned: boolean;
  status: string;
  period: DateRange | null;
  placeId: string | null;
  source: { id: string; title: string; publisher: string; published: string | null; reliability: string | null } | null;
  credibility: number;
  quote: string;
}

export interface SeriesPeriod {
  /** Display key: "2019", "2023-10", "2019–2020", or "undated". */
  period: string;
  lo: string | null;
  hi: string | null;
  placeId: string | null;
  values: SeriesValue[];
  chosen: SeriesValue | null;
  conflict: boolean;
  explanations: string[];
}

const RELIABILITY_RANK: Record<string, number> = { A: 0, B: 1, C: 2, D: 3, E: 4, F: 5 };
const BOUNDS = new Set(['more_than', 'at_least', 'up_to', 'less_than', 'almost']);

export function periodKey(p: DateRange | null): string {
  if (!p) return 'undated';
  const s = p.start?.value ?? '…';
  const e = p.end?.value ?? '…';
  return s === e ? s : `${s}–${e}`;
}

/**
 * Groups figures of one metric by period and place, picks the value to show, and flags groups
 * whose values disagree, saying why where the data allow: a provisional figure later revised,
 * a bound against a point estimate, or different periods behind the same relative phrase.
 */
export function buildSeries(values: SeriesValue[]): SeriesPeriod[] {
  const groups = new Map<string, SeriesValue[]>();
  for (const v of values) {
    const key = `${periodKey(v.period)}|${v.placeId ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const out: SeriesPeriod[] = [];
  for (const vs of groups.values()) {
    const first = vs[0]!;
    const span = first.period ? rangeInterval(first.period) : null;
    const ranked = [...vs].sort(rank);
    const distinct = new Set(vs.map((v) => `${v.value}:${v.valueMax ?? ''}`));
    const explanations = explain(vs);
    const reconciled = explanations.some((e) => e.startsWith('compatible'));
    out.push({
      period: periodKey(first.period),
      lo: span?.lo ?? null,
      hi: span?.hi ?? null,
      placeId: first.placeId,
      values: ranked,
      chosen: ranked.find((v) => v.status === 'confirmed') ?? null,
      conflict: distinct.size > 1 && !reconciled,
      explanations,
    });
  }
  out.sort((a, b) => (a.lo ?? '9999') < (b.lo ?? '9999') ? -1 : (a.lo ?? '9999') > (b.lo ?? '9999') ? 1 : 0);
  addRelativePhraseNotes(out);
  return out;
}

/** Pinned first, then confirmed, final before provisional, better source, more credible, newer. */
function rank(a: SeriesValue, b: SeriesValue): number {
  return (
    Number(b.pinned) - Number(a.pinned) ||
    Number(b.status === 'confirmed') - Number(a.status === 'confirmed') ||
    Number(a.provisional) - Number(b.provisional) ||
    (RELIABILITY_RANK[a.source?.reliability ?? 'F'] ?? 5) - (RELIABILITY_RANK[b.source?.reliability ?? 'F'] ?? 5) ||
    a.credibility - b.credibility ||
    (b.source?.published ?? '').localeCompare(a.source?.published ?? '')
  );
}

function explain(vs: SeriesValue[]): string[] {
  const out: string[] = [];
  const values = new Set(vs.map((v) => v.value));
  if (values.size < 2) return out;
  const provisional = vs.filter((v) => v.provisional);
  const final = vs.filter((v) => !v.provisional);
  if (provisional.length > 0 && final.length > 0) {
    out.push(`provisional figure${provisional.length > 1 ? 's' : ''} ${list(provisional)} later revised to ${list(final)}`);
  }
  const bounds = vs.filter((v) => BOUNDS.has(v.qualifier));
  const points = vs.filter((v) => !BOUNDS.has(v.qualifier));
  if (bounds.length > 0 && points.length > 0) {
    const ok = bounds.every((b) => points.every((p) => satisfies(p.value, b)));
    out.push(
      ok
        ? `compatible: ${bounds.map((b) => `${b.qualifier.replace(/_/g, ' ')} ${b.value}`).join(', ')} and ${list(points)} can all be true (a bound against an estimate)`
        : `a bound and a point disagree: ${bounds.map((b) => `${b.qualifier.replace(/_/g, ' ')} ${b.value}`).join(', ')} vs ${list(points)}`,
    );
  }
  return out;
}

function satisfies(x: number, bound: SeriesValue): boolean {
  switch (bound.qualifier) {
    case 'more_than':
      return x > bound.value;
    case 'at_least':
      return x >= bound.value;
    case 'up_to':
      return x <= bound.value;
    case 'less_than':
    case 'almost':
      return x <= bound.value;
    default:
      return x === bound.value;
  }
}

const list = (vs: SeriesValue[]) => [...new Set(vs.map((v) => v.value.toLocaleString('en-US')))].join(', ');

const RELATIVE = /\b(last|this|next) (year|month)\b|지난해|작년|올해|去年|今年/i;

/**
 * Two sources saying "last year" mean different years when published in different years. Where
 * neighbouring periods hold values quoted with the same relative phrase, say that the phrases
 * resolve differently, so the analyst does not read them as one year disputed.
 */
function addRelativePhraseNotes(periods: SeriesPeriod[]): void {
  const byPhrase = new Map<string, Array<{ p: SeriesPeriod; v: SeriesValue }>>();
  for (const p of periods) {
    for (const v of p.values) {
      const m = RELATIVE.exec(v.quote);
      if (m) byPhrase.set(m[0].toLowerCase(), [...(byPhrase.get(m[0].toLowerCase()) ?? []), { p, v }]);
    }
  }
  for (const [phrase, hits] of byPhrase) {
    const distinctPeriods = new Set(hits.map((h) => h.p.period));
    if (distinctPeriods.size < 2) continue;
    const detail = hits.map((h) => `${h.v.value.toLocaleString('en-US')} → ${h.p.period} (${h.v.source?.title ?? 'source'}, published ${h.v.source?.published ?? 'undated'})`).join('; ');
    for (const h of hits) {
      const note = `different periods after resolution: "${phrase}" means ${detail}`;
      if (!h.p.explanations.includes(note)) h.p.explanations.push(note);
    }
  }
}
