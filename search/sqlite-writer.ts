import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ValidationError } from '../domain/errors.ts';
import type { IndexWriter, SearchDoc } from '../domain/search.ts';
import { indexText } from './analyzer.ts';
import { toIndexRow, type IndexRow } from './doc.ts';
import { clearSearchTables } from './migrations.ts';

/*
 * The FTS rowid carries what search filters and counts on, so that a query over tens of
 * thousands of matches reads nothing but the index:
 *   bits 46-62 combo code (kind/type/language/status/reliability)
 *   bits 39-45 year bucket of the first day, bits 32-38 of the last day (1900 + 0…127, clamped)
 *   bits 0-31  seq, the document's key in search_doc/search_text
 * It exceeds 2^53, so it is only ever computed and taken apart in SQL, never in JS.
 */
const SEQ_SPAN = 2 ** 32;
const MAX_COMBO = 2 ** 17;
export const FIRST_YEAR = 1900;
export const UNDATED = { lo: 127, hi: 0 }; // an empty bucket interval: the year test never accepts it

export const dayInt = (day: string | null) => (day === null ? null : Number(day.replaceAll('-', '')));
export const yearBucket = (day: number) => Math.max(0, Math.min(127, Math.floor(day / 10000) - FIRST_YEAR));

export function ftsRowid(combo: number, lo: number | null, hi: number | null, seq: number): RawBuilder<unknown> {
  const b = lo === null || hi === null ? UNDATED : { lo: yearBucket(lo), hi: yearBucket(hi) };
  const high = sql.raw(String(((combo * 128 + b.lo) * 128 + b.hi) | 0));
  return sql`((${high} << 32) | ${sql.raw(String(seq | 0))})`;
}

const comboKey = (r: IndexRow) => [r.kind, r.type ?? '', r.language, r.status ?? '', r.reliability ?? ''];

async function comboCode(tx: Kysely<any>, r: IndexRow): Promise<number> {
  const [kind, type, language, status, reliability] = comboKey(r);
  const found = await sql<{ code: number }>`SELECT code FROM search_combo
    WHERE kind = ${kind} AND type = ${type} AND language = ${language} AND status = ${status} AND reliability = ${reliability}`.execute(
    tx,
  );
  if (found.rows[0]) return found.rows[0].code;
  const made = await sql<{ code: number }>`INSERT INTO search_combo (kind, type, language, status, reliability)
    VALUES (${kind}, ${type}, ${language}, ${status}, ${reliability}) RETURNING code`.execute(tx);
  const code = made.rows[0]!.code;
  if (code >= MAX_COMBO)
    throw new Error('search index: too many distinct kind/type/language/status/reliability combinations');
  return code;
}

