import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './db.ts';
import * as initial from './migrations/2026-11-23-0700-initial.ts';
import * as merkleLog from './migrations/2026-11-23-1200-merkle-log.ts';
import * as accounts from './migrations/2026-11-24-0900-accounts.ts';
import * as compartments from './migrations/2026-11-24-0910-compartments.ts';
import * as intake from './migrations/2026-12-06-0300-intake.ts';
import * as loggedSessions from './migrations/2026-12-06-0900-logged-sessions.ts';

type DialectMigration = {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
  down?(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
};

/** Listed explicitly, in order; names are timestamps so they sort and never collide. */
export const MIGRATIONS: Record<string, DialectMigration> = {
  '2026-11-23-0700-initial': initial,
  '2026-11-23-1200-merkle-log': merkleLog,
  '2026-11-24-0900-accounts': accounts,
  '2026-11-24-0910-compartments': compartments,
  '2026-12-06-0300-intake': intake,
  '2026-12-06-0900-logged-sessions': loggedSessions,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      const down = m.down;
      out[name] = {
        up: (db) => m.up(db, this.dialect),
        ...(down ? { down: (db: Kysely<unknown>) => down(db, this.dialect) } : {}),
      };
    }
    return out;
  }
}

export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}

export async function migrateDown(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect) });
  const { error } = await migrator.migrateDown();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
