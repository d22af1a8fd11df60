import type { Kysely } from 'kysely';
import { leafHash } from '../crypto/merkle.ts';
import { MerkleFrontier } from '../crypto/merkle-log.ts';
import type { DB } from './schema.ts';
import { canonicalJson } from './support.ts';

/** One audit row as stored; `detail` is the canonical JSON text exactly as written. */
export interface AuditLeafFields {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_kind: string;
  entity_id: string;
  state_hash: string;
  detail: string;
}

/**
 * The bytes a log entry contributes to the RFC 9162 tree: RFC 8785 canonical JSON of every
 * column, with `detail` as its stored text, so changing any byte of any column changes the leaf.
 * `seq` is inside, so swapping two rows' positions changes both leaves. Spelled out with the keys
 * in RFC 8785 order (a test holds it equal to `canonicalJson`): the generic canonicaliser was
 * most of the cost of an append and of `verify` at a million entries.
 */
export function auditLeafBytes(e: AuditLeafFields): Buffer {
  const seq = Number(e.seq);
  if (!Number.isSafeInteger(seq)) throw new RangeError('audit seq must be an integer');
  const q = JSON.stringify; // RFC 8785 strings are ECMAScript JSON.stringify strings
  return Buffer.from(
    `{"action":${q(e.action)},"actor":${q(e.actor)},"at":${q(e.at)},"detail":${q(e.detail)},"entity_id":${q(e.entity_id)},` +
      `"entity_kind":${q(e.entity_kind)},"seq":${seq},"state_hash":${q(e.state_hash)},"v":1}`,
    'utf8',
  );
}

/** The definition the fast path above must equal. */
export function auditLeafBytesReference(e: AuditLeafFields): Buffer {
  return Buffer.from(
    canonicalJson({ v: 1, seq: Number(e.seq), at: e.at, actor: e.actor, action: e.action, entity_kind: e.entity_kind, entity_id: e.entity_id, state_hash: e.state_hash, detail: e.detail }),
    'utf8',
  );
}

export const auditLeafHash = (e: AuditLeafFields): Buffer => leafHash(auditLeafBytes(e));

/** The frontier is stored as its hashes' hex, concatenated (at most 53 × 64 characters). */
export function frontierColumns(f: MerkleFrontier): { size: number; hashes: string; root: string } {
  const state = f.toState();
  return { size: state.size, hashes: state.hashes.map((h) => h.toString('hex')).join(''), root: f.root().toString('hex') };
}

export function frontierFromColumns(row: { size: number; hashes: string }): MerkleFrontier {
  const hashes: Buffer[] = [];
  for (let i = 0; i < row.hashes.length; i += 64) hashes.push(Buffer.from(row.hashes.slice(i, i + 64), 'hex'));
  return MerkleFrontier.fromState({ size: Number(row.size), hashes });
}

export const FRONTIER_ROW_ID = 1;

/** Reads the stored frontier; `lock` takes the row lock on PostgreSQL so appends serialise. */
export async function readFrontier(db: Kysely<DB>, lock: boolean): Promise<MerkleFrontier> {
  let q = db.selectFrom('audit_frontier').select(['size', 'hashes']).where('id', '=', FRONTIER_ROW_ID);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new Error('audit log frontier is missing: the database was not migrated or was edited');
  return frontierFromColumns(row);
}
