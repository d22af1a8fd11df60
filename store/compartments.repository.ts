import type { Kysely } from 'kysely';
import { DEFAULT_COMPARTMENT, operatorActor, type AccessLevel, type Actor, type Grants } from '../domain/actor.ts';
import { ValidationError } from '../domain/errors.ts';
import type { DB } from './schema.ts';
import { nowIso } from './support.ts';

export interface Compartment {
  id: string;
  label: string;
  createdAt: string;
  createdBy: string;
}

/** Lower-case letters, digits and dashes: ids appear in URLs, grants and exports. */
export const COMPARTMENT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Compartments, grants in them, and membership of sources and records. Membership is written by
 * SourceRepository and RecordRepository on create (a record inherits its sources' compartments);
 * reads elsewhere apply it through store/access.ts.
 */
export class CompartmentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(actor: Actor, input: { id: string; label: string }): Promise<Compartment> {
    if (!COMPARTMENT_ID.test(input.id)) throw new ValidationError('compartment id: lower-case letters, digits and dashes, up to 63');
    const row = { id: input.id, label: input.label.trim() || input.id, created_at: nowIso(), created_by: actor.id };
    await this.db.insertInto('compartments').values(row).execute();
    return fromRow(row);
  }

  /** Every compartment: for admins (the route checks the role) and the local operator. */
  async listAllUnrestricted(): Promise<Compartment[]> {
    return (await this.db.selectFrom('compartments').selectAll().orderBy('id').execute()).map(fromRow);
  }

  async allIdsUnrestricted(): Promise<string[]> {
    return (await this.listAllUnrestricted()).map((c) => c.id);
  }

  /**
   * `who` as the local operator: an admin with write access to every compartment. For the CLI,
   * reference-data loaders and export restores, which act for whoever runs the installation.
   */
  async operatorUnrestricted(who: Actor): Promise<Actor> {
    return operatorActor(who.id, who.label, await this.allIdsUnrestricted());
  }

  /** Refuses unknown ids, so a typo never creates an item no one can see. */
  async requireExisting(ids: readonly string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) throw new ValidationError('compartments: at least one is required');
    const found = await this.db.selectFrom('compartments').select('id').where('id', 'in', unique).execute();
    const missing = unique.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw new ValidationError(`compartments: no compartment "${missing[0]}"`);
  }

  async ofSources(ids: readonly string[]): Promise<Map<string, string[]>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('source_compartments').select(['source_id as id', 'compartment_id as c']).where('source_id', 'in', [...ids]).execute();
    return group(rows);
  }

  async ofRecords(ids: readonly string[]): Promise<Map<string, string[]>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('record_compartments').select(['record_id as id', 'compartment_id as c']).where('record_id', 'in', [...ids]).execute();
    return group(rows);
  }

  /** Adds memberships (existing ones stay): used on create and when a record cites a new source. */
  async placeSource(sourceId: string, compartmentIds: readonly string[]): Promise<void> {
    const have = (await this.ofSources([sourceId])).get(sourceId) ?? [];
    const add = [...new Set(compartmentIds)].filter((c) => !have.includes(c));
    if (add.length) await this.db.insertInto('source_compartments').values(add.map((c) => ({ source_id: sourceId, compartment_id: c }))).execute();
  }

  async placeRecord(recordId: string, compartmentIds: readonly string[]): Promise<void> {
    const have = (await this.ofRecords([recordId])).get(recordId) ?? [];
    const add = [...new Set(compartmentIds)].filter((c) => !have.includes(c));
    if (add.length) await this.db.insertInto('record_compartments').values(add.map((c) => ({ record_id: recordId, compartment_id: c }))).execute();
  }

  async grantsOf(userId: string): Promise<Grants> {
    const rows = await this.db.selectFrom('compartment_grants').select(['compartment_id', 'access']).where('user_id', '=', userId).orderBy('compartment_id').execute();
    return Object.fromEntries(rows.map((r) => [r.compartment_id, r.access as AccessLevel]));
  }

  /** `null` removes the grant. */
  async setGrant(actor: Actor, userId: string, compartmentId: string, access: AccessLevel | null): Promise<void> {
    await this.db.deleteFrom('compartment_grants').where('user_id', '=', userId).where('compartment_id', '=', compartmentId).execute();
    if (access === null) return;
    await this.requireExisting([compartmentId]);
    await this.db
      .insertInto('compartment_grants')
      .values({ user_id: userId, compartment_id: compartmentId, access, created_at: nowIso(), created_by: actor.id })
      .execute();
  }
}

export const defaultCompartments = (): string[] => [DEFAULT_COMPARTMENT];

function group(rows: Array<{ id: string; c: string }>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r.c].sort());
  return out;
}

function fromRow(r: { id: string; label: string; created_at: string; created_by: string }): Compartment {
  return { id: r.id, label: r.label, createdAt: r.created_at, createdBy: r.created_by };
}
