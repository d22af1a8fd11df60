import { createRequire } from 'node:module';
import type { Actor } from '../../domain/actor.ts';
import type { CitationInput } from '../../domain/records.ts';
import type { Store } from '../../store/store.ts';
import { loadGazetteer as readGazetteer, type GazetteerPlace } from '../../ingest/extract/index.ts';
import { sha256Hex } from '../../store/support.ts';

const require = createRequire(import.meta.url);


interface ArrivalsFile {
  metric: string;
  unit: string;
  rows: Array<{
    year: number;
    total: number;
    male: number | null;
    female: number | null;
    status: string;
    sources: string[];
    note: string;
    alternatives: Array<{ value: number; source: string; kind: string | null; provisional: boolean }>;
  }>;
}

/** The shipped gazetteer, read once by the extractor and shared here. */
export const loadGazetteerFile = (): GazetteerPlace[] => [...readGazetteer().places.values()];
const loadArrivalsFile = (): ArrivalsFile => require('../../data/arrivals.json') as ArrivalsFile;

/** Places from the shipped gazetteer, parents first; places already loaded are left alone. */
export async function loadGazetteer(tx: Store, who: Actor): Promise<number> {
  // Reference data is the installation's own: loaded by the operator into the default compartment.
  const actor = await tx.accounts.compartments.operatorUnrestricted(who);
  const entries = loadGazetteerFile();
  const known = new Map<string, string>();
  for await (const r of tx.records.streamAllUnrestricted()) {
    const gid = r.kind === 'place' ? (r.body as { gazetteerId?: string | null }).gazetteerId : null;
    if (gid) known.set(gid, r.id);
  }
  let created = 0;
  const pending = entries.filter((e) => !known.has(e.id));
  // Parents before children; a parent missing from the file leaves the child without one.
  for (let pass = 0; pending.length > 0 && pass < 10; pass++) {
    for (let i = 0; i < pending.length; ) {
      const e = pending[i]!;
      const parentReady = !e.parent || known.has(e.parent) || !entries.some((x) => x.id === e.parent);
      if (!parentReady) {
        i++;
        continue;
      }
      const place = await tx.records.create(actor, {
        kind: 'place',
        status: 'confirmed',
        body: {
          names: e.names,
          aliases: e.aliases,
          kind: e.kind,
          country: e.country,
          parentId: e.parent ? (known.get(e.parent) ?? null) : null,
          geometry: e.lat != null && e.lon != null ? { type: 'Point', coordinates: [e.lon, e.lat] } : null,
          precision: e.precision,
          gazetteerId: e.id,
        },
      });
      known.set(e.id, place.id);
      pending.splice(i, 1);
      created++;
    }
  }
  return created;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The Ministry of Unification arrival series as figures. The compiled table is one source and
 * each year's figure cites its own line; every alternative published total becomes its own
 * source and figure, so disagreeing numbers stay side by side with their provenance.
 */
export async function loadArrivals(tx: Store, who: Actor): Promise<number> {
  const actor = await tx.accounts.compartments.operatorUnrestricted(who);
  const file = loadArrivalsFile();
  const lines = file.rows.map(
    (r) =>
      `${r.year}: ${fmt(r.total)} arrivals${r.male != null && r.female != null ? ` (male ${fmt(r.male)}, female ${fmt(r.female)})` : ''}. Status: ${r.status.replace(/_/g, ' ')}. ${r.note} Sources: ${r.sources.join('; ')}`,
  );
  const text = `North Korean defectors arriving in South Korea per year (Ministry of Unification), compiled by Tumen from MOU-citing reports.\n\n${lines.join('\n')}\n`;
  const sha = sha256Hex(text);
  if (await tx.sources.findBySha256Unrestricted(sha)) return 0;
  const table = await tx.sources.create(
    actor,
    {
      kind: 'statistical_table',
      title: 'Ministry of Unification: North Korean defector arrivals, 1998–2025 (compiled)',
      publisher: 'Ministry of Unification, Republic of Korea (via news reports)',
      author: '',
      url: 'https://www.unikorea.go.kr/',
      language: 'en',
      published: { value: '2026-02', qualifier: 'exact' },
      retrievedAt: null,
      text,
      reliability: 'B',
    },
    sha,
  );
  let created = 0;
  for (const [i, r] of file.rows.entries()) {
    const line = lines[i]!;
    const offset = text.indexOf(line);
    const valueText = `${r.year}: ${fmt(r.total)}`;
    await tx.records.create(actor, {
      kind: 'figure',
      status: 'confirmed',
      body: { metric: file.metric, value: r.total, unit: file.unit, period: yearPeriod(r.year), qualifier: 'exact', note: r.status.replace(/_/g, ' ') },
      citations: [cite(table.id, offset, valueText, r.status.startsWith('confirmed') || r.status.startsWith('total_confirmed') ? 2 : 3)],
    });
    created++;
    for (const alt of r.alternatives) {
      created += await loadAlternative(tx, actor, file, r.year, alt);
    }
  }
  return created;
}

async function loadAlternative(
  tx: Store,
  actor: Actor,
  file: ArrivalsFile,
  year: number,
  alt: ArrivalsFile['rows'][number]['alternatives'][number],
): Promise<number> {
  const cumulative = alt.kind?.includes('cumulative') ?? false;
  const text = `${year}: ${fmt(alt.value)} ${cumulative ? `(${alt.kind})` : 'arrivals'}, as published by ${alt.source}.`;
  const sha = sha256Hex(text);
  if (await tx.sources.findBySha256Unrestricted(sha)) return 0;
  const source = await tx.sources.create(
    actor,
    { kind: 'news_report', title: `${alt.source}: ${year} arrivals`, publisher: alt.source.split(/[;(]/)[0]!.trim(), author: '', url: '', language: 'en', published: null, retrievedAt: null, text, reliability: 'C' },
    sha,
  );
  await tx.records.create(actor, {
    kind: 'figure',
    status: 'confirmed',
    body: {
      metric: cumulative ? 'North Korean defectors arrived in South Korea, cumulative to 1998' : file.metric,
      value: alt.value,
      unit: file.unit,
      period: cumulative ? { start: null, end: { value: String(year), qualifier: 'exact' } } : yearPeriod(year),
      qualifier: 'exact',
      provisional: alt.provisional,
      note: alt.kind ?? '',
    },
    citations: [cite(source.id, 0, `${year}: ${fmt(alt.value)}`, 3)],
  });
  return 1;
}

function yearPeriod(year: number) {
  const d = { value: String(year), qualifier: 'exact' as const };
  return { start: d, end: d };
}

function cite(sourceId: string, start: number, quote: string, credibility: 1 | 2 | 3 | 4 | 5 | 6): CitationInput {
  return { sourceId, start, end: start + quote.length, quote, note: '', credibility, rule: 'reference-data' };
}
