import type { Kysely } from 'kysely';
import { DEFAULT_COMPARTMENT, type Actor } from '../domain/actor.ts';
import { ForbiddenError, ValidationError } from '../domain/errors.ts';
import { recordInScope, scopeOf, sourceInScope, UNRESTRICTED, type Scope } from './access.ts';
import type { CompartmentRepository } from './compartments.repository.ts';
import type { DB } from './schema.ts';

/**
 * Where a new record goes: the compartments of the sources it cites (so a fact drawn from a
 * partner's material stays as restricted as that material), or `requested` / the default
 * compartment when it cites nothing. A cited source the actor cannot see is reported exactly as
 * a missing one; the actor must hold write access to every resulting compartment.
 */
export async function compartmentsForNewRecord(
  db: Kysely<DB>,
  compartments: CompartmentRepository,
  actor: Actor | typeof UNRESTRICTED,
  sourceIds: readonly string[],
  requested?: readonly string[],
): Promise<string[]> {
  const readScope: Scope = actor === UNRESTRICTED ? UNRESTRICTED : scopeOf(actor, 'read');
  let result: string[];
  if (sourceIds.length > 0) {
    const unique = [...new Set(sourceIds)];
    const visible = await db.selectFrom('sources').select('id').where('id', 'in', unique).where('deleted_at', 'is', null).where(sourceInScope(readScope)).execute();
    const missing = unique.find((id) => !visible.some((v) => v.id === id));
    if (missing) throw new ValidationError(`citation: source ${missing} not found`);
    const of = await compartments.ofSources(unique);
    result = [...new Set(unique.flatMap((id) => of.get(id) ?? []))].sort();
  } else {
    result = [...new Set(requested && requested.length ? requested : [DEFAULT_COMPARTMENT])].sort();
  }
  if (actor !== UNRESTRICTED) requireWritable(actor, result);
  await compartments.requireExisting(result);
  return result;
}

export function requireWritable(actor: Actor, compartmentIds: readonly string[]): void {
  const writable = scopeOf(actor, 'write').compartments;
  if (compartmentIds.some((c) => !writable.includes(c))) {
    throw new ForbiddenError('You may not write records into these compartments.');
  }
}

/** After a visible record was found: 403 when the actor may read but not write it. */
export async function requireRecordWritable(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  const row = await db.selectFrom('records').select('id').where('id', '=', id).where(recordInScope(scopeOf(actor, 'write'))).executeTakeFirst();
  if (!row) throw new ForbiddenError('You may read this record but not change it.');
}