/** Runs in the caller's transaction; when handed the bare database, opens one so a write is never half done. */
function inTransaction<T>(db: Kysely<any>, work: (tx: Kysely<any>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

interface Existing {
  seq: number;
  combo: number;
  date_lo: number | null;
  date_hi: number | null;
  title: string;
  body: string;
}

async function existing(tx: Kysely<any>, id: string): Promise<Existing | undefined> {
  const r = await sql<Existing>`SELECT t.seq, d.combo, d.date_lo, d.date_hi, t.title, t.body FROM search_text t
    JOIN search_doc d ON d.seq = t.seq WHERE t.id = ${id}`.execute(tx);
  return r.rows[0];
}

/** A contentless table forgets a row given the tokens it was indexed with. */
async function unindex(tx: Kysely<any>, e: Existing): Promise<void> {
  await sql`INSERT INTO search_fts (search_fts, rowid, title, body)
    VALUES ('delete', ${ftsRowid(e.combo, e.date_lo, e.date_hi, e.seq)}, ${indexText(e.title)}, ${indexText(e.body)})`.execute(
    tx,
  );
}

async function upsert(tx: Kysely<any>, r: IndexRow): Promise<void> {
  const code = await comboCode(tx, r);
  const old = await existing(tx, r.id);
  const lo = dayInt(r.dateLo);
  const hi = dayInt(r.dateHi);
  let seq: number;
  if (old) {
    seq = old.seq;
    await unindex(tx, old);
    await sql`UPDATE search_text SET title = ${r.title}, body = ${r.text} WHERE seq = ${seq}`.execute(tx);
    await sql`UPDATE search_doc SET combo = ${code}, date_lo = ${lo}, date_hi = ${hi} WHERE seq = ${seq}`.execute(tx);
    await sql`DELETE FROM search_place WHERE seq = ${seq}`.execute(tx);
  } else {
    const made = await sql<{ seq: number }>`INSERT INTO search_text (id, title, body)
      VALUES (${r.id}, ${r.title}, ${r.text}) RETURNING seq`.execute(tx);
    seq = made.rows[0]!.seq;
    if (seq >= SEQ_SPAN) throw new Error('search index: document sequence exhausted; rebuild the index');
    await sql`INSERT INTO search_doc (seq, combo, date_lo, date_hi) VALUES (${seq}, ${code}, ${lo}, ${hi})`.execute(tx);
  }
  await sql`INSERT INTO search_fts (rowid, title, body)
    VALUES (${ftsRowid(code, lo, hi, seq)}, ${indexText(r.title)}, ${indexText(r.text)})`.execute(tx);
  if (r.placeIds.length) {
    await sql`INSERT INTO search_place (place_id, seq) VALUES ${sql.join(r.placeIds.map((p) => sql`(${p}, ${seq})`))}`.execute(
      tx,
    );
  }
}

async function remove(tx: Kysely<any>, id: string): Promise<void> {
  const row = await existing(tx, id);
  if (!row) return;
  await unindex(tx, row);
  await sql`DELETE FROM search_place WHERE seq = ${row.seq}`.execute(tx);
  await sql`DELETE FROM search_doc WHERE seq = ${row.seq}`.execute(tx);
  await sql`DELETE FROM search_text WHERE seq = ${row.seq}`.execute(tx);
}

export function sqliteWriter(): IndexWriter<Kysely<any>> {
  return {
    upsert: (tx, doc) => {
      const r = toIndexRow(doc);
      return inTransaction(tx, (t) => upsert(t, r));
    },
    remove: (tx, id) => inTransaction(tx, (t) => remove(t, id)),
  };
}

/** FTS5 keeps these in its config table; the values restored after a rebuild are FTS5's defaults. */
async function ftsConfig(db: Kysely<any>, key: 'automerge' | 'hashsize', value: number): Promise<void> {
  await sql`INSERT INTO search_fts (search_fts, rank) VALUES (${key}, ${sql.raw(String(Math.trunc(value)))})`.execute(
    db,
  );
}

/** Rows per multi-row INSERT: 4 parameters each, well under SQLite's parameter limit. */
const ROWS_PER_INSERT = 500;
const BATCH = 5_000;

async function insertMany(tx: Kysely<any>, head: string, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const values = rows.slice(i, i + ROWS_PER_INSERT).map((r) => sql`(${sql.join(r)})`);
    await sql`${sql.raw(head)} VALUES ${sql.join(values)}`.execute(tx);
  }
}

/**
 * Empties the index and fills it from `docs`, in batches with a transaction each. Batches, not
 * one transaction: the caller's iterator may read the same SQLite database, whose single
 * connection our transaction would hold. Searches meanwhile see a partial index.
 */
export async function sqliteRebuild(
  db: Kysely<any>,
  docs: AsyncIterable<SearchDoc> | Iterable<SearchDoc>,
  onProgress?: (indexed: number) => void,
): Promise<number> {
  await db.transaction().execute((tx) => clearSearchTables(tx, 'sqlite'));
  const combos = new Map<string, number>();
  const ids = new Set<string>();
  let seq = 0;
  let batch: IndexRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await db.transaction().execute(async (tx) => {
      const text: unknown[][] = [];
      const doc: unknown[][] = [];
      const fts: unknown[][] = [];
      const place: unknown[][] = [];
      for (const r of rows) {
        const key = comboKey(r).join('\u0000');
        let code = combos.get(key);
        if (code === undefined) combos.set(key, (code = await comboCode(tx, r)));
        seq++;
        text.push([seq, r.id, r.title, r.text]);
        const lo = dayInt(r.dateLo);
        const hi = dayInt(r.dateHi);
        doc.push([seq, code, lo, hi]);
        fts.push([ftsRowid(code, lo, hi, seq), indexText(r.title), indexText(r.text)]);
        for (const p of r.placeIds) place.push([p, seq]);
      }
      await insertMany(tx, 'INSERT INTO search_text (seq, id, title, body)', text);
      await insertMany(tx, 'INSERT INTO search_doc (seq, combo, date_lo, date_hi)', doc);
      await insertMany(tx, 'INSERT INTO search_fts (rowid, title, body)', fts);
      await insertMany(tx, 'INSERT INTO search_place (place_id, seq)', place);
    });
    onProgress?.(seq);
  };
  // Bulk mode: bigger in-memory segments and no incremental merging; 'optimize' merges once at the end.
  await ftsConfig(db, 'automerge', 0);
  await ftsConfig(db, 'hashsize', 16 * 2 ** 20);
  try {
    for await (const d of docs) {
      const r = toIndexRow(d);
      // A duplicate would otherwise surface as a raw UNIQUE constraint error halfway through.
      if (ids.has(r.id)) throw new ValidationError(`rebuild: document ${r.id} given twice`);
      ids.add(r.id);
      batch.push(r);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  } finally {
    await ftsConfig(db, 'automerge', 4);
    await ftsConfig(db, 'hashsize', 2 ** 20);
  }
  // One segment per term: the fastest layout to query.
  await sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`.execute(db);
  await sql`DELETE FROM search_meta WHERE key = 'needs_rebuild'`.execute(db);
  return seq;
}
