/**
 * Search latency on synthetic English/Korean/Chinese documents, against a raw FTS5 (or tsquery)
 * query on the same data in the same run. Run alone: node --import tsx bench/search.bench.ts [100000] [1000000]
 * PostgreSQL runs at the smallest size when TUMEN_BENCH_PG_URL or TUMEN_TEST_PG_URL is set.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../store/db.ts';
import { createSearchIndex, migrateSearch, type SearchIndex } from '../search/index.ts';
import { PLANTED, syntheticDocs } from '../search/synthetic-corpus.ts';

interface Case {
  name: string;
  queries: string[];
  /** The word the raw baseline searches for, per query. */
  raw: string[];
  runs?: number;
}

const CASES: Case[] = [
  { name: 'rare 2-char CJK word', queries: [...PLANTED.rareCjk], raw: [...PLANTED.rareCjk] },
  { name: 'frequent 2-char CJK word', queries: [...PLANTED.frequentCjk], raw: [...PLANTED.frequentCjk] },
  { name: 'rare English word', queries: [...PLANTED.rareEn], raw: [...PLANTED.rareEn] },
  { name: 'frequent English word', queries: [...PLANTED.frequentEn], raw: [...PLANTED.frequentEn] },
  { name: "Zipf-head word 'north'", queries: ['north'], raw: ['north'], runs: 10 },
  {
    name: 'top 20 ranked + filters',
    queries: ['탈북 kind:event from:2010 to:2020', 'border OR 边境 lang:en,zh status:confirmed'],
    raw: ['탈북', 'border'],
  },
];
const RUNS = 30;
const WARMUP = 3;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

type Run = (q: string) => Promise<unknown> | unknown;

/** Ours and raw alternate run by run, so a burst of load on this shared machine hits both alike. */
async function measure(c: Case, ours: Run, raw: Run): Promise<{ ours: number[]; raw: number[] }> {
  const out = { ours: [] as number[], raw: [] as number[] };
  for (let i = 0; i < WARMUP + (c.runs ?? RUNS); i++) {
    const k = i % c.queries.length;
    const t0 = performance.now();
    await ours(c.queries[k]!);
    const t1 = performance.now();
    await raw(c.raw[k]!);
    const t2 = performance.now();
    if (i >= WARMUP) {
      out.ours.push(t1 - t0);
      out.raw.push(t2 - t1);
    }
  }
  return out;
}

const ms = (x: number) => x.toFixed(1).padStart(7);

const load = () => `load average ${os.loadavg()[0]!.toFixed(1)}`;

async function report(index: SearchIndex, raw: (word: string) => Promise<unknown> | unknown): Promise<void> {
  console.log(`  (${load()} before queries)`);
  console.log(`  ${'case'.padEnd(26)} ${'hits'.padStart(14)}   ours p50/p95 ms     raw p50/p95 ms   ratio p50/p95`);
  for (const c of CASES) {
    const totals: number[] = [];
    for (const q of c.queries) totals.push((await index.search({ q, limit: 20 })).total);
    const { ours, raw: base } = await measure(c, (q) => index.search({ q, limit: 20 }), raw);
    const [o50, o95, b50, b95] = [pct(ours, 0.5), pct(ours, 0.95), pct(base, 0.5), pct(base, 0.95)];
    console.log(
      `  ${c.name.padEnd(26)} ${totals.join('/').padStart(14)} ${ms(o50)} ${ms(o95)}    ${ms(b50)} ${ms(b95)}    ${(o50 / b50).toFixed(2).padStart(5)} ${(o95 / b95).toFixed(2).padStart(5)}`,
    );
  }
}

