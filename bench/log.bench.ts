import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { createCheckpoint } from '../app/commands/checkpointer.ts';
import { verifyTumen } from '../app/commands/verifier.ts';
import { resolveConfig } from '../app/config.ts';
import type { Tumen } from '../app/tumen.ts';
import { MerkleFrontier } from '../crypto/merkle-log.ts';
import { auditLeafHash, frontierColumns, type AuditLeafFields } from '../store/audit-leaf.ts';
import { FileBlobStore } from '../store/blob-store.ts';
import { EncryptedBlobStore } from '../store/encrypted-blob-store.ts';
import { tempDir } from '../test/databases.ts';
import { openTestTumen, operator } from '../test/keys.ts';
import { machineLine, percentile } from './machine.ts';

/**
 * What the tamper-evident log costs: one append (leaf hash + frontier update in the writer's
 * transaction) against the plain insert it replaced, at a million entries; a signed checkpoint
 * at that size; the O(n) re-hash that `verify` does; and evidence import through the encrypting
 * blob store against the plaintext store and raw AES-256-GCM on the same bytes.
 */
const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;

async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn(i);
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { p50: percentile(t, 50), p95: percentile(t, 95) };
}

/** n synthetic entries written straight into the file, as the log would have hashed them. */
function fill(dbFile: string, n: number): number {
  const raw = new Database(dbFile);
  const t = performance.now();
  const insert = raw.prepare('INSERT INTO audit_log (seq, at, actor, action, entity_kind, entity_id, state_hash, detail, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const f = MerkleFrontier.empty();
  raw.transaction(() => {
    for (let seq = 1; seq <= n; seq++) {
      const row: AuditLeafFields = { seq, at: new Date(1_700_000_000_000 + seq * 1000).toISOString(), actor: 'user:bench', action: 'event.update', entity_kind: 'event', entity_id: `0190a1b2-0000-7000-8000-${String(seq).padStart(12, '0')}`, state_hash: randomBytes(32).toString('hex'), detail: '{}' };
      const h = auditLeafHash(row);
      f.append(h);
      insert.run(row.seq, row.at, row.actor, row.action, row.entity_kind, row.entity_id, row.state_hash, row.detail, h.toString('hex'));
    }
    const c = frontierColumns(f);
    raw.prepare('UPDATE audit_frontier SET size = ?, hashes = ?, root = ? WHERE id = 1').run(c.size, c.hashes, c.root);
    raw.exec('CREATE TABLE audit_log_plain AS SELECT * FROM audit_log WHERE 0');
  })();
  raw.close();
  return performance.now() - t;
}

async function benchAppends(tumen: Tumen, n: number): Promise<void> {
  const { store } = tumen;
  const plain = await timeEach(n, (i) =>
    store.db.transaction().execute((tx) =>
      tx.insertInto('audit_log_plain' as 'audit_log').values({ seq: i + 1, at: new Date().toISOString(), actor: 'user:bench', action: 'event.update', entity_kind: 'event', entity_id: 'x', state_hash: 'y', detail: '{}', leaf_hash: '' }).execute(),
    ),
  );
  const merkle = await timeEach(n, () => store.audit.append(operator, 'event.update', { kind: 'event', id: 'x' }, { v: 1 }));
  console.log(`log append at ${(await store.audit.count()).toLocaleString('en-US')} entries (own transaction each, SQLite synchronous=FULL): Merkle ${us(merkle.p50)} p50 / ${us(merkle.p95)} p95; plain insert ${us(plain.p50)} p50 / ${us(plain.p95)} p95 (n=${n})`);
  const cp = await timeEach(20, () => createCheckpoint(tumen));
  console.log(`signed checkpoint at ${(await store.audit.count()).toLocaleString('en-US')} entries (head from the stored frontier + Ed25519 + insert): ${us(cp.p50)} p50 / ${us(cp.p95)} p95`);
  const t = performance.now();
  const report = await verifyTumen(tumen);
  console.log(`verify (every entry re-hashed, root and ${report.checkpoints} checkpoints re-checked): ${((performance.now() - t) / 1000).toFixed(1)} s for ${report.entries.toLocaleString('en-US')} entries`);
}

async function benchBlobImport(dir: string, tumen: Tumen): Promise<void> {
  const files = Array.from({ length: 32 }, () => randomBytes(1 << 20));
  const mb = (files.length * (1 << 20)) / 1e6;
  const key = randomBytes(32);
  const rate = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return mb / ((performance.now() - t) / 1000);
  };
  const raw = await rate(async () => {
    for (const f of files) {
      const c = createCipheriv('aes-256-gcm', key, randomBytes(12));
      c.update(f);
      c.final();
    }
  });
  // Interleaved rounds, best of 3 each: fsync latency drifts, and should hit both stores alike.
  let p = 0;
  let e = 0;
  for (let round = 0; round < 3; round++) {
    const plain = new FileBlobStore(join(dir, `plain${round}`));
    const enc = new EncryptedBlobStore(join(dir, `enc${round}`), tumen.vault.sealer);
    p = Math.max(p, await rate(async () => {
      for (const f of files) await plain.put(f);
    }));
    e = Math.max(e, await rate(async () => {
      for (const f of files) await enc.put(f);
    }));
  }
  const enc = new EncryptedBlobStore(join(dir, 'enc0'), tumen.vault.sealer);
  const shas = files.map((f) => createHash('sha256').update(f).digest('hex'));
  const r = await rate(async () => {
    for (const sha of shas) await enc.get(sha);
  });
  console.log(`evidence import, 32 × 1 MiB: encrypted store ${e.toFixed(0)} MB/s, plaintext store ${p.toFixed(0)} MB/s (both fsync each file), raw AES-256-GCM in memory ${raw.toFixed(0)} MB/s; encrypted read+check ${r.toFixed(0)} MB/s`);
}

export async function benchLog(n = 1_000_000): Promise<void> {
  console.log('\n## log: Merkle audit log, checkpoints, verify; encrypted evidence import');
  console.log(machineLine());
  const dir = tempDir('tumen-bench-log-');
  try {
    const config = resolveConfig({ data: dir, env: {} });
    await (await openTestTumen(config)).close();
    const fillMs = fill(config.database, n);
    console.log(`filled ${n.toLocaleString('en-US')} log entries (leaf hash + frontier in one transaction) in ${(fillMs / 1000).toFixed(1)} s`);
    const tumen = await openTestTumen(config);
    try {
      await benchAppends(tumen, 2000);
      await benchBlobImport(dir, tumen);
    } finally {
      await tumen.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchLog(Number(process.argv[2] ?? 1_000_000));
}
