import type { Kysely, Selectable } from 'kysely';
import { AuditRepository } from './audit.repository.ts';
import type { Dialect } from './db.ts';
import type { DB } from './schema.ts';
import type { ApiTokensTable, SessionsTable, UsersTable } from './schema-accounts.ts';
import { sealedFingerprint } from './sealing.ts';
import { sha256Hex } from './support.ts';

/**
 * What the log holds about sign-in material, so that a row written outside Tumen (a password
 * hash set to a known one, a forged session or token, a used recovery code made fresh) fails
 * `verify`. Each write of these rows appends the state after it, in the same transaction.
 * Left out on purpose: a session's `last_seen_at`, a token's `last_used_at` and an account's
 * `totp_last_step`, which change on every request or sign-in and would flood the log.
 */
export const CREDENTIALS_ACTION = 'credentials.stored';
export const SESSION_ACTION = 'session.created';
export const TOKEN_ACTION = 'token.stored';

export function credentialsState(u: Selectable<UsersTable>, codes: Array<{ id: string; code_hash: string; created_at: string; used_at: string | null }>): Record<string, unknown> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    passwordHash: u.password_hash,
    passwordChangedAt: u.password_changed_at,
    disabledAt: u.disabled_at,
    totpSecret: u.totp_secret ? sealedFingerprint(u.totp_secret) : null,
    totpEnabledAt: u.totp_enabled_at,
    createdAt: u.created_at,
    createdBy: u.created_by,
    updatedAt: u.updated_at,
    recoveryCodes: [...codes].sort((a, b) => (a.id < b.id ? -1 : 1)).map((c) => ({ id: c.id, hash: c.code_hash, createdAt: c.created_at, usedAt: c.used_at })),
  };
}

/** The log never names a session by its stored id (the token's SHA-256), only by a hash of it. */
export const sessionEntryId = (sessionId: string): string => sha256Hex(`session:${sessionId}`);

export const sessionState = (s: Selectable<SessionsTable>): Record<string, unknown> => ({ userId: s.user_id, createdAt: s.created_at, expiresAt: s.expires_at });

export const tokenState = (t: Selectable<ApiTokensTable>): Record<string, unknown> => ({
  id: t.id,
  userId: t.user_id,
  label: t.label,
  role: t.role,
  tokenHash: t.token_hash,
  createdAt: t.created_at,
  createdBy: t.created_by,
  revokedAt: t.revoked_at,
});

/**
 * Runs `write` and appends what `log` says, in one transaction (the caller's, if it is in one):
 * a crash cannot leave a credential row changed without its entry.
 */
export async function withEntry<T>(db: Kysely<DB>, dialect: Dialect, write: (db: Kysely<DB>) => Promise<T>, log: (db: Kysely<DB>, audit: AuditRepository, result: T) => Promise<void>): Promise<T> {
  const run = async (tx: Kysely<DB>) => {
    const result = await write(tx);
    await log(tx, new AuditRepository(tx, dialect), result);
    return result;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** Appends the account's credential state; `by` is who caused the change, else the account itself. */
export async function logCredentials(audit: AuditRepository, userId: string, by?: string): Promise<void> {
  // Read once the append holds the log: a concurrent change of the same account is then included.
  const state = async (tx: Kysely<DB>) => {
    const u = await tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    const codes = await tx.selectFrom('recovery_codes').select(['id', 'code_hash', 'created_at', 'used_at']).where('user_id', '=', userId).execute();
    return credentialsState(u, codes);
  };
  await audit.append({ id: by ?? userId, label: '' }, CREDENTIALS_ACTION, { kind: 'credentials', id: userId }, state);
}
