import type { Kysely } from 'kysely';
import type { Role } from '../domain/actor.ts';
import type { ApiTokenInfo } from '../domain/accounts.ts';
import { NotFoundError } from '../domain/errors.ts';
import { SESSION_ACTION, sessionEntryId, sessionState, TOKEN_ACTION, tokenState, withEntry } from './account-states.ts';
import type { AuditRepository } from './audit.repository.ts';
import type { Dialect } from './db.ts';
import type { DB } from './schema.ts';
import type { ApiTokensTable, SessionsTable } from './schema-accounts.ts';
import { newId, nowIso } from './support.ts';

export interface StoredSession {
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/**
 * Server-side sessions and API tokens, both looked up by the SHA-256 of their secret: whoever
 * reads this table (a backup, a seized disk) cannot sign in with what they find.
 */
export class SessionRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  /** Logs a token's state after a write of it, in the same transaction: tokens are sign-in material. */
  private async logToken(db: Kysely<DB>, audit: AuditRepository, id: string, by: string): Promise<void> {
    const state = async (tx: Kysely<DB>) => tokenState(await tx.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    await audit.append({ id: by, label: '' }, TOKEN_ACTION, { kind: 'token', id }, state);
  }

  async create(tokenHash: string, userId: string, expiresAt: string): Promise<StoredSession> {
    const at = nowIso();
    const row: SessionsTable = { id: tokenHash, user_id: userId, created_at: at, last_seen_at: at, expires_at: expiresAt };
    // Logged (under a hash of its id) so that a session row written outside Tumen fails `verify`.
    await withEntry(this.db, this.dialect, (db) => db.insertInto('sessions').values(row).execute(), (_db, audit) =>
      audit.append({ id: userId, label: '' }, SESSION_ACTION, { kind: 'session', id: sessionEntryId(row.id) }, sessionState(row)),
    );
    return toSession(row);
  }

  async find(tokenHash: string): Promise<StoredSession | null> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', tokenHash).executeTakeFirst();
    return row ? toSession(row) : null;
  }

  async touch(tokenHash: string, at: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', tokenHash).execute();
  }

  async remove(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', tokenHash).execute();
  }

  /** Ends every session of an account: on disabling it, on a password or 2FA change. */
  async removeAllOf(userId: string, except?: string): Promise<void> {
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (except) q = q.where('id', '!=', except);
    await q.execute();
  }

  async removeExpired(idleBefore: string, now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)])).execute();
  }

  async createToken(input: { userId: string; label: string; role: Role; tokenHash: string; createdBy: string }): Promise<ApiTokenInfo> {
    const row: ApiTokensTable = {
      id: newId(),
      user_id: input.userId,
      label: input.label,
      role: input.role,
      token_hash: input.tokenHash,
      created_at: nowIso(),
      created_by: input.createdBy,
      last_used_at: null,
      revoked_at: null,
    };
    await withEntry(this.db, this.dialect, (db) => db.insertInto('api_tokens').values(row).execute(), (db, audit) => this.logToken(db, audit, row.id, input.createdBy));
    return toToken(row);
  }

  async findLiveToken(tokenHash: string): Promise<ApiTokenInfo | null> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
    return row ? toToken(row) : null;
  }

  async tokensOf(userId: string | null): Promise<ApiTokenInfo[]> {
    let q = this.db.selectFrom('api_tokens').selectAll().orderBy('id');
    if (userId) q = q.where('user_id', '=', userId);
    return (await q.execute()).map(toToken);
  }

  async getToken(id: string): Promise<ApiTokenInfo> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('token');
    return toToken(row);
  }

  async markTokenUsed(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async revokeToken(id: string, by = 'system'): Promise<void> {
    await withEntry(this.db, this.dialect, (db) => db.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('id', '=', id).where('revoked_at', 'is', null).execute(), (db, audit) =>
      this.logToken(db, audit, id, by),
    );
  }
}

function toSession(r: SessionsTable): StoredSession {
  return { id: r.id, userId: r.user_id, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at };
}

function toToken(r: ApiTokensTable): ApiTokenInfo {
  return { id: r.id, userId: r.user_id, label: r.label, role: r.role as Role, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}
