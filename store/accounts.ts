import type { Kysely } from 'kysely';
import type { Dialect } from './db.ts';
import { CompartmentRepository } from './compartments.repository.ts';
import type { DB } from './schema.ts';
import type { Sealer } from './sealing.ts';
import { SessionRepository } from './sessions.repository.ts';
import { SettingsRepository } from './settings.repository.ts';
import { UserRepository } from './users.repository.ts';

/** The account-side repositories, bound to the same connection or transaction as the rest. */
export class AccountRepositories {
  readonly compartments: CompartmentRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly settings: SettingsRepository;

  constructor(db: Kysely<DB>, sealer: Sealer, dialect: Dialect) {
    this.compartments = new CompartmentRepository(db);
    this.users = new UserRepository(db, sealer, this.compartments, dialect);
    this.sessions = new SessionRepository(db, dialect);
    this.settings = new SettingsRepository(db);
  }
}
