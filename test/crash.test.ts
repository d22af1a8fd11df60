import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../app/config.ts';
import { openRawTestDatabase, openTestTumen } from './keys.ts';
import { tempDir, testDialects } from './databases.ts';
import { crashSoak } from './crash-mixed.ts';
import { REPO_ROOT } from './seeds.ts';

const FILES = 300;

function makeFiles(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < FILES; i++) {
    const body = `Crash test report ${i}\n\nOn October ${(i % 28) + 1}, 2023, about ${i + 10} North Koreans were detained near Hunchun. 탈북민 ${i}명이 국경에서 체포됐다. 边境 ${i}.\n`;
    writeFileSync(join(dir, `r${String(i).padStart(4, '0')}.txt`), body.repeat(4));
  }
}

/**
 * Runs the child and kills it a few milliseconds after it has reported `killAfter` more commits,
 * so the kill lands mid-import whatever the machine's speed. Returns the hashes reported committed.
 */
function runAndKill(dataDir: string, filesDir: string, killAfter: number): Promise<{ committed: string[]; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test', 'crash-child.ts'), dataDir, filesDir], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed: string[] = [];
    let finished = false;
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const l of lines) {
        if (l.startsWith('committed ')) committed.push(l.slice(10));
        if (committed.length === killAfter) setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 8));
        if (l === 'finished') finished = true;
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve({ committed, finished });
    });
  });
}

test('SIGKILL during an import loses nothing reported committed and never corrupts the database', { timeout: 300_000 }, async () => {
  const root = tempDir('tumen-crash-');
  const filesDir = join(root, 'files');
  const dataDir = join(root, 'data');
  makeFiles(filesDir);
  const everCommitted = new Set<string>();
  let kills = 0;
  // Kill at random moments until one run gets to the end; each run resumes (import is idempotent).
  for (let round = 0; round < 12; round++) {
    const killAfter = round < 4 ? 10 + Math.floor(Math.random() * 60) : Number.POSITIVE_INFINITY;
    const { committed, finished } = await runAndKill(dataDir, filesDir, killAfter);
    committed.forEach((s) => everCommitted.add(s));
    if (!finished) kills += 1;

    const raw = await openRawTestDatabase(dataDir);
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
    raw.close();
    const tumen = await openTestTumen(resolveConfig({ data: dataDir }));
    try {
      for (const sha of everCommitted) {
        assert.ok(await tumen.store.sources.findBySha256Unrestricted(sha), `source ${sha} was reported committed but is missing`);
        assert.ok(await tumen.blobs.has(sha), `blob ${sha} was reported committed but is missing`);
      }
      const n = await tumen.store.sources.countUnrestricted();
      const withEvidence = await tumen.store.db.selectFrom('evidence_files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(withEvidence.n), n, 'every source has its evidence row: no half-written import');
      // The index is written in the same transactions: one entry per live source and record, no more.
      const records = await tumen.store.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
      assert.equal(await tumen.search.count(), n + Number(records.n), 'search index and records agree');
      if (n > 0) {
        const hits = await tumen.search.search({ q: '"Crash test report"', kinds: ['source'], limit: 1 });
        assert.equal(hits.total, n, 'every committed source is findable');
      }
    } finally {
      await tumen.close();
    }
    if (finished) break;
  }
  assert.ok(kills >= 3, `runs were killed mid-import (${kills})`);
  assert.equal(everCommitted.size, FILES, 'the last run completed the import');
  assert.ok(everCommitted.size > 0);
});

/** `npm run crash-soak -- --kills 100` runs the full count; CI kills a few times per dialect (TUMEN_CRASH_KILLS to change). */
const MIXED_KILLS = Number(process.env.TUMEN_CRASH_KILLS ?? 4);

for (const dialect of testDialects()) {
  test(`SIGKILL during mixed writes over the API on ${dialect}: the store opens, verify passes, no acknowledged write is lost`, { timeout: 300_000 }, async () => {
    const kills = dialect === 'sqlite' ? MIXED_KILLS : Math.max(1, Math.ceil(MIXED_KILLS / 2));
    const r = await crashSoak({ kills, dialect });
    console.log(`${dialect}: ${r.kills} kills, ${r.lost.length} lost, verify passed ${r.verifyPassed}/${r.kills} (${r.acknowledged} acknowledged writes)`);
    assert.deepEqual(r.lost, []);
    assert.deepEqual(r.verifyFailures, []);
    assert.equal(r.verifyPassed, kills);
    assert.ok((r.byOperation.import ?? 0) > 0 && (r.byOperation.create ?? 0) > 0, `a mix of writes was acknowledged: ${JSON.stringify(r.byOperation)}`);
  });
}
