import { verifierKey, verifyCheckpoint, type Checkpoint } from '../../crypto/checkpoint.ts';
import { MerkleFrontier } from '../../crypto/merkle-log.ts';
import { HASH_LENGTH, consistencyProof, rootFromLeafHashes, sameHash, verifyConsistency } from '../../crypto/merkle.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { auditLeafHash } from '../../store/audit-leaf.ts';
import { BlobIntegrityError, EncryptedBlobStore } from '../../store/encrypted-blob-store.ts';
import { entityStates } from '../../store/state-hashes.ts';
import type { Tumen } from '../tumen.ts';
import { accountRows, logKeyOf, mustStillExist, quoteFailures, type LoggedRow, recordColumnFailures, sourceColumnFailures } from './verify-rows.ts';

export interface VerifyReport {
  failures: string[];
  entries: number;
  root: string;
  entities: number;
  blobs: number;
  checkpoints: number;
  /**
   * Encrypted files no evidence row or person photo refers to: left by a crash between writing
   * the file and committing its import (harmless: a retry reuses them), or put there by hand.
   * Reported, not failures: no evidence is missing or changed.
   */
  orphanBlobs: string[];
}

/** Leaf hashes of the whole log in one growing buffer: 32 MiB at a million entries. */
class Leaves {
  private buf = Buffer.allocUnsafe(HASH_LENGTH * 1024);
  size = 0;
  push(h: Buffer): void {
    if ((this.size + 1) * HASH_LENGTH > this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger);
      this.buf = bigger;
    }
    h.copy(this.buf, this.size * HASH_LENGTH);
    this.size += 1;
  }
  readonly get = (i: number) => this.buf.subarray(i * HASH_LENGTH, (i + 1) * HASH_LENGTH);
}

/** Collects failure lines, capping each kind so a wholesale edit still gives a readable report. */
class Failures {
  readonly lines: string[] = [];
  private readonly counts = new Map<string, number>();
  add(kind: string, line: string): void {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    if (n <= 20) this.lines.push(line);
  }
  finish(): string[] {
    for (const [kind, n] of this.counts) if (n > 20) this.lines.push(`${kind}: ${n - 20} more like the above`);
    return this.lines;
  }
}

const when = (ms: number) => new Date(ms).toISOString();

/**
 * Re-checks a data folder end to end: the Merkle log against its own entries, its tree head
 * and every signed checkpoint (and an external one, which is what catches a rollback of the
 * whole database); every row against its last logged state; every evidence blob against its
 * SHA-256. Read-only; reports every failure rather than stopping at the first.
 */