async function fill(index: SearchIndex, size: number): Promise<number> {
  const t = performance.now();
  let last = 0;
  await index.rebuild(syntheticDocs({ size }), (n) => {
    if (n - last >= size / 5 || n === size) {
      last = n;
      console.log(`  indexed ${n.toLocaleString('en')} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    }
  });
  return (performance.now() - t) / 1000;
}

async function benchSqlite(size: number): Promise<void> {
  const dir = mkdtempSync(join(os.tmpdir(), 'tumen-search-bench-'));
  const file = join(dir, 'bench.db');
  let raw: Database.Database | undefined;
  // The store's own settings (WAL, synchronous=FULL, default cache): what production gets.
  const store = openDatabase({ location: file, onSqlite: (r) => (raw = r) });
  try {
    const db = store.db as unknown as Kysely<any>;
    await migrateSearch(db, 'sqlite');
    const index = createSearchIndex(db, 'sqlite');
    console.log(
      `\nSQLite ${raw!.prepare('SELECT sqlite_version() AS v').pluck().get()} — ${size.toLocaleString('en')} documents`,
    );
    const secs = await fill(index, size);
    raw!.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = statSync(file).size;
    const wal = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
    const textBytes = raw!
      .prepare('SELECT sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))) FROM search_text')
      .pluck()
      .get() as number;
    console.log(
      `  build ${secs.toFixed(0)} s (${Math.round(size / secs).toLocaleString('en')} docs/s); database ${(bytes / 1e6).toFixed(0)} MB (+ WAL ${(wal / 1e6).toFixed(0)} MB), of which original text ${(textBytes / 1e6).toFixed(0)} MB`,
    );
    const stmt = raw!.prepare(
      'SELECT rowid, bm25(search_fts) AS r FROM search_fts WHERE search_fts MATCH ? ORDER BY r LIMIT 20',
    );
    await report(index, (w) => stmt.all(`"${w}"`));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(url: string, size: number): Promise<void> {
  const name = `tumen_search_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: u.toString(), max: 4 });
  // DROP … WITH (FORCE) below ends connections still closing; that is expected, not a crash.
  pool.on('error', () => undefined);
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateSearch(db, 'postgres');
    const index = createSearchIndex(db, 'postgres');
    const v = (await pool.query('SHOW server_version')).rows[0].server_version;
    console.log(`\nPostgreSQL ${v} — ${size.toLocaleString('en')} documents`);
    const secs = await fill(index, size);
    await pool.query('VACUUM ANALYZE search_doc');
    const bytes = (await pool.query(`SELECT pg_database_size('${name}') AS b`)).rows[0].b;
    console.log(
      `  build ${secs.toFixed(0)} s (${Math.round(size / secs).toLocaleString('en')} docs/s); database ${(Number(bytes) / 1e6).toFixed(0)} MB`,
    );
    const text = `SELECT id, ts_rank(tsv, q) AS r FROM search_doc, CAST($1 AS tsquery) q WHERE tsv @@ q ORDER BY r DESC LIMIT 20`;
    await report(index, (w) => pool.query(text, [`'${w}'`]));
  } finally {
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export async function benchSearch(opts: { sizes: number[] }): Promise<void> {
  const cpu = os.cpus();
  console.log(
    `search bench — ${cpu[0]?.model ?? 'unknown cpu'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`,
  );
  console.log(
    `  ${RUNS} timed runs per case (10 for 'north') after ${WARMUP} warm-up; "ours" = SearchIndex.search (limit 20, total, 5 facets, snippets);`,
  );
  console.log('  "raw" = bare MATCH/@@ on the same index ordered by bm25/ts_rank, LIMIT 20, nothing else.');
  for (const size of opts.sizes) await benchSqlite(size);
  const url = process.env.TUMEN_BENCH_PG_URL ?? process.env.TUMEN_TEST_PG_URL;
  if (url) await benchPostgres(url, Math.min(...opts.sizes));
  else console.log('\nPostgreSQL skipped: set TUMEN_BENCH_PG_URL or TUMEN_TEST_PG_URL');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  await benchSearch({ sizes: sizes.length ? sizes : [100_000] });
}
