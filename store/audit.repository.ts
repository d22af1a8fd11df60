import type { Kysely } from 'kysely';
import type { Actor } from '../domain/actor.ts';
import type { DB } from './schema.ts';
import { canonicalJson, nowIso, sha256Hex } from './support.ts';

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityKind: string;
  entityId: string;
  stateHash: string;
  detail: Record<string, unknown>;
}

/** Appends one entry per write, inside the writer's transaction: no write without its entry. */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async append(
    actor: Actor,
    action: string,
    entity: { kind: string; id: string },
    state: unknown,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        at: nowIso(),
        actor: actor.id,
        action,
        entity_kind: entity.kind,
        entity_id: entity.id,
        state_hash: sha256Hex(canonicalJson(state)),
        detail: canonicalJson(detail),
      })
      .execute();
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

  async count(): Promise<number> {
    const r = await this.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

function toEntry(r: {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_kind: string;
  entity_id: string;
  state_hash: string;
  detail: string;
}): AuditEntry {
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
