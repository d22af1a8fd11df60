import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SearchHit, SearchResult } from '../domain/search.ts';
import { emptyFacets, foldFacets, type FacetRow } from './doc.ts';
import type { ResolvedFilters } from './filters.ts';
import { toFts5, type QueryPlan } from './query-plan.ts';
import { makeSnippet } from './snippet.ts';
import { dayInt, yearBucket } from './sqlite-writer.ts';

/** Title matches weigh twice body matches. */
const BM25 = sql.raw('bm25(search_fts, 2.0, 1.0)');
// The parts of the FTS rowid (see sqlite-writer.ts).
const FTS_SEQ = sql.raw('(search_fts.rowid & 4294967295)');
const FTS_COMBO = sql.raw('(search_fts.rowid >> 46)');
const FTS_YEAR_LO = sql.raw('((search_fts.rowid >> 39) & 127)');
const FTS_YEAR_HI = sql.raw('((search_fts.rowid >> 32) & 127)');

type Row = Record<string, unknown>;

/** Combo codes the kind/type/language/status/reliability filters allow; null when none is set. */
async function allowedCombos(db: Kysely<any>, f: ResolvedFilters): Promise<number[] | null> {
  const conds: RawBuilder<unknown>[] = [];
  const inList = (col: string, values: string[] | null) => {
    if (values) conds.push(sql`${sql.id(col)} IN (${sql.join(values)})`);
  };
  inList('kind', f.kinds);
  inList('type', f.types);
  inList('status', f.statuses);
  inList('reliability', f.reliabilities);
  if (f.languages) {
    // lang:zh also takes zh-Hans and zh-TW.
    const alts = f.languages.flatMap((l) => [
      sql`language = ${l}`,
      sql`substr(language, 1, ${l.length + 1}) = ${l + '-'}`,
    ]);
    conds.push(sql`(${sql.join(alts, sql` OR `)})`);
  }
  if (conds.length === 0) return null;
  const r = await sql<{ code: number }>`SELECT code FROM search_combo WHERE ${sql.join(conds, sql` AND `)}`.execute(db);
  return r.rows.map((x) => x.code);
}

/** Conditions on a match of the FTS index, mostly on its rowid alone. */
function ftsConditions(f: ResolvedFilters, combos: number[] | null): RawBuilder<unknown>[] {
  const conds: RawBuilder<unknown>[] = [];
  if (combos) conds.push(sql`${FTS_COMBO} IN (${sql.join(combos)})`);
  if (f.from || f.to) {
    const lo = dayInt(f.from ?? '0001-01-01')!;
    const hi = dayInt(f.to ?? '9999-12-31')!;
    const [from, to] = [yearBucket(lo), yearBucket(hi)];
    // Year buckets settle most documents: out when wholly before or after, in when they overlap by
    // more than the boundary years. Only a document touching a boundary year is looked up.
    conds.push(sql`${FTS_YEAR_LO} <= ${to} AND ${FTS_YEAR_HI} >= ${from} AND (
      (${FTS_YEAR_LO} < ${to} AND ${FTS_YEAR_HI} > ${from})
      OR EXISTS (SELECT 1 FROM search_doc d WHERE d.seq = ${FTS_SEQ} AND d.date_lo <= ${hi} AND d.date_hi >= ${lo}))`);
  }
  if (f.placeIds)
    conds.push(sql`${FTS_SEQ} IN (SELECT seq FROM search_place WHERE place_id IN (${sql.join(f.placeIds)}))`);
  return conds;
}

/** The same conditions on a search_doc row (d0), for queries with filters only. */
function docConditions(f: ResolvedFilters, combos: number[] | null): RawBuilder<unknown>[] {
  const conds: RawBuilder<unknown>[] = [];
  if (combos) conds.push(sql`d0.combo IN (${sql.join(combos)})`);
  if (f.from || f.to) {
    conds.push(sql`d0.date_lo <= ${dayInt(f.to ?? '9999-12-31')} AND d0.date_hi >= ${dayInt(f.from ?? '0001-01-01')}`);
  }
  if (f.placeIds) conds.push(sql`d0.seq IN (SELECT seq FROM search_place WHERE place_id IN (${sql.join(f.placeIds)}))`);
  return conds;
}

