import { extractorActor, type Actor } from '../../domain/actor.ts';
import { isValidIsoPrefix, type PartialDate } from '../../domain/partial-date.ts';
import type { CitationInput, RecordKind } from '../../domain/records.ts';
import type { Source } from '../../domain/sources.ts';
import { extract, loadGazetteer, loadOrganizations } from '../../ingest/extract/index.ts';
import type { Candidate, Extraction } from '../../ingest/extract/index.ts';
import type { Store } from '../../store/store.ts';

/**
 * A reviewer reads a handful of passages, not thousands; and each citation is checked against
 * the whole source text, so an uncapped list made a long repetitive file cost quadratic time
 * (256 KB of one repeated Korean sentence took 34 s, holding the import transaction).
 */
export const MAX_CITATIONS_PER_CANDIDATE = 20;

/**
 * Extraction runs on the server's event loop inside the import's transaction, at about 4 s per
 * million characters on a busy 2-core machine: candidates come from the first 500,000 characters
 * only (a 300-page report), so a 50 MB text file cannot hold the server for minutes. Offsets stay
 * valid because the cut is a prefix; the rest of the text is stored, indexed and citable by hand.
 */
export const MAX_EXTRACTION_CHARS = 500_000;

/**
 * Runs extraction over a new source and stores what it finds as candidate records, each citing
 * every passage that states it, inside the import's transaction. Returns how many it stored.
 * Extraction acts on behalf of the importer: it sees and writes only what they may.
 */
export async function proposeCandidates(tx: Store, source: Source, importer: Actor): Promise<number> {
  const x = extract(source.text.slice(0, MAX_EXTRACTION_CHARS), { published: source.published?.value ?? null, ...langOption(source.language) });
  const places = await placeIds(tx, x, importer);
  let n = 0;
  const add = async (kind: RecordKind, body: unknown, c: Candidate<unknown>) => {
    await tx.records.create(extractorActor(c.rule, importer), { kind, status: 'candidate', body, citations: citations(source.id, c) });
    n++;
  };
  for (const c of x.places) {
    const g = c.value.gazetteerId ? loadGazetteer().places.get(c.value.gazetteerId) : undefined;
    const body = g
      ? { names: g.names, aliases: g.aliases, kind: g.kind, country: g.country, precision: g.precision, gazetteerId: g.id, geometry: g.lat != null && g.lon != null ? { type: 'Point', coordinates: [g.lon, g.lat] } : null }
      : { names: { en: c.value.text, ko: '', zh: '' }, precision: 'unknown' };
    await add('place', body, c);
  }
  for (const c of x.organizations) {
    const d = c.value.orgId ? loadOrganizations().orgs.get(c.value.orgId) : undefined;
    const body = d
      ? { name: d.name, aliases: d.aliases, acronym: d.acronym, kind: d.kind, country: d.country, directoryId: d.id }
      : { name: c.value.text, acronym: c.value.acronym ?? '' };
    await add('organization', body, c);
  }
  for (const c of x.events) {
    const v = c.value;
    await add(
      'event',
      {
        type: v.type,
        start: partial(v.date, v.approx),
        placeId: await placeIdOf(tx, importer, places, v),
        count: v.count != null ? { value: Math.round(v.count), qualifier: countQualifier(v.countQualifier) } : null,
        description: c.spans[0]?.quote ?? '',
      },
      c,
    );
  }
  for (const c of x.figures) {
    const v = c.value;
    const period = partial(v.period, false);
    await add(
      'figure',
      { metric: v.metric, value: v.value, valueMax: v.valueMax ?? null, unit: v.unit || 'persons', period: period ? { start: period, end: period } : null, qualifier: figureQualifier(v.qualifier), note: v.periodText && !period ? `period as written: ${v.periodText}` : '' },
      c,
    );
  }
  for (const c of x.installations) {
    const v = c.value;
    await add('installation', { kind: v.kind, placeId: await placeIdOf(tx, importer, places, v), description: c.spans[0]?.quote ?? '' }, c);
  }
  return n;
}

function langOption(language: string): { lang?: 'en' | 'ko' | 'zh' } {
  const l = language.slice(0, 2);
  return l === 'en' || l === 'ko' || l === 'zh' ? { lang: l } : {};
}

function citations(sourceId: string, c: Candidate<unknown>): CitationInput[] {
  return c.spans.slice(0, MAX_CITATIONS_PER_CANDIDATE).map((s) => ({ sourceId, start: s.start, end: s.end, quote: s.quote, note: '', credibility: 6, rule: c.rule }));
}

function partial(value: string | null, approx: boolean): PartialDate | null {
  if (!value || !isValidIsoPrefix(value)) return null;
  return { value, qualifier: approx ? 'approximate' : 'exact' };
}

/** Place text as written → the id of the confirmed gazetteer place record it names, if any. */
async function placeIds(tx: Store, x: Extraction, importer: Actor): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const c of x.places) {
    if (!c.value.gazetteerId || out.has(c.value.text)) continue;
    const id = await tx.records.findPlaceByGazetteerId(importer, c.value.gazetteerId);
    if (id) out.set(c.value.text, id);
  }
  return out;
}

/** The extractor's own gazetteer link wins; else the place text as a place candidate spelled it. */
async function placeIdOf(tx: Store, importer: Actor, byText: Map<string, string>, v: { place: string | null; gazetteerId?: string | null }): Promise<string | null> {
  if (v.gazetteerId) {
    // One lookup per place per source: a report names the same few places again and again.
    const key = `gazetteer:${v.gazetteerId}`;
    if (!byText.has(key)) byText.set(key, (await tx.records.findPlaceByGazetteerId(importer, v.gazetteerId)) ?? '');
    return byText.get(key) || null;
  }
  return v.place ? (byText.get(v.place) ?? null) : null;
}

function countQualifier(q: string | null | undefined): 'exact' | 'about' | 'more_than' | 'up_to' {
  if (!q) return 'exact';
  if (/more|over|least|than|여|多/.test(q)) return 'more_than';
  if (/up|as many|max|까지/.test(q)) return 'up_to';
  if (/about|approx|around|some|nearly|almost|약/.test(q)) return 'about';
  return q === 'exact' || q === 'more_than' || q === 'up_to' || q === 'about' ? q : 'about';
}

const FIGURE_QUALIFIERS = new Set(['exact', 'about', 'almost', 'more_than', 'at_least', 'up_to', 'less_than', 'only', 'range']);
function figureQualifier(q: string | null): string {
  if (!q) return 'exact';
  const norm = q.toLowerCase().replace(/[\s-]+/g, '_');
  if (FIGURE_QUALIFIERS.has(norm)) return norm;
  if (/nearly|almost|거의/.test(norm)) return 'almost';
  if (/more|over|여|多|넘/.test(norm)) return 'more_than';
  if (/least/.test(norm)) return 'at_least';
  if (/up_to|as_many|까지/.test(norm)) return 'up_to';
  if (/less|under|fewer|미만/.test(norm)) return 'less_than';
  return 'about';
}
