import type { Kysely } from 'kysely';
import type { Actor } from '../domain/actor.ts';
import type { AuditEntry } from '../domain/api-types.ts';
import { auditLeafHash, frontierColumns, FRONTIER_ROW_ID, readFrontier, type AuditLeafFields } from './audit-leaf.ts';
import type { Dialect } from './db.ts';
import type { DB } from './schema.ts';
import { canonicalJson, nowIso, sha256Hex } from './support.ts';

/** The shape is the API contract's, so the web app and the store agree by construction. */
export type { AuditEntry };

export type AuditRow = AuditLeafFields & { leaf_hash: string };

/** What a read entry says was disclosed. */
export type ReadWhat = 'protected' | 'evidence-content';

/**
 * Actions whose state hash is the entity's state after the write. Other entries (reads,
 * exports, merges, key events) annotate; `verify` compares each entity with its last state entry.
 */
export const STATE_ACTION = /\.(create|restore|update|confirm|reject|delete|cite|uncite|attach|erase)$/;

/**
 * An append-only RFC 9162 Merkle log. Each entry is written inside the writer's transaction
 * (no write without its entry) together with its leaf hash and the new frontier, so the tree
 * head is always current and an append costs O(log n) whatever the size of the log.
 */
export class AuditRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  /**
   * `state` may be a function: it is then read once this append holds the log (on PostgreSQL
   * the frontier's row lock), so two transactions changing the same entity at once (two
   * citations added to one place) each log the state that includes the other's committed change.
   */
  async append(
    actor: Actor,
    action: string,
    entity: { kind: string; id: string },
    state: unknown,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    const hashOf = async (tx: Kysely<DB>) => sha256Hex(canonicalJson(typeof state === 'function' ? await (state as (tx: Kysely<DB>) => Promise<unknown>)(tx) : state));
    await this.write(actor, action, entity, hashOf, detail);
  }

  /**
   * Logs that protected person fields or evidence-file bytes were handed to someone. Call it
   * wherever they leave Tumen (API response, export, CLI output): who read whose identity is
   * what an insider investigation needs.
   */
  async recordRead(actor: Actor, entity: { kind: string; id: string }, what: ReadWhat): Promise<void> {
    await this.write(actor, `${entity.kind}.read`, entity, async () => sha256Hex(canonicalJson({ read: what })), { what });
  }

  private async write(actor: Actor, action: string, entity: { kind: string; id: string }, stateHash: (tx: Kysely<DB>) => Promise<string>, detail: Record<string, unknown>): Promise<void> {
    const work = async (tx: Kysely<DB>) => {
      // On PostgreSQL the row lock serialises appenders until commit, so seq order is commit order.
      const frontier = await readFrontier(tx, this.dialect === 'postgres');
      const row: AuditLeafFields = {
        seq: frontier.size + 1,
        at: nowIso(),
        actor: actor.id,
        action,
        entity_kind: entity.kind,
        entity_id: entity.id,
        state_hash: await stateHash(tx),
        detail: canonicalJson(detail),
      };
      const leaf = auditLeafHash(row);
      frontier.append(leaf);
      await tx.insertInto('audit_log').values({ ...row, leaf_hash: leaf.toString('hex') }).execute();
      await tx.updateTable('audit_frontier').set(frontierColumns(frontier)).where('id', '=', FRONTIER_ROW_ID).execute();
    };
    await (this.db.isTransaction ? work(this.db) : this.db.transaction().execute(work));
  }

  /** The current tree head, from the stored frontier. */
  async head(): Promise<{ size: number; root: Buffer }> {
    const f = await readFrontier(this.db, false);
    return { size: f.size, root: f.root() };
  }

  async forEntity(entityId: string): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('seq').execute();
    return rows.map(toEntry);
  }

  async list(opts: { afterSeq?: number; limit?: number } = {}): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', opts.afterSeq ?? 0)
      .orderBy('seq')
      .limit(opts.limit ?? 100)
      .execute();
    return rows.map(toEntry);
  }

  /** Every stored row in seq order, in bounded batches: for `verify`, which re-hashes each one. */
  async *scan(batch = 5000): AsyncGenerator<AuditRow> {
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = await this.db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute();
      for (const r of rows) yield { ...r, seq: Number(r.seq) };
      const last = rows[rows.length - 1];
      if (!last || rows.length < batch) return;
      after = Number(last.seq);
    }
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action,
    entityKind: r.entity_kind,
    entityId: r.entity_id,
    stateHash: r.state_hash,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  };
}
