import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { existsSync } from 'node:fs';
import { createSearchIndex, migrateSearch } from './index.ts';
import { syntheticDocs } from './synthetic-corpus.ts';
import { planQuery, toFts5 } from './query-plan.ts';
const N = Number(process.argv[2] ?? 100000);
const file = `/tmp/sx/b${N}.db`;
const fresh = !existsSync(file);
const raw = new Database(file); raw.pragma('journal_mode = WAL');
const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
await migrateSearch(db, 'sqlite');
const index = createSearchIndex(db, 'sqlite');
if (fresh) { const t = performance.now(); await index.rebuild(syntheticDocs({ size: N })); console.log('build', (performance.now() - t) / 1000); }
function time(label: string, f: () => unknown, n = 30) {
  for (let i = 0; i < 3; i++) f();
  const ts: number[] = [];
  for (let i = 0; i < n; i++) { const t = performance.now(); f(); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b);
  console.log(label.padEnd(40), 'p50', ts[n >> 1]!.toFixed(2), 'p95', ts[Math.floor(n * 0.95)]!.toFixed(2));
}
async function atime(label: string, f: () => Promise<unknown>, n = 30) {
  for (let i = 0; i < 3; i++) await f();
  const ts: number[] = [];
  for (let i = 0; i < n; i++) { const t = performance.now(); await f(); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b);
  console.log(label.padEnd(40), 'p50', ts[n >> 1]!.toFixed(2), 'p95', ts[Math.floor(n * 0.95)]!.toFixed(2));
}
for (const w of (process.argv[3] ?? '탈북,border').split(',')) {
  const m = `"${w}"`;
  time(`raw bm25 ${w}`, () => raw.prepare('SELECT rowid, bm25(search_fts) r FROM search_fts WHERE search_fts MATCH ? ORDER BY r LIMIT 20').all(m));
  time(`raw bm25w ${w}`, () => raw.prepare('SELECT rowid rid, bm25(search_fts,2.0,1.0) r FROM search_fts WHERE search_fts MATCH ? ORDER BY r, rid LIMIT 20').all(m));
  time(`raw group ${w}`, () => raw.prepare('SELECT c.code, c.kind, g.n FROM (SELECT (rowid>>32) code, count(*) n FROM search_fts WHERE search_fts MATCH ? GROUP BY 1) g JOIN search_combo c ON c.code=g.code').all(m));
  time(`raw count ${w}`, () => raw.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').all(m));
  await atime(`kysely bm25 ${w}`, () => sql`SELECT rowid rid, bm25(search_fts,2.0,1.0) r FROM search_fts WHERE search_fts MATCH ${m} ORDER BY r, rid LIMIT 20`.execute(db));
  await atime(`plan ${w}`, async () => toFts5(planQuery({ q: w })));
  await atime(`search ${w}`, () => index.search({ q: w }));
}
await db.destroy();
