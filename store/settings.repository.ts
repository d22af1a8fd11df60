import type { Kysely } from 'kysely';
import type { Actor } from '../domain/actor.ts';
import type { SecuritySettings } from '../domain/accounts.ts';
import type { DB } from './schema.ts';
import { nowIso } from './support.ts';

const REQUIRE_TOTP = 'security.require_totp';

/** Installation-wide settings an admin changes at run time. */
export class SettingsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async security(): Promise<SecuritySettings> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', REQUIRE_TOTP).executeTakeFirst();
    return { requireTotp: row?.value === 'true' };
  }

  async setSecurity(actor: Actor, change: Partial<SecuritySettings>): Promise<SecuritySettings> {
    if (change.requireTotp !== undefined) {
      const value = String(change.requireTotp);
      await this.db.deleteFrom('settings').where('key', '=', REQUIRE_TOTP).execute();
      await this.db.insertInto('settings').values({ key: REQUIRE_TOTP, value, updated_at: nowIso(), updated_by: actor.id }).execute();
    }
    return this.security();
  }
}
