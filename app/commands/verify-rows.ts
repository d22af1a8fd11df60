import type { Kysely, Selectable } from 'kysely';
import { interval } from '../../domain/partial-date.ts';
import type { RecordBody, RecordKind } from '../../domain/records.ts';
import { derivedColumns } from '../../store/records.repository.ts';
import type { DB, RecordsTable, SourcesTable } from '../../store/schema.ts';
import { RECORD_KINDS } from '../../domain/records.ts';
import { CREDENTIALS_ACTION, credentialsState, SESSION_ACTION, sessionEntryId, sessionState, TOKEN_ACTION, tokenState } from '../../store/account-states.ts';
import { STATE_ACTION } from '../../store/audit.repository.ts';
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
  return wrong.length ? [`${r.kind} ${r.id}: ${wrong.join(', ')} ${wrong.length === 1 ? 'differs' : 'differ'} from its body (edited outside Tumen)`] : [];
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

/**
 * Every citation's quote against its source's text at its span, one source's text in memory at a
 * time. Citations into deleted sources are left to their record's state hash (which holds the
 * quote): a deleted source's text may be erased.
 */
export async function* quoteFailures(db: Kysely<DB>, batch = 1000): AsyncGenerator<string> {
  let after = { source: '', id: '' };
  let text: { id: string; text: string | null; deleted: boolean } = { id: '', text: null, deleted: false };
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
        const s = await db.selectFrom('sources').select(['text', 'deleted_at']).where('id', '=', c.source_id).executeTakeFirst();
        text = { id: c.source_id, text: s?.text ?? null, deleted: Boolean(s?.deleted_at) };
      }
      if (text.deleted) continue;
      if (text.text === null) yield `citation ${c.id} of record ${c.record_id}: its source ${c.source_id} is missing`;
      else if (text.text.slice(Number(c.start_offset), Number(c.end_offset)) !== c.quote) yield `citation ${c.id} of record ${c.record_id}: quote differs from its source's text at its span (edited outside Tumen)`;
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < batch) return;
    after = { source: last.source_id, id: last.id };
  }
}

/** A row to compare with the log: `key` names its last entry (see `logKeyOf`), `fallback` an older form of it. */
export interface LoggedRow {
  key: string;
  what: string;
  hashes: string[];
  fallback?: { key: string; hash: string };
  /** An account made before credentials were logged has no such entry: nothing to compare then. */
  optional?: boolean;
}

/**
 * Which entries hold a row's state after a write, and under which key: content (sources,
 * evidence, records) by id; account entries by kind and id, as an account, its credentials and
 * its grants share one id. Other entries (reads, exports, merges, key events) only annotate.
 */
export function logKeyOf(action: string, kind: string, id: string): string | null {
  if (STATE_ACTION.test(action) && CONTENT_KINDS.has(kind)) return `content:${id}`;
  if (action === 'user.created' || action === 'user.changed') return `user:${id}`;
  if (action === 'settings.changed') return `settings:${id}`;
  if (action === CREDENTIALS_ACTION) return `credentials:${id}`;
  if (action === SESSION_ACTION) return `session:${id}`;
  if (action === TOKEN_ACTION) return `token:${id}`;
  if (action === 'token.issued') return `token-issued:${id}`;
  return null;
}

const CONTENT_KINDS = new Set<string>(['source', 'evidence', ...RECORD_KINDS]);

/** Keys whose entity must still exist: sessions end (sign-out, expiry) and leave their entry behind. */
export const mustStillExist = (key: string): boolean => !key.startsWith('session:') && !key.startsWith('token-issued:');

/**
 * Accounts (name, role, disabled, grants, as `user.created`/`user.changed` log them), their
 * credentials, live sessions, API tokens and settings, from the rows as stored. A token issued
 * before credentials were logged is checked against its `token.issued` entry (user, role, label).
 */
export async function* accountRows(db: Kysely<DB>): AsyncGenerator<LoggedRow> {
  const grants = await db.selectFrom('compartment_grants').select(['user_id', 'compartment_id', 'access']).orderBy('compartment_id').execute();
  const codes = await db.selectFrom('recovery_codes').select(['id', 'user_id', 'code_hash', 'created_at', 'used_at']).execute();
  for (const u of await db.selectFrom('users').selectAll().orderBy('id').execute()) {
    const own = Object.fromEntries(grants.filter((g) => g.user_id === u.id).map((g) => [g.compartment_id, g.access]));
    yield { key: `user:${u.id}`, what: `user ${u.id}`, hashes: [stateHash({ username: u.username, role: u.role, disabled: u.disabled_at !== null, grants: own })] };
    yield { key: `credentials:${u.id}`, what: `credentials of user ${u.id}`, hashes: [stateHash(credentialsState(u, codes.filter((c) => c.user_id === u.id)))], optional: true };
  }
  for (const s of await db.selectFrom('sessions').selectAll().execute()) {
    yield { key: `session:${sessionEntryId(s.id)}`, what: `a session of user ${s.user_id}`, hashes: [stateHash(sessionState(s))] };
  }
  for (const t of await db.selectFrom('api_tokens').selectAll().orderBy('id').execute()) {
    const legacy = stateHash({ userId: t.user_id, role: t.role, label: t.label });
    yield { key: `token:${t.id}`, what: `API token ${t.id}`, hashes: [stateHash(tokenState(t))], fallback: { key: `token-issued:${t.id}`, hash: legacy } };
  }
  for (const s of await db.selectFrom('settings').select(['key', 'value']).execute()) {
    const id = s.key === 'security.require_totp' ? 'security' : s.key;
    yield { key: `settings:${id}`, what: `setting ${s.key}`, hashes: id === 'security' ? [stateHash({ requireTotp: s.value === 'true' })] : [] };
  }
}
