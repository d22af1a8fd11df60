import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';
import { newId, nowIso } from './support.ts';

/** A signed tree head as stored: the signed note is the whole truth, the columns are for queries. */
export interface StoredCheckpoint {
  id: string;
  treeSize: number;
  rootHash: string;
  timestamp: number;
  note: string;
  createdAt: string;
}

/** Signed checkpoints of the audit log; signing happens above the store (the key is in the vault). */
export class CheckpointRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async add(cp: { treeSize: number; rootHash: string; timestamp: number; note: string }): Promise<StoredCheckpoint> {
    const row = { id: newId(), tree_size: cp.treeSize, root_hash: cp.rootHash, timestamp_ms: cp.timestamp, note: cp.note, created_at: nowIso() };
    await this.db.insertInto('audit_checkpoints').values(row).execute();
    return fromRow(row);
  }

  /** Oldest first (ids are time-ordered UUIDv7). */
  async all(): Promise<StoredCheckpoint[]> {
    const rows = await this.db.selectFrom('audit_checkpoints').selectAll().orderBy('id').execute();
    return rows.map(fromRow);
  }

  async latest(): Promise<StoredCheckpoint | null> {
    const row = await this.db.selectFrom('audit_checkpoints').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row ? fromRow(row) : null;
  }
}

function fromRow(r: { id: string; tree_size: number; root_hash: string; timestamp_ms: number; note: string; created_at: string }): StoredCheckpoint {
  return { id: r.id, treeSize: Number(r.tree_size), rootHash: r.root_hash, timestamp: Number(r.timestamp_ms), note: r.note, createdAt: r.created_at };
}
