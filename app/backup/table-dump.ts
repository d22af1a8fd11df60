import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import type { Kysely } from 'kysely';

/**
 * The tables a backup carries, parents before children, with the key to page them by. Left out
 * on purpose: the search index (derived from these, rebuilt) and sessions (a restored copy
 * signs everyone in afresh). A new table of the store belongs here too, or PostgreSQL backups
 * silently lose it (SQLite backups copy the whole file).
 */
export const BACKUP_TABLES: ReadonlyArray<{ table: string; key: readonly string[] }> = [
  { table: 'users', key: ['id'] },
  { table: 'api_tokens', key: ['id'] },
  { table: 'recovery_codes', key: ['id'] },
  { table: 'settings', key: ['key'] },
  { table: 'compartments', key: ['id'] },
  { table: 'compartment_grants', key: ['user_id', 'compartment_id'] },
  { table: 'sources', key: ['id'] },
  { table: 'source_compartments', key: ['source_id', 'compartment_id'] },
  { table: 'evidence_files', key: ['id'] },
  { table: 'records', key: ['id'] },
  { table: 'record_compartments', key: ['record_id', 'compartment_id'] },
  { table: 'citations', key: ['id'] },
  { table: 'audit_log', key: ['seq'] },
  { table: 'audit_frontier', key: ['id'] },
  { table: 'audit_checkpoints', key: ['id'] },
  { table: 'intake_recipients', key: ['id'] },
  { table: 'intake_submissions', key: ['id'] },
  { table: 'intake_objects', key: ['id'] },
];

type Row = Record<string, unknown>;

/** Keyset paging on a single key; offset paging (inside the one snapshot transaction) on a composite one. */
async function* pages(db: Kysely<any>, table: string, key: readonly string[], batch = 1000): AsyncGenerator<Row> {
  let after: unknown = null;
  for (let offset = 0; ; offset += batch) {
    let q = db.selectFrom(table).selectAll().limit(batch);
    for (const k of key) q = q.orderBy(k);
    if (key.length > 1) q = q.offset(offset);
    else if (after !== null) q = q.where(key[0]!, '>', after);
    const rows = (await q.execute()) as Row[];
    yield* rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1]![key[0]!];
  }
}

/**
 * A logical dump, one JSON line per row (`{"t":table,"r":row}`), from one REPEATABLE READ
 * transaction on PostgreSQL so every table is read at the same instant while writers go on.
 */
export async function dumpTables(db: Kysely<any>, path: string): Promise<Record<string, number>> {
  const out = createWriteStream(path, { mode: 0o600 });
  const counts: Record<string, number> = {};
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      for (const { table, key } of BACKUP_TABLES) {
        counts[table] = 0;
        for await (const row of pages(tx, table, key)) {
          if (!out.write(`${JSON.stringify({ t: table, r: row })}\n`)) await new Promise<void>((ok) => out.once('drain', () => ok()));
          counts[table] += 1;
        }
      }
    });
  out.end();
  await finished(out);
  return counts;
}

/** Rows into a migrated, empty database, in one transaction: all of them or none. */
export async function loadTables(db: Kysely<any>, rows: AsyncIterable<{ t: string; r: Row }>): Promise<void> {
  const known = new Set(BACKUP_TABLES.map((t) => t.table));
  await db.transaction().execute(async (tx) => {
    // Migrations seed rows (the empty frontier, the default compartment): the dump carries the real ones.
    for (const { table } of [...BACKUP_TABLES].reverse()) await tx.deleteFrom(table).execute();
    let table = '';
    let batch: Row[] = [];
    const flush = async () => {
      if (batch.length) await tx.insertInto(table).values(batch).execute();
      batch = [];
    };
    for await (const { t, r } of rows) {
      if (!known.has(t)) throw new Error(`backup holds an unknown table "${t}"`);
      if (t !== table || batch.length >= 100) {
        await flush();
        table = t;
      }
      batch.push(r);
    }
    await flush();
  });
}

export async function* readDump(path: string): AsyncGenerator<{ t: string; r: Row }> {
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (line) yield JSON.parse(line) as { t: string; r: Row };
  }
}

/** The same rows read straight from another database (a SQLite snapshot restored into PostgreSQL). */
export async function* readTables(db: Kysely<any>): AsyncGenerator<{ t: string; r: Row }> {
  for (const { table, key } of BACKUP_TABLES) for await (const r of pages(db, table, key)) yield { t: table, r };
}
