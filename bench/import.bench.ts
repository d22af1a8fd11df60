import { join } from 'node:path';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { resolveConfig } from '../app/config.ts';
import { openTestTumen, operator } from '../test/keys.ts';
import { importDocument } from '../app/commands/source-importer.ts';
import { tempDir } from '../test/databases.ts';
import { fmtRate, machineLine } from './machine.ts';
import { syntheticArticle } from './synthetic-articles.ts';

const actor = operator;

/**
 * Import throughput against raw better-sqlite3 inserts of the same rows, both on the same disk
 * with the same durability (WAL, synchronous=FULL). Tumen does more per source: parsing,
 * a fsynced blob, the evidence row, the audit entry, extraction and the search index.
 */
export async function benchImport(n = 10_000): Promise<void> {
  console.log(`\n## import: ${n.toLocaleString('en-US')} synthetic articles of ~3 KB`);
  console.log(machineLine());
  const articles = Array.from({ length: n }, (_, i) => Buffer.from(syntheticArticle(i)));
  const totalBytes = articles.reduce((a, b) => a + b.byteLength, 0);
  console.log(`data: ${(totalBytes / 2 ** 20).toFixed(1)} MiB of text`);

  const rawDir = tempDir('tumen-bench-raw-');
  const raw = new Database(join(rawDir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('create table sources (id integer primary key, sha256 text unique, title text, text text)');
  const insert = raw.prepare('insert into sources (sha256, title, text) values (?, ?, ?)');
  let t = performance.now();
  for (const a of articles) {
    const text = a.toString('utf8');
    insert.run(createHash('sha256').update(a).digest('hex'), text.slice(0, text.indexOf('\n')), text);
  }
  const rawPerRow = n / ((performance.now() - t) / 1000);
  raw.exec('delete from sources');
  t = performance.now();
  raw.transaction(() => {
    for (const a of articles) {
      const text = a.toString('utf8');
      insert.run(createHash('sha256').update(a).digest('hex'), text.slice(0, text.indexOf('\n')), text);
    }
  })();
  const rawBatch = n / ((performance.now() - t) / 1000);
  raw.close();
  rmSync(rawDir, { recursive: true, force: true });

  const dir = tempDir('tumen-bench-import-');
  const tumen = await openTestTumen(resolveConfig({ data: dir }));
  t = performance.now();
  let candidates = 0;
  for (const [i, a] of articles.entries()) {
    const r = await importDocument(tumen, `a${i}.txt`, new Uint8Array(a), { actor });
    candidates += r.candidates ?? 0;
  }
  const tumenRate = n / ((performance.now() - t) / 1000);
  await tumen.close();
  rmSync(dir, { recursive: true, force: true });

  console.log(`raw better-sqlite3, one transaction per row:  ${fmtRate(rawPerRow, 'rows/s')}`);
  console.log(`raw better-sqlite3, one transaction for all:  ${fmtRate(rawBatch, 'rows/s')}`);
  console.log(`tumen import (one transaction per file):       ${fmtRate(tumenRate, 'sources/s')} (${candidates.toLocaleString('en-US')} candidates proposed)`);
  console.log(`ratio tumen / raw per-row: ${(tumenRate / rawPerRow).toFixed(3)}   tumen / raw batch: ${(tumenRate / rawBatch).toFixed(4)}`);
}
