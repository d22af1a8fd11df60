import type { Kysely } from 'kysely';
import { ValidationError } from '../domain/errors.ts';
import type { RecordKind } from '../domain/records.ts';
import { recordInScope, type Scope } from './access.ts';
import type { DB } from './schema.ts';

/** Which kinds each reference field may point at. */
const TARGETS: Record<string, readonly RecordKind[]> = {
  placeId: ['place'],
  parentId: ['place'],
  eventId: ['event'],
  actorId: ['person', 'organization'],
  installationId: ['installation'],
  caseId: ['case'],
  personId: ['person'],
  organizationIds: ['organization'],
};

/** A reference to a record outside `scope` fails exactly like one to a record that does not exist. */
export async function checkReferences(db: Kysely<DB>, kind: RecordKind, body: Record<string, unknown>, scope: Scope): Promise<void> {
  for (const [field, kinds] of Object.entries(TARGETS)) {
    for (const id of [body[field]].flat()) {
      if (typeof id === 'string') await checkOne(db, kind, field, kinds, id, scope);
    }
  }
}

async function checkOne(db: Kysely<DB>, kind: RecordKind, field: string, kinds: readonly RecordKind[], id: string, scope: Scope): Promise<void> {
  const row = await db.selectFrom('records').select('kind').where('id', '=', id).where('deleted_at', 'is', null).where(recordInScope(scope)).executeTakeFirst();
  if (!row || !kinds.includes(row.kind as RecordKind)) {
    throw new ValidationError(`${kind}.${field}: no ${kinds.join(' or ')} with id ${id}`);
  }
}
