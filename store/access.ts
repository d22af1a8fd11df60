import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { AccessLevel, Actor } from '../domain/actor.ts';
import { compartmentsAllowing } from '../domain/policies/index.ts';

/**
 * The compartments a query may see, as the store applies it inside SQL: a row is in scope when
 * it belongs to at least one compartment and every compartment it belongs to is in the list
 * (domain/policies `holdsEveryCompartment`, in SQL). The filter is part of the one query that
 * looks the row up, so an out-of-scope id costs the same as an unknown one and fails the same.
 */
export type CompartmentScope = { readonly compartments: readonly string[] };
export type Scope = CompartmentScope | typeof UNRESTRICTED;

/** Only the `...Unrestricted` methods use this: the local operator, loaders, verify and backup. */
export const UNRESTRICTED = 'unrestricted' as const;

export function scopeOf(actor: Actor, level: AccessLevel): CompartmentScope {
  return { compartments: compartmentsAllowing(actor, level) };
}

const MEMBERSHIP = {
  source: { table: sql.table('source_compartments'), key: sql.ref('m.source_id') },
  record: { table: sql.table('record_compartments'), key: sql.ref('m.record_id') },
} as const;

/** A condition on `idColumn` (e.g. "records.id") saying the item is within `scope`. */
export function inScope(scope: Scope, kind: 'source' | 'record', idColumn: string): RawBuilder<SqlBool> {
  if (scope === UNRESTRICTED) return sql<SqlBool>`1 = 1`;
  if (scope.compartments.length === 0) return sql<SqlBool>`1 = 0`;
  const { table, key } = MEMBERSHIP[kind];
  const id = sql.ref(idColumn);
  const allowed = sql.join(scope.compartments.map((c) => sql`${c}`));
  return sql<SqlBool>`(EXISTS (SELECT 1 FROM ${table} m WHERE ${key} = ${id})
    AND NOT EXISTS (SELECT 1 FROM ${table} m WHERE ${key} = ${id} AND m.compartment_id NOT IN (${allowed})))`;
}

export const sourceInScope = (scope: Scope, idColumn = 'sources.id'): Expression<SqlBool> => inScope(scope, 'source', idColumn);
export const recordInScope = (scope: Scope, idColumn = 'records.id'): Expression<SqlBool> => inScope(scope, 'record', idColumn);
