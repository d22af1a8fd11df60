import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../store/db.ts';
import { isPlainSqliteFile } from '../../store/sqlite-cipher.ts';
import type { TumenConfig } from '../config.ts';
import { KeyError, keysPath, readKeysFile } from './keys-file.ts';
import { constantSource, initVault, newKeyFileText, unlockVault } from './unlock.ts';
import type { Vault } from './vault.ts';

/**
 * A database written before encryption existed holds plaintext that new keys cannot protect;
 * `init` must not quietly put keys beside it. Such data moves by export → import.
 */
export async function hasUnencryptedData(config: TumenConfig): Promise<boolean> {
  if (existsSync(keysPath(config.dataDir))) return false;
  if (!config.database.startsWith('postgres')) return existsSync(config.database);
  const { db, close } = openDatabase({ location: config.database });
  try {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM audit_log`.execute(db);
    return Number(r.rows[0]?.n ?? 0) > 0;
  } catch {
    return false; // no audit_log table: an empty database
  } finally {
    await close();
  }
}

export const DEMO_KEY_FILE = 'DEMO-ONLY-NOT-SECRET.key';
const DEMO_NOTE = 'DEMO ONLY. This key sits beside the data it unlocks, so that data is NOT protected. Never put real testimony in this folder.';

/**
 * `serve --demo` must start with no prompt, so the demo folder is locked by a key file kept in
 * the folder itself: encryption runs exactly as in production, and protects nothing. An old
 * demo folder from before encryption is demo data only, so it is emptied and reloaded.
 */
export async function demoVault(config: TumenConfig, opts: { resetUnencrypted: boolean }): Promise<{ vault: Vault; note: string } | null> {
  const keyFile = join(config.dataDir, DEMO_KEY_FILE);
  let wasDemo = false;
  if (existsSync(keysPath(config.dataDir))) {
    const file = await readKeysFile(config.dataDir);
    if (!file.demo) return null;
    // A demo folder from before the database was encrypted holds demo data only: start it afresh.
    if (file.databaseKey && !isPlainSqliteFile(config.database)) {
      return { vault: await unlockVault(config.dataDir, constantSource({ keyFile: await readFile(keyFile, 'utf8') })), note: DEMO_NOTE };
    }
    for (const f of [keysPath(config.dataDir), keyFile]) await rm(f, { force: true });
    wasDemo = true;
  }
  if (isPlainSqliteFile(config.database) || (await hasUnencryptedData(config))) {
    if (!opts.resetUnencrypted && !wasDemo) throw new KeyError('exists', `${config.dataDir} holds data written without encryption; use a new folder for the demo`);
    for (const f of ['tumen.db', 'tumen.db-wal', 'tumen.db-shm', 'blobs']) await rm(join(config.dataDir, f), { recursive: true, force: true });
  }
  const text = newKeyFileText(DEMO_NOTE);
  await writeFile(keyFile, text, { mode: 0o600 });
  return { vault: await initVault(config.dataDir, { keyFile: text }, { demo: true }), note: DEMO_NOTE };
}
