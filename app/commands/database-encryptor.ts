import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createKeyring } from '../../crypto/keyring.ts';
import { syncFolder } from '../../store/blob-store.ts';
import { dialectOf } from '../../store/db.ts';
import { DATABASE_KEY_LENGTH, isPlainSqliteFile, openSqliteFile, rekeySqliteFile } from '../../store/sqlite-cipher.ts';
import type { TumenConfig } from '../config.ts';
import { KeyError, readKeysFile, writeKeysFile } from '../keys/keys-file.ts';
import { deriveMaster, sealDatabaseKey, type SecretSource } from '../keys/unlock.ts';
import { Vault } from '../keys/vault.ts';

export interface EncryptionResult {
  /** What was done: encrypted now, already encrypted, or nothing to do (PostgreSQL). */
  outcome: 'encrypted' | 'already_encrypted' | 'not_sqlite';
  /** The encrypted copy of the database as it was before the switch (same key), kept for the operator. */
  backup: string | null;
}

const WORK_SUFFIX = '.encrypting';
export const PRE_MIGRATION_BACKUP_SUFFIX = '.before-encryption.bak';

/**
 * `tumen migrate`: moves a data folder written before page encryption onto it. Resumable:
 *   1. keys.json gains a database key (sealed under the master key);
 *   2. the plaintext file is copied (VACUUM INTO, a consistent copy), the copy encrypted in place
 *      and checked (integrity_check, same row count in every table);
 *   3. that checked copy is duplicated as the backup, the plaintext file and its WAL are
 *      overwritten with zeros and removed, and the encrypted copy renamed into place.
 * Stop the server first. Nothing here makes old disk blocks or old backups unreadable: see
 * docs/THREAT-MODEL.md.
 */
export async function encryptDatabase(config: TumenConfig, source: SecretSource): Promise<EncryptionResult> {
  if (dialectOf(config.database) === 'postgres') return { outcome: 'not_sqlite', backup: null };
  let file = await readKeysFile(config.dataDir);
  if (file.next) throw new KeyError('rotation_pending', 'finish the interrupted key rotation first (tumen keys rotate)');
  const keyring = createKeyring(await deriveMaster(file.master, source));
  if (!file.databaseKey) {
    file = { ...file, databaseKey: sealDatabaseKey(keyring, file.origin, randomBytes(DATABASE_KEY_LENGTH)) };
    await writeKeysFile(config.dataDir, file);
  }
  const key = Vault.open(keyring, file).databaseKey!;
  const db = config.database;
  const work = `${db}${WORK_SUFFIX}`;
  const backup = `${db}${PRE_MIGRATION_BACKUP_SUFFIX}`;
  if (!isPlainSqliteFile(db)) {
    // Either already done, or a crash after the plaintext was wiped: finish the rename.
    if (existsSync(work) && !existsSync(db)) await rename(work, db);
    return { outcome: existsSync(db) ? 'already_encrypted' : 'not_sqlite', backup: existsSync(backup) ? backup : null };
  }
  await rm(work, { force: true });
  copyPlain(db, work);
  rekeySqliteFile(work, null, key);
  checkSameContent(db, work, key);
  await copyDurably(work, backup);
  for (const f of [`${db}-wal`, `${db}-shm`, db]) await wipe(f);
  await rename(work, db);
  await syncFolder(dirname(db));
  return { outcome: 'encrypted', backup };
}

function copyPlain(from: string, to: string): void {
  const raw = new Database(from);
  try {
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.prepare('VACUUM INTO ?').run(to);
  } finally {
    raw.close();
  }
}

function tableCounts(raw: Database.Database): Map<string, number> {
  const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as Array<{ name: string }>;
  return new Map(tables.map((t) => [t.name, (raw.prepare(`SELECT count(*) AS n FROM "${t.name.replaceAll('"', '""')}"`).get() as { n: number }).n]));
}

function checkSameContent(plain: string, encrypted: string, key: Buffer): void {
  const a = new Database(plain, { readonly: true });
  const b = openSqliteFile(encrypted, key);
  try {
    if (b.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('the encrypted copy failed its integrity check; the original is untouched');
    const before = tableCounts(a);
    const after = tableCounts(b);
    for (const [name, n] of before) {
      if (after.get(name) !== n) throw new Error(`the encrypted copy of table ${name} has ${after.get(name)} rows, not ${n}; the original is untouched`);
    }
  } finally {
    a.close();
    b.close();
  }
}

/** A byte copy, fsynced before it counts as the backup. */
async function copyDurably(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  await chmod(to, 0o600);
  const fh = await open(to, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Overwrites a plaintext file with zeros before unlinking it: best effort on journaling or flash storage. */
async function wipe(path: string): Promise<void> {
  if (!existsSync(path)) return;
  const { size } = await stat(path);
  const fh = await open(path, 'r+');
  try {
    const zeros = Buffer.alloc(1 << 20);
    for (let pos = 0; pos < size; pos += zeros.length) await fh.write(zeros, 0, Math.min(zeros.length, size - pos), pos);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rm(path);
}