export async function verifyTumen(tumen: Tumen, opts: { externalCheckpoint?: string } = {}): Promise<VerifyReport> {
  const { store, vault } = tumen;
  const f = new Failures();

  const leaves = new Leaves();
  const lastState = new Map<string, { what: string; hash: string }>();
  let expected = 1;
  for await (const row of store.audit.scan()) {
    if (row.seq > expected) f.add('log gap', `audit log: entries ${expected}–${row.seq - 1} are missing (deleted)`);
    expected = row.seq + 1;
    const leaf = auditLeafHash(row);
    if (leaf.toString('hex') !== row.leaf_hash) f.add('log entry', `audit log: entry ${row.seq} (${row.action}) does not match its leaf hash (edited)`);
    leaves.push(leaf);
    const key = logKeyOf(row.action, row.entity_kind, row.entity_id);
    if (key) lastState.set(key, { what: `${row.entity_kind} ${row.entity_id}`, hash: row.state_hash });
  }
  const root = rootFromLeafHashes(leaves.size, leaves.get);
  const head = await store.audit.head();
  if (head.size !== leaves.size) f.add('head', `audit log: ${leaves.size} entries, but the tree head says ${head.size} (entries deleted or added outside Tumen)`);
  else if (!sameHash(head.root, root)) f.add('head', 'audit log: the entries do not hash to the stored tree head (edited)');

  // Each checkpoint must be the root of a prefix of these very leaves: that makes every stored
  // checkpoint consistent with every other (RFC 9162 consistency, in one O(n) pass for all).
  const stored = await store.checkpoints.all();
  const want = new Map<number, Array<{ cp: Checkpoint; label: string }>>();
  let previous: Checkpoint | null = null;
  for (const s of stored) {
    const label = `checkpoint of ${when(s.timestamp)} (size ${s.treeSize})`;
    let cp: Checkpoint;
    try {
      cp = verifyCheckpoint(vault.publicKey, s.note, vault.origin);
    } catch {
      f.add('checkpoint', `${label}: signature does not verify`);
      continue;
    }
    if (cp.treeSize !== s.treeSize || cp.rootHash.toString('hex') !== s.rootHash) f.add('checkpoint', `${label}: columns differ from the signed note`);
    if (previous && (cp.treeSize < previous.treeSize || cp.timestamp < previous.timestamp)) f.add('checkpoint', `${label}: goes back from the previous checkpoint (size ${previous.treeSize})`);
    previous = cp;
    if (cp.treeSize > leaves.size) f.add('checkpoint', `${label}: covers ${cp.treeSize} entries but the log has ${leaves.size} (truncated or rolled back)`);
    else want.set(cp.treeSize, [...(want.get(cp.treeSize) ?? []), { cp, label }]);
  }
  const frontier = MerkleFrontier.empty();
  for (let i = 0; i <= leaves.size; i++) {
    for (const { cp, label } of want.get(i) ?? []) {
      if (!sameHash(frontier.root(), cp.rootHash)) f.add('checkpoint', `${label}: the log's first ${i} entries no longer hash to it (history rewritten)`);
    }
    if (i < leaves.size) frontier.append(leaves.get(i));
  }

  // The key handed to witnesses must be this log's: an edited one would have them refuse real checkpoints.
  if (vault.file.verifierKey !== verifierKey(vault.origin, vault.publicKey)) f.add('keys', 'keys.json: the verifier key is not the signing key\'s (edited)');
  if (opts.externalCheckpoint !== undefined) checkExternal(opts.externalCheckpoint, tumen, leaves, root, f);

  let entities = 0;
  const seen = new Set<string>();
  const photos: Array<{ id: string; sha256: string }> = [];
  const compare = (e: LoggedRow) => {
    entities += 1;
    seen.add(e.key);
    let logged = lastState.get(e.key);
    let hashes = e.hashes;
    if (!logged && e.fallback && lastState.has(e.fallback.key)) [logged, hashes] = [lastState.get(e.fallback.key), [e.fallback.hash]];
    if (!logged && e.optional) return;
    if (!logged) f.add('entity', `${e.what}: has no log entry (written outside Tumen)`);
    else if (!hashes.includes(logged.hash)) f.add('entity', `${e.what}: differs from its last logged state (edited outside Tumen)`);
  };
  for await (const e of accountRows(store.db)) compare(e);
  for await (const line of quoteFailures(store.db)) f.add('derived', line);
  for await (const e of entityStates(store.db)) {
    compare({ key: `content:${e.id}`, what: `${e.kind} ${e.id}`, hashes: e.hashes });
    for (const line of e.record ? recordColumnFailures(e.record) : e.source ? sourceColumnFailures(e.source) : []) f.add('derived', line);
    if (e.sealedProtected) {
      try {
        const prot = JSON.parse(vault.sealer.openField(e.id, e.sealedProtected)) as { photoSha256?: string | null };
        if (prot.photoSha256) photos.push({ id: e.id, sha256: prot.photoSha256 });
      } catch {
        f.add('entity', `${e.kind} ${e.id}: protected fields do not decrypt (tampered or wrong key)`);
      }
    }
  }
  for (const [key, logged] of lastState) {
    if (!seen.has(key) && mustStillExist(key)) f.add('entity', `${logged.what}: is in the log but missing from the database (deleted outside Tumen)`);
  }

  let blobs = 0;
  const evidence = await store.db.selectFrom('evidence_files').select(['id', 'sha256']).orderBy('id').execute();
  for (const b of [...evidence.map((e) => ({ what: `evidence ${e.id}`, sha256: e.sha256 })), ...photos.map((p) => ({ what: `photo of person ${p.id}`, sha256: p.sha256 }))]) {
    blobs += 1;
    try {
      await tumen.blobs.get(b.sha256);
    } catch (err) {
      if (err instanceof NotFoundError) f.add('blob', `${b.what}: file is missing`);
      else if (err instanceof BlobIntegrityError) f.add('blob', `${b.what}: content differs from its SHA-256`);
      else f.add('blob', `${b.what}: file does not decrypt (tampered or wrong key)`);
    }
  }
  const orphanBlobs = await unreferencedBlobs(tumen, [...evidence.map((e) => e.sha256), ...photos.map((p) => p.sha256)]);
  return { failures: f.finish(), entries: leaves.size, root: root.toString('hex'), entities, blobs, checkpoints: stored.length, orphanBlobs };
}

/** Names of stored files that no evidence row or photo refers to. */
async function unreferencedBlobs(tumen: Tumen, referenced: string[]): Promise<string[]> {
  const files = new EncryptedBlobStore(tumen.config.blobDir, tumen.vault.sealer);
  // A SHA-256 column edited into something that is not one has been reported above; it names no file.
  const wanted = new Set(referenced.filter((sha) => /^[0-9a-f]{64}$/.test(sha)).map((sha) => files.nameOf(sha)));
  const out: string[] = [];
  for await (const name of files.names()) if (!wanted.has(name)) out.push(name);
  return out;
}

/** A checkpoint kept outside (by a partner): the log must extend it, or it was rolled back. */
function checkExternal(note: string, tumen: Tumen, leaves: Leaves, root: Buffer, f: Failures): void {
  let cp: Checkpoint;
  try {
    cp = verifyCheckpoint(tumen.vault.publicKey, note, tumen.vault.origin);
  } catch (err) {
    f.add('external', `external checkpoint: not a checkpoint of this log signed by its key (${err instanceof Error ? err.message : String(err)})`);
    return;
  }
  const label = `external checkpoint of ${when(cp.timestamp)} (size ${cp.treeSize})`;
  if (cp.treeSize > leaves.size) {
    f.add('external', `${label}: the log has only ${leaves.size} entries: the database was rolled back to an earlier copy, or truncated`);
    return;
  }
  const proof = consistencyProof(cp.treeSize, leaves.size, leaves.get);
  if (!verifyConsistency(cp.treeSize, leaves.size, cp.rootHash, root, proof)) {
    f.add('external', `${label}: the log is not an extension of it (history rewritten, or a database from another time line)`);
  }
}
