import type Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KdfParams } from '../crypto/kdf.ts';
import { DEFAULT_COMPARTMENT, operatorActor, type Actor } from '../domain/actor.ts';
import type { TumenConfig } from '../app/config.ts';
import { keysPath } from '../app/keys/keys-file.ts';
import { constantSource, initVault, unlockVault } from '../app/keys/unlock.ts';
import type { Vault } from '../app/keys/vault.ts';
import { openTumen, type Tumen } from '../app/tumen.ts';
import { openSqliteFile } from '../store/sqlite-cipher.ts';

export const TEST_PASSPHRASE = 'test passphrase: never for real data';

/**
 * OWASP's floor, the cheapest cost crypto/kdf.ts accepts (~20 ms instead of ~1 s). Tests pass it
 * explicitly to initVault; no production path can lower the default.
 */
export const TEST_KDF: KdfParams = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };

/** The vault of a test data folder: created on first use (cheap KDF), unlocked afterwards. */
export async function testVault(dataDir: string, passphrase = TEST_PASSPHRASE): Promise<Vault> {
  if (existsSync(keysPath(dataDir))) return unlockVault(dataDir, constantSource({ passphrase }));
  return initVault(dataDir, { passphrase }, { kdf: TEST_KDF });
}

/** openTumen with the test vault of the config's data folder. */
export async function openTestTumen(config: TumenConfig): Promise<Tumen> {
  return openTumen(config, await testVault(config.dataDir));
}

/** A passphrase file for CLI tests (TUMEN_PASSPHRASE_FILE), outside the data folder. */
export function writePassphraseFile(dir: string, passphrase = TEST_PASSPHRASE, name = 'passphrase.txt'): string {
  const path = join(dir, name);
  writeFileSync(path, `${passphrase}\n`, { mode: 0o600 });
  return path;
}

/** The local operator of a test installation: write access to the default compartment. */
export const operator: Actor = operatorActor('user:test-operator', 'Test operator', [DEFAULT_COMPARTMENT]);

/**
 * The raw driver handle on a test folder's encrypted SQLite file, for tests that play the
 * attacker with write access to the database (tampering) or inspect rows directly.
 */
export async function openRawTestDatabase(dataDir: string, opts: { readonly?: boolean; passphrase?: string; keyFile?: string } = {}): Promise<Database.Database> {
  const vault = opts.keyFile ? await unlockVault(dataDir, constantSource({ keyFile: opts.keyFile })) : await testVault(dataDir, opts.passphrase);
  return openSqliteFile(join(dataDir, 'tumen.db'), vault.databaseKey ?? undefined, opts);
}
