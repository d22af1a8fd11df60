import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../store/support.ts';
import { migrateSearch, createSearchIndex } from '../search/index.ts';
import { openStore } from '../store/store.ts';
import { openSqliteFile } from '../store/sqlite-cipher.ts';
import { tempDir } from '../test/databases.ts';
import { buildSource } from '../test/factories.ts';
import { operator, testVault } from '../test/keys.ts';
import { fmtRate, machineLine } from './machine.ts';
import { syntheticArticle } from './synthetic-articles.ts';

/**
 * What page encryption costs, against the same work on a plain SQLite file in the same run:
 * raw inserts and a full scan through the driver, then Tumen's own store writes (source row,
 * audit entry, Merkle leaf, search index) with and without the key.
 */
export async function benchAtRest(n = 5_000): Promise<void> {
  console.log(`\n## at rest: page-encrypted SQLite (ChaCha20-Poly1305) against plain SQLite, ${n.toLocaleString('en-US')} articles of ~3 KB`);
  console.log(machineLine());
  const texts = Array.from({ length: n }, (_, i) => syntheticArticle(i));
  const key = randomBytes(32);
  const raw = (label: string, k: Buffer | undefined) => {
    const dir = tempDir('tumen-bench-rest-');
    const db = openSqliteFile(join(dir, 'b.db'), k);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('create table t (id integer primary key, sha text, body text)');
    const ins = db.prepare('insert into t (sha, body) values (?, ?)');
    let t0 = performance.now();
    const perRow = Math.min(n, 1000);
    for (let i = 0; i < perRow; i++) ins.run(sha256Hex(texts[i]!), texts[i]!);
    const rowRate = perRow / ((performance.now() - t0) / 1000);
    t0 = performance.now();
    db.transaction(() => {
      for (const x of texts) ins.run(sha256Hex(x), x);
    })();
    const batchRate = n / ((performance.now() - t0) / 1000);
    db.pragma('wal_checkpoint(TRUNCATE)');
    t0 = performance.now();
    let bytes = 0;
    for (let round = 0; round < 5; round++) for (const r of db.prepare('select body from t').iterate() as Iterable<{ body: string }>) bytes += r.body.length;
    const scanRate = bytes / 2 ** 20 / ((performance.now() - t0) / 1000);
    db.close();
    rmSync(dir, { recursive: true, force: true });
    return { label, rowRate, batchRate, scanRate };
  };
  const plain = raw('plain', undefined);
  const enc = raw('encrypted', key);
  for (const r of [plain, enc]) {
    console.log(`raw ${r.label.padEnd(9)}: ${fmtRate(r.rowRate, 'rows/s')} one transaction per row, ${fmtRate(r.batchRate, 'rows/s')} in one transaction, scan ${fmtRate(r.scanRate, 'MiB/s')}`);
  }
  console.log(`ratio encrypted/plain: per-row ${(enc.rowRate / plain.rowRate).toFixed(2)}, batch ${(enc.batchRate / plain.batchRate).toFixed(2)}, scan ${(enc.scanRate / plain.scanRate).toFixed(2)}`);

  const store = async (k: Buffer | undefined) => {
    const dir = tempDir('tumen-bench-rest-store-');
    const vault = await testVault(dir);
    const opened = await openStore(join(dir, 'tumen.db'), vault.sealer, null, k);
    await migrateSearch(opened.store.db, opened.store.dialect);
    const s = opened.store.withIndex(createSearchIndex(opened.store.db, opened.store.dialect).writer);
    const m = Math.min(n, 2000);
    const t0 = performance.now();
    for (let i = 0; i < m; i++) {
      const { input } = buildSource({ text: texts[i]!, title: `Article ${i}` });
      await s.sources.create(operator, input, sha256Hex(`${i}:${texts[i]}`));
    }
    const rate = m / ((performance.now() - t0) / 1000);
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
    return rate;
  };
  const plainStore = await store(undefined);
  const encStore = await store(key);
  console.log(`Tumen store, source + audit + index per write: plain ${fmtRate(plainStore, 'writes/s')}, encrypted ${fmtRate(encStore, 'writes/s')} (ratio ${(encStore / plainStore).toFixed(2)})`);
}
