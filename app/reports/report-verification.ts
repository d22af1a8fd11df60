import { inclusionProof, verifyInclusion } from '../../crypto/merkle.ts';
import { publicKeyFromRaw, publicKeyToRaw, verifyCheckpoint } from '../../crypto/checkpoint.ts';
import { auditLeafHash, type AuditLeafFields } from '../../store/audit-leaf.ts';
import type { Tumen } from '../tumen.ts';
import { createCheckpoint } from '../commands/checkpointer.ts';

/**
 * The verification appendix: a checkpoint signed when the report was made and, per cited source,
 * its SHA-256 and the log entry that recorded it with an RFC 9162 inclusion proof. A reader with
 * the installation's public key checks the signature, recomputes each entry's leaf and its path
 * to the signed root, and so knows the sources were in the log, unchanged, at that time.
 */
export interface VerificationAppendix {
  checkpoint: string;
  publicKey: string;
  sources: Array<{ id: string; title: string; sha256: string; entry: AuditLeafFields; leafIndex: number; proof: string[] }>;
}

export async function buildAppendix(tumen: Tumen, sources: Array<{ id: string; title: string; sha256: string }>): Promise<VerificationAppendix> {
  const cp = await createCheckpoint(tumen);
  const leaves: Buffer[] = [];
  const firstEntry = new Map<string, AuditLeafFields>();
  const wanted = new Set(sources.map((s) => s.id));
  for await (const row of tumen.store.audit.scan()) {
    if (leaves.length >= cp.treeSize) break;
    const fields: AuditLeafFields = { seq: row.seq, at: row.at, actor: row.actor, action: row.action, entity_kind: row.entity_kind, entity_id: row.entity_id, state_hash: row.state_hash, detail: row.detail };
    leaves.push(auditLeafHash(fields));
    if (wanted.has(row.entity_id) && row.entity_kind === 'source' && !firstEntry.has(row.entity_id)) firstEntry.set(row.entity_id, fields);
  }
  return {
    checkpoint: cp.note,
    publicKey: publicKeyToRaw(tumen.vault.publicKey).toString('hex'),
    sources: sources.flatMap((s) => {
      const entry = firstEntry.get(s.id);
      if (!entry) return [];
      const leafIndex = entry.seq - 1;
      return [{ ...s, entry, leafIndex, proof: inclusionProof(leafIndex, cp.treeSize, leaves).map((h) => h.toString('hex')) }];
    }),
  };
}

/**
 * Checks an appendix; returns one line per failure (empty: all good). `trustedKey` is the hex
 * public key the reader got from the organisation, not the one the report carries: a forger
 * could replace both the checkpoint and the key inside the file.
 */
export function verifyAppendix(a: VerificationAppendix, trustedKey?: string): string[] {
  const problems: string[] = [];
  if (trustedKey && trustedKey.toLowerCase() !== a.publicKey.toLowerCase()) problems.push('the report is signed with a different key than the one you trust');
  let root: Buffer;
  let size: number;
  try {
    const cp = verifyCheckpoint(publicKeyFromRaw(Buffer.from(a.publicKey, 'hex')), a.checkpoint);
    root = cp.rootHash;
    size = cp.treeSize;
  } catch (err) {
    return [...problems, `checkpoint signature does not verify: ${(err as Error).message}`];
  }
  for (const s of a.sources) {
    if (s.entry.entity_id !== s.id || s.entry.entity_kind !== 'source') problems.push(`${s.id}: the log entry is not about this source`);
    if (s.entry.seq - 1 !== s.leafIndex) problems.push(`${s.id}: entry position does not match the proof`);
    const ok = verifyInclusion(auditLeafHash(s.entry), s.leafIndex, size, s.proof.map((h) => Buffer.from(h, 'hex')), root);
    if (!ok) problems.push(`${s.id} (${s.title}): inclusion proof does not lead to the signed root`);
  }
  return problems;
}
