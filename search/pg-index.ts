import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ValidationError } from '../domain/errors.ts';
import type { IndexWriter, SearchDoc, SearchHit, SearchResult } from '../domain/search.ts';
import { scan } from './analyzer.ts';
import { emptyFacets, foldFacets, toIndexRow, type FacetRow, type IndexRow } from './doc.ts';
import type { ResolvedFilters } from './filters.ts';
import { toTsquery, type QueryPlan } from './query-plan.ts';
import { clearSearchTables } from './migrations.ts';
import { makeSnippet } from './snippet.ts';

/** PostgreSQL keeps positions up to 16383 and 256 of them per lexeme. */
const MAX_POS = 16383;
const MAX_POSITIONS = 255;

/**
 * The tsvector as a literal, positions and title weight included, so that PostgreSQL's parser and
 * dictionaries never see the text: both engines then hold exactly the analyzer's tokens.
 */
export function tsvectorLiteral(title: string, body: string): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  const add = (weight: string) => (term: string) => {
    pos = Math.min(pos + 1, MAX_POS);
    let list = positions.get(term);
    if (!list) positions.set(term, (list = []));
    if (list.length < MAX_POSITIONS) list.push(`${pos}${weight}`);
  };
  scan(title, add('A'));
  pos += 1; // A gap, so that a phrase can't run from the title into the text.
  scan(body, add(''));
  let out = '';
  for (const [term, list] of positions)
    out += `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}':${list.join(',')} `;
  return out;
}

const rowValues = (r: IndexRow) =>
  sql`(${r.id}, ${r.kind}, ${r.type}, ${r.language}, ${r.status}, ${r.reliability}, ${r.dateLo}::date, ${r.dateHi}::date,
    ${r.placeIds}::text[], ${r.title}, ${r.text}, ${tsvectorLiteral(r.title, r.text)}::tsvector)`;
const COLUMNS = sql.raw(
  '(id, kind, type, language, status, reliability, date_lo, date_hi, place_ids, title, body, tsv)',
);

export function pgWriter(): IndexWriter<Kysely<any>> {
  return {
    async upsert(tx, doc) {
      const r = toIndexRow(doc);
      await sql`INSERT INTO search_doc ${COLUMNS} VALUES ${rowValues(r)}
        ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, type = excluded.type, language = excluded.language,
          status = excluded.status, reliability = excluded.reliability, date_lo = excluded.date_lo,
          date_hi = excluded.date_hi, place_ids = excluded.place_ids, title = excluded.title,
          body = excluded.body, tsv = excluded.tsv`.execute(tx);
    },
    async remove(tx, id) {
      await sql`DELETE FROM search_doc WHERE id = ${id}`.execute(tx);
    },
  };
}

const ROWS_PER_INSERT = 500;

/** One transaction: searches see the old index until the new one is complete. */
export async function pgRebuild(
  db: Kysely<any>,
  docs: AsyncIterable<SearchDoc> | Iterable<SearchDoc>,
  onProgress?: (indexed: number) => void,
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await clearSearchTables(tx, 'postgres');
    let n = 0;
    let batch: IndexRow[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await sql`INSERT INTO search_doc ${COLUMNS} VALUES ${sql.join(batch.map(rowValues))}`.execute(tx);
      n += batch.length;
      batch = [];
      onProgress?.(n);
    };
    const seen = new Set<string>();
    for await (const d of docs) {
      const r = toIndexRow(d);
      if (seen.has(r.id)) throw new ValidationError(`rebuild: document ${r.id} given twice`);
      seen.add(r.id);
      batch.push(r);
      if (batch.length >= ROWS_PER_INSERT) await flush();
    }
    await flush();
    await sql`DELETE FROM search_meta WHERE key = 'needs_rebuild'`.execute(tx);
    return n;
  });
}

function conditions(f: ResolvedFilters): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [];
  if (f.kinds) c.push(sql`kind = ANY(${f.kinds}::text[])`);
  if (f.types) c.push(sql`type = ANY(${f.types}::text[])`);
  if (f.statuses) c.push(sql`status = ANY(${f.statuses}::text[])`);
  if (f.reliabilities) c.push(sql`reliability = ANY(${f.reliabilities}::text[])`);
  if (f.languages) {
    c.push(
      sql`(language = ANY(${f.languages}::text[]) OR language LIKE ANY(${f.languages.map((l) => `${l}-%`)}::text[]))`,
    );
  }
  if (f.from || f.to)
    c.push(sql`date_lo <= ${f.to ?? '9999-12-31'}::date AND date_hi >= ${f.from ?? '0001-01-01'}::date`);
  if (f.placeIds) c.push(sql`place_ids && ${f.placeIds}::text[]`);
  return c;
}

export async function pgSearch(db: Kysely<any>, plan: QueryPlan): Promise<SearchResult> {
  if (plan.filters.empty) return { hits: [], total: 0, facets: emptyFacets() };
  const tsq = toTsquery(plan);
  const conds = conditions(plan.filters);
  if (tsq !== null) conds.unshift(sql`tsv @@ ${tsq}::tsquery`);
  const where = conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``;
  // Normalisation 1 divides by 1 + log(length): long documents don't win by size alone.
  const rank = tsq !== null ? sql`ts_rank(tsv, ${tsq}::tsquery, 1)` : sql`0`;
  const order = tsq !== null ? sql`r DESC, id` : sql`date_hi DESC NULLS LAST, id DESC`;
  // The page and the counts run side by side on two pooled connections (measured faster than one
  // statement over a materialised match set); a write committing between them can make the total
  // differ by that write from the page. Text is fetched with the page only.
  const [top, counts] = await Promise.all([
    sql<{ id: string; kind: string; r: number; title: string; body: string }>`
      SELECT id, kind, ${rank} AS r, title, body FROM search_doc ${where}
      ORDER BY ${order} LIMIT ${plan.limit} OFFSET ${plan.offset}`.execute(db),
    sql<FacetRow>`SELECT kind, type, language, status, reliability, count(*)::int AS n
      FROM search_doc ${where} GROUP BY 1, 2, 3, 4, 5`.execute(db),
  ]);
  const { total, facets } = foldFacets(counts.rows);
  const hits: SearchHit[] = top.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    snippet: makeSnippet(r.body, plan.highlight),
    score: Number(r.r),
  }));
  return { hits, total, facets };
}

export async function pgCount(db: Kysely<any>): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM search_doc`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