const andAll = (conds: RawBuilder<unknown>[]) => (conds.length ? sql` AND ${sql.join(conds, sql` AND `)}` : sql``);

type Ranked = { seq: number; code: number; r: number | null };

export async function sqliteSearch(db: Kysely<any>, plan: QueryPlan): Promise<SearchResult> {
  if (plan.filters.empty) return { hits: [], total: 0, facets: emptyFacets() };
  // A read transaction: the page, the counts and the texts come from one snapshot.
  return db.isTransaction ? run(db, plan) : db.transaction().execute((tx) => run(tx, plan));
}

async function run(db: Kysely<any>, plan: QueryPlan): Promise<SearchResult> {
  const combos = await allowedCombos(db, plan.filters);
  if (combos && combos.length === 0) return { hits: [], total: 0, facets: emptyFacets() };
  const match = toFts5(plan);

  // Two passes over the matches, each touching only the FTS index (and search_doc for documents
  // in a date filter's boundary years): bm25 for the page, then a count per combo for the facets.
  // Measured faster than one statement over a materialised match set, which pays to store it.
  let top: RawBuilder<Ranked>;
  let counts: RawBuilder<unknown>;
  if (match !== null) {
    const where = sql`search_fts MATCH ${match}${andAll(ftsConditions(plan.filters, combos))}`;
    top = sql<Ranked>`SELECT ${FTS_SEQ} AS seq, ${FTS_COMBO} AS code, ${BM25} AS r FROM search_fts WHERE ${where}
      ORDER BY r, code, seq LIMIT ${plan.limit} OFFSET ${plan.offset}`;
    counts = sql`SELECT ${FTS_COMBO} AS code, count(*) AS n FROM search_fts WHERE ${where} GROUP BY 1`;
  } else {
    const conds = docConditions(plan.filters, combos);
    const where = conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``;
    // Filters only: newest first, by the latest day the document may refer to.
    top = sql<Ranked>`SELECT d0.seq, d0.combo AS code, d0.date_hi AS r FROM search_doc d0 ${where}
      ORDER BY r IS NULL, r DESC, seq DESC LIMIT ${plan.limit} OFFSET ${plan.offset}`;
    counts = sql`SELECT d0.combo AS code, count(*) AS n FROM search_doc d0 ${where} GROUP BY 1`;
  }
  const ranked = (await top.execute(db)).rows;
  const facetRows = (
    await sql<FacetRow & { code: number }>`SELECT c.code, c.kind, c.type, c.language, c.status, c.reliability, g.n
      FROM (${counts}) g JOIN search_combo c ON c.code = g.code`.execute(db)
  ).rows;
  const { total, facets } = foldFacets(facetRows);
  const kindOf = new Map(facetRows.map((r) => [r.code, r.kind ?? '']));
  if (ranked.length === 0) return { hits: [], total, facets };

  // Text for the page only: snippets are made for what is shown.
  const texts = await sql<{ seq: number; id: string; title: string; body: string }>`SELECT seq, id, title, body
    FROM search_text WHERE seq IN (${sql.join(ranked.map((r) => r.seq))})`.execute(db);
  const bySeq = new Map(texts.rows.map((t) => [t.seq, t]));
  const hits: SearchHit[] = [];
  for (const r of ranked) {
    const t = bySeq.get(r.seq);
    if (!t) continue;
    hits.push({
      id: t.id,
      kind: kindOf.get(r.code) ?? '',
      title: t.title,
      snippet: makeSnippet(t.body, plan.highlight),
      score: match !== null ? -Number(r.r) : 0,
    });
  }
  return { hits, total, facets };
}

export async function sqliteCount(db: Kysely<any>): Promise<number> {
  const r = await sql<Row>`SELECT count(*) AS n FROM search_text`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
