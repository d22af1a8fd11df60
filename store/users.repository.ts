import type { Kysely, Selectable } from 'kysely';
import type { Actor, Role } from '../domain/actor.ts';
import type { User } from '../domain/accounts.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { logCredentials, withEntry } from './account-states.ts';
import type { AuditRepository } from './audit.repository.ts';
import type { CompartmentRepository } from './compartments.repository.ts';
import type { Dialect } from './db.ts';
import type { DB } from './schema.ts';
import type { UsersTable } from './schema-accounts.ts';
import type { Sealer } from './sealing.ts';
import { newId, nowIso } from './support.ts';

/** The stored account with what sign-in needs; never sent anywhere as is. */
export interface UserCredentials {
  user: Omit<User, 'grants'>;
  passwordHash: string;
  /** Opened TOTP secret (base32) once enrolment started; null otherwise. */
  totpSecret: string | null;
  totpLastStep: number | null;
}

/** Accounts. Secrets stay hashed (passwords) or sealed (TOTP); see schema-accounts.ts. */
export class UserRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly sealer: Sealer,
    private readonly compartments: CompartmentRepository,
    private readonly dialect: Dialect,
  ) {}

  /** Every write of sign-in material goes through here: the write and its log entry commit together. */
  private logged<T>(userId: string, write: (db: Kysely<DB>) => Promise<T>, by?: string): Promise<T> {
    return withEntry(this.db, this.dialect, write, (_db, audit) => logCredentials(audit, userId, by));
  }

  async any(): Promise<boolean> {
    return (await this.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
  }

  async create(actor: Actor, input: { username: string; displayName?: string; role: Role; passwordHash: string }): Promise<User> {
    if (await this.db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst()) {
      throw new ConflictError(`a user named ${input.username} exists already`);
    }
    const at = nowIso();
    const row: UsersTable = {
      id: newId(),
      username: input.username,
      display_name: input.displayName?.trim() || input.username,
      role: input.role,
      password_hash: input.passwordHash,
      disabled_at: null,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      created_at: at,
      created_by: actor.id,
      updated_at: at,
      password_changed_at: at,
    };
    await this.logged(row.id, (db) => db.insertInto('users').values(row).execute(), actor.id);
    return this.get(row.id);
  }

  async get(id: string): Promise<User> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('user');
    return { ...toUser(row), grants: await this.compartments.grantsOf(row.id) };
  }

  async findByUsername(username: string): Promise<User | null> {
    const row = await this.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    return row ? this.get(row.id) : null;
  }

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    return Promise.all(rows.map(async (r) => ({ ...toUser(r), grants: await this.compartments.grantsOf(r.id) })));
  }

  async credentials(username: string): Promise<UserCredentials | null> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    if (!row) return null;
    return {
      user: toUser(row),
      passwordHash: row.password_hash,
      totpSecret: row.totp_secret ? this.sealer.openField(totpContext(row.id), row.totp_secret) : null,
      totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    };
  }

  async credentialsById(id: string): Promise<UserCredentials> {
    const row = await this.db.selectFrom('users').select('username').where('id', '=', id).executeTakeFirst();
    const creds = row ? await this.credentials(row.username) : null;
    if (!creds) throw new NotFoundError('user');
    return creds;
  }

  async update(id: string, change: { role?: Role; displayName?: string; disabled?: boolean; passwordHash?: string }): Promise<User> {
    const at = nowIso();
    const set: Partial<UsersTable> = { updated_at: at };
    if (change.role) set.role = change.role;
    if (change.displayName !== undefined) set.display_name = change.displayName.trim();
    if (change.disabled !== undefined) set.disabled_at = change.disabled ? at : null;
    if (change.passwordHash) Object.assign(set, { password_hash: change.passwordHash, password_changed_at: at });
    await this.logged(id, async (db) => {
      const r = await db.updateTable('users').set(set).where('id', '=', id).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('user');
    });
    return this.get(id);
  }

  /** Starts enrolment: the secret is stored sealed but not yet in force. */
  async setPendingTotp(id: string, secret: string): Promise<void> {
    const sealed = this.sealer.sealField(totpContext(id), secret);
    await this.logged(id, (db) => db.updateTable('users').set({ totp_secret: sealed, totp_enabled_at: null, totp_last_step: null }).where('id', '=', id).execute());
  }

  async enableTotp(id: string, step: number): Promise<void> {
    await this.logged(id, (db) => db.updateTable('users').set({ totp_enabled_at: nowIso(), totp_last_step: step }).where('id', '=', id).execute());
  }

  async disableTotp(id: string): Promise<void> {
    await this.logged(id, async (db) => {
      await db.updateTable('users').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', id).execute();
      await db.deleteFrom('recovery_codes').where('user_id', '=', id).execute();
    });
  }

  /**
   * Accepts a TOTP step only if it is later than the last one accepted, in one conditional
   * UPDATE: of two concurrent sign-ins with the same code, exactly one succeeds.
   */
  async consumeTotpStep(id: string, step: number): Promise<boolean> {
    const r = await this.db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async replaceRecoveryCodes(userId: string, codeHashes: string[]): Promise<void> {
    const at = nowIso();
    await this.logged(userId, async (db) => {
      await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
      if (codeHashes.length) {
        await db.insertInto('recovery_codes').values(codeHashes.map((h) => ({ id: newId(), user_id: userId, code_hash: h, created_at: at, used_at: null }))).execute();
      }
    });
  }

  /** Marks one unused code as used, in one conditional UPDATE: each code works exactly once. */
  async consumeRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const consume = (db: Kysely<DB>) =>
      db.updateTable('recovery_codes').set({ used_at: nowIso() }).where('user_id', '=', userId).where('code_hash', '=', codeHash).where('used_at', 'is', null).executeTakeFirst();
    const logIfUsed = async (_db: Kysely<DB>, audit: AuditRepository, r: { numUpdatedRows: bigint }) => {
      if (Number(r.numUpdatedRows) >= 1) await logCredentials(audit, userId);
    };
    return Number((await withEntry(this.db, this.dialect, consume, logIfUsed)).numUpdatedRows) >= 1;
  }

  async unusedRecoveryCodes(userId: string): Promise<number> {
    const r = await this.db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

/** The sealed TOTP secret is bound to its account: it cannot be moved to another user or a record. */
const totpContext = (userId: string) => `user-totp/${userId}`;

function toUser(r: Selectable<UsersTable>): Omit<User, 'grants'> {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    disabled: r.disabled_at !== null,
    totpEnabled: r.totp_enabled_at !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
