import type { Kysely, Selectable } from 'kysely';
import { interval } from '../../domain/partial-date.ts';
import type { RecordBody, RecordKind } from '../../domain/records.ts';
import { derivedColumns } from '../../store/records.repository.ts';
import type { DB, RecordsTable, SourcesTable } from '../../store/schema.ts';
import { stateHash } from '../../store/state-hashes.ts';

/**
 * Checks of columns that the logged state does not hash because they are derived from what it
 * does: a record's query columns from its body, a source's date bounds from its date, a
 * citation's quote from its source's text. Each returns failure lines (empty when intact).
 */
export function recordColumnFailures(r: Selectable<RecordsTable>): string[] {
  let body: unknown;
  try {
    body = JSON.parse(r.body);
  } catch {
    return [`${r.kind} ${r.id}: body is not JSON (edited outside Tumen)`];
  }
  const want = derivedColumns(r.kind as RecordKind, body as RecordBody<RecordKind>);
  const stored = { label: r.label, type: r.type, date_lo: r.date_lo, date_hi: r.date_hi, place_id: r.place_id, parent_id: r.parent_id, metric: r.metric, value: r.value === null ? null : Number(r.value) };
  const wrong = (Object.keys(want) as Array<keyof typeof want>).filter((k) => want[k] !== stored[k]);
  return wrong.length ? [`${r.kind} ${r.id}: ${wrong.join(', ')} differ from its body (edited outside Tumen)`] : [];
}

export function sourceColumnFailures(s: Selectable<SourcesTable>): string[] {
  let span: { lo: string; hi: string } | null = null;
  try {
    span = s.published_value ? interval({ value: s.published_value, qualifier: (s.published_qualifier ?? 'exact') as 'exact' }) : null;
  } catch {
    return [`source ${s.id}: published date is not a date (edited outside Tumen)`];
  }
  if ((span?.lo ?? null) === s.published_lo && (span?.hi ?? null) === s.published_hi) return [];
  return [`source ${s.id}: published_lo, published_hi differ from its published date (edited outside Tumen)`];
}

/** Every citation's quote against its source's text at its span, one source's text in memory at a time. */
export async function* quoteFailures(db: Kysely<DB>, batch = 1000): AsyncGenerator<string> {
  let after = { source: '', id: '' };
  let text: { id: string; text: string | null } = { id: '', text: null };
  for (;;) {
    const rows = await db
      .selectFrom('citations')
      .select(['id', 'record_id', 'source_id', 'start_offset', 'end_offset', 'quote'])
      .where((eb) => eb.or([eb('source_id', '>', after.source), eb.and([eb('source_id', '=', after.source), eb('id', '>', after.id)])]))
      .orderBy('source_id')
      .orderBy('id')
      .limit(batch)
      .execute();
    for (const c of rows) {
      if (text.id !== c.source_id) {
        const s = await db.selectFrom('sources').select('text').where('id', '=', c.source_id).executeTakeFirst();
        text = { id: c.source_id, text: s?.text ?? null };
      }
      if (text.text === null) yield `citation ${c.id} of record ${c.record_id}: its source ${c.source_id} is missing`;
      else if (text.text.slice(Number(c.start_offset), Number(c.end_offset)) !== c.quote) yield `citation ${c.id} of record ${c.record_id}: quote differs from its source's text at its span (edited outside Tumen)`;
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < batch) return;
    after = { source: last.source_id, id: last.id };
  }
}

/**
 * What `user.created`/`user.changed` entries log about an account (app/auth/account-admin.ts):
 * name, role, whether disabled, and its compartment grants. Recomputed here from the rows.
 */
export async function* accountStates(db: Kysely<DB>): AsyncGenerator<{ kind: string; id: string; hash: string }> {
  const grants = await db.selectFrom('compartment_grants').select(['user_id', 'compartment_id', 'access']).orderBy('compartment_id').execute();
  for (const u of await db.selectFrom('users').select(['id', 'username', 'role', 'disabled_at']).orderBy('id').execute()) {
    const own = Object.fromEntries(grants.filter((g) => g.user_id === u.id).map((g) => [g.compartment_id, g.access]));
    yield { kind: 'user', id: u.id, hash: stateHash({ username: u.username, role: u.role, disabled: u.disabled_at !== null, grants: own }) };
  }
  for (const s of await db.selectFrom('settings').select(['key', 'value']).execute()) {
    if (s.key === 'security.require_totp') yield { kind: 'settings', id: 'security', hash: stateHash({ requireTotp: s.value === 'true' }) };
    else yield { kind: 'settings', id: s.key, hash: '' };
  }
}

/** Entries whose state hash is an account's or a setting's state after the change. */
export const ACCOUNT_STATE_ACTION = /^(user\.(created|changed)|settings\.changed)$/;
