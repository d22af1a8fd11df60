import { z } from 'zod';
import type { Actor } from '../../../domain/actor.ts';
import { abilitiesFor, type Abilities } from '../../../domain/policies/index.ts';
import type { Store } from '../../../store/store.ts';

export const abilitiesSchema = z
  .object({ read: z.boolean(), update: z.boolean(), delete: z.boolean(), confirm: z.boolean(), readProtected: z.boolean() })
  .describe('what the caller may do with this item, evaluated by the server from domain/policies');

/** Added to every record and source the API returns, so the web app never re-implements a rule. */
export const accessFields = {
  compartments: z.array(z.string()).optional().describe('the compartments the item belongs to'),
  abilities: abilitiesSchema.optional(),
};

export type WithAccess<T> = T & { compartments: string[]; abilities: Abilities };

/** One membership query per page, not per item. */
export async function presentAccess<T extends { id: string; kind?: string; status?: string }>(
  store: Store,
  actor: Actor,
  subject: 'record' | 'source',
  items: T[],
): Promise<Array<WithAccess<T>>> {
  const ids = items.map((i) => i.id);
  const { compartments } = store.accounts;
  const memberships = subject === 'record' ? await compartments.ofRecords(ids) : await compartments.ofSources(ids);
  return items.map((item) => {
    const ofItem = memberships.get(item.id) ?? [];
    const kind = subject === 'record' ? item.kind : 'source';
    return { ...item, compartments: ofItem, abilities: abilitiesFor(actor, subject, { compartments: ofItem, kind, status: item.status }) };
  });
}

export async function presentOne<T extends { id: string; kind?: string; status?: string }>(store: Store, actor: Actor, subject: 'record' | 'source', item: T): Promise<WithAccess<T>> {
  return (await presentAccess(store, actor, subject, [item]))[0]!;
}
