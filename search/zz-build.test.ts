import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { rmSync } from 'node:fs';
import { createSearchIndex, migrateSearch } from './index.ts';
import { syntheticDocs } from './synthetic-corpus.ts';
const N = Number(process.argv[2] ?? 100000);
for (const variant of (process.argv[3] ?? 'default,hash64,hash64am0').split(',')) {
  const file = `/tmp/sx/build-${variant}.db`; rmSync(file, { force: true }); rmSync(file + '-wal', { force: true });
  const raw = new Database(file); raw.pragma('journal_mode = WAL'); raw.pragma('synchronous = FULL');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  await migrateSearch(db, 'sqlite');
  if (variant.includes('hash64')) raw.exec(`INSERT INTO search_fts(search_fts, rank) VALUES('hashsize', ${64 * 2 ** 20})`);
  if (variant.includes('am0')) raw.exec(`INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 0)`);
  const index = createSearchIndex(db, 'sqlite');
  const t = performance.now(); let opt = 0;
  await index.rebuild(syntheticDocs({ size: N }), (n) => { if (n === N) opt = performance.now(); });
  const end = performance.now();
  console.log(variant, 'total', ((end - t) / 1000).toFixed(1), 'optimize', ((end - opt) / 1000).toFixed(1), 'load', os.loadavg()[0].toFixed(1));
  await db.destroy();
}
import os from 'node:os';
