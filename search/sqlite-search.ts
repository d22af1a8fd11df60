import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SearchHit, SearchResult } from '../domain/search.ts';
import { emptyFacets, foldFacets, type FacetRow } from './doc.ts';
import type { ResolvedFilters } from './filters.ts';
import { toFts5, type QueryPlan } from './query-plan.ts';
import { makeSnippet } from './snippet.ts';
import { dayInt, SEQ_SPAN } from './sqlite-writer.ts';

/** Title matches weigh twice body matches. */
const BM25 = sql.raw('bm25(search_fts, 2.0, 1.0)');
const FTS_SEQ = sql.raw('(search_fts.rowid & 4294967295)');
const FTS_COMBO = sql.raw('(search_fts.rowid >> 32)');

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
    const alts = f.languages.flatMap((l) => [sql`language = ${l}`, sql`substr(language, 1, ${l.length + 1}) = ${l + '-'}`]);
    conds.push(sql`(${sql.join(alts, sql` OR `)})`);
  }
  if (conds.length === 0) return null;
  const r = await sql<{ code: number }>`SELECT code FROM search_combo WHERE ${sql.join(conds, sql` AND `)}`.execute(db);
  return r.rows.map((x) => x.code);
}

/** Conditions on one document, given expressions for its seq and combo code. */
function docConditions(f: ResolvedFilters, combos: number[] | null, seq: RawBuilder<unknown>, combo: RawBuilder<unknown>) {
  const conds: RawBuilder<unknown>[] = [];
  if (combos) conds.push(sql`${combo} IN (${sql.join(combos)})`);
  if (f.from || f.to) {
    const lo = dayInt(f.from ?? '0001-01-01');
    const hi = dayInt(f.to ?? '9999-12-31');
    conds.push(sql`EXISTS (SELECT 1 FROM search_doc d WHERE d.seq = ${seq} AND d.date_lo <= ${hi} AND d.date_hi >= ${lo})`);
  }
  if (f.placeIds) conds.push(sql`${seq} IN (SELECT seq FROM search_place WHERE place_id IN (${sql.join(f.placeIds)}))`);
  return conds;
}

const andAll = (conds: RawBuilder<unknown>[]) => (conds.length ? sql` AND ${sql.join(conds, sql` AND `)}` : sql``);

export async function sqliteSearch(db: Kysely<any>, plan: QueryPlan): Promise<SearchResult> {
  const empty: SearchResult = { hits: [], total: 0, facets: emptyFacets() };
  if (plan.filters.empty) return empty;
  const combos = await allowedCombos(db, plan.filters);
  if (combos && combos.length === 0) return empty;
  const match = toFts5(plan);

  let ranked: { seq: number; combo: number; score: number }[];
  let facetRows: (FacetRow & { code: number })[];
  if (match !== null) {
    const where = sql`search_fts MATCH ${match}${andAll(docConditions(plan.filters, combos, FTS_SEQ, FTS_COMBO))}`;
    // The page first, touching nothing but the FTS index; text is read for these rows only.
    const top = await sql<{ rid: number; r: number }>`SELECT rowid AS rid, ${BM25} AS r FROM search_fts
      WHERE ${where} ORDER BY r, rid LIMIT ${plan.limit} OFFSET ${plan.offset}`.execute(db);
    ranked = top.rows.map((x) => ({ seq: x.rid % SEQ_SPAN, combo: Math.floor(x.rid / SEQ_SPAN), score: -x.r }));
    // Facets and total in one pass over the matches, reading only their rowids (the combo is in there).
    const g = await sql<FacetRow & { code: number }>`SELECT c.code, c.kind, c.type, c.language, c.status, c.reliability, g.n
      FROM (SELECT ${FTS_COMBO} AS code, count(*) AS n FROM search_fts WHERE ${where} GROUP BY 1) g
      JOIN search_combo c ON c.code = g.code`.execute(db);
    facetRows = g.rows;
  } else {
    const conds = docConditions(plan.filters, combos, sql.raw('d0.seq'), sql.raw('d0.combo'));
    const where = conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``;
    // Filters only: newest first, by the latest day the document may refer to.
    const top = await sql<{ seq: number; combo: number }>`SELECT d0.seq, d0.combo FROM search_doc d0 ${where}
      ORDER BY d0.date_hi IS NULL, d0.date_hi DESC, d0.seq DESC LIMIT ${plan.limit} OFFSET ${plan.offset}`.execute(db);
    ranked = top.rows.map((x) => ({ ...x, score: 0 }));
    const g = await sql<FacetRow & { code: number }>`SELECT c.code, c.kind, c.type, c.language, c.status, c.reliability, g.n
      FROM (SELECT d0.combo AS code, count(*) AS n FROM search_doc d0 ${where} GROUP BY 1) g
      JOIN search_combo c ON c.code = g.code`.execute(db);
    facetRows = g.rows;
  }

  const { total, facets } = foldFacets(facetRows);
  const kindOf = new Map(facetRows.map((r) => [r.code, r.kind ?? '']));
  const hits: SearchHit[] = [];
  if (ranked.length) {
    const texts = await sql<{ seq: number; id: string; title: string; body: string }>`SELECT seq, id, title, body
      FROM search_text WHERE seq IN (${sql.join(ranked.map((r) => r.seq))})`.execute(db);
    const bySeq = new Map(texts.rows.map((t) => [t.seq, t]));
    for (const r of ranked) {
      const t = bySeq.get(r.seq);
      if (!t) continue;
      hits.push({
        id: t.id,
        kind: kindOf.get(r.combo) ?? '',
        title: t.title,
        snippet: makeSnippet(t.body, plan.highlight),
        score: r.score,
      });
    }
  }
  return { hits, total, facets };
}

export async function sqliteCount(db: Kysely<any>): Promise<number> {
  const r = await sql<Row>`SELECT count(*) AS n FROM search_text`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
