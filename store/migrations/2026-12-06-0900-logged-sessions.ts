import type { Kysely } from 'kysely';

/**
 * Sessions are now logged when created, and `verify` fails on a session row without its entry
 * (a session written into the database is a sign-in). Sessions from before have no entry: they
 * end here, and everyone signs in once more after the upgrade.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('sessions').execute();
}

/** Nothing to undo: ended sessions stay ended. */
export async function down(): Promise<void> {}
