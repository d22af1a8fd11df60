import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { createBlobDecryptStream } from '../../crypto/blob-cipher.ts';
import { CryptoError } from '../../crypto/errors.ts';
import { deriveKey } from '../../crypto/kdf.ts';
import { openDatabase } from '../../store/db.ts';
import { migrateToLatest, MIGRATIONS } from '../../store/migrate.ts';
import { archiveBlobId, ARCHIVE_VERSION, BackupError, readHeader, unpack } from './archive-format.ts';
import type { BackupManifest } from './backup-writer.ts';
import { loadTables, readDump, readTables } from './table-dump.ts';

export interface RestoreTarget {
  dataDir: string;
  /** A postgres:// URL to restore the database into (must be empty), or null for SQLite in dataDir. */
  databaseUrl: string | null;
  /**
   * The restored folder's SQLite page key, asked for only when rows must be copied between
   * dialects (a SQLite snapshot into PostgreSQL, a PostgreSQL dump into SQLite): the caller
   * unlocks the restored keys.json (in `stagedDir`) with the folder's master secret.
   */
  databaseKey?: (stagedDir: string) => Promise<Buffer | null>;
}

async function isEmptyDir(dir: string): Promise<boolean> {
  if (!existsSync(dir)) return true;
  return (await readdir(dir)).length === 0;
}

/** Decrypting failures, said once and plainly: which one it was is all an operator can act on. */
function explain(err: unknown, archive: string): unknown {
  if (!(err instanceof CryptoError)) return err;
  // The key id is a function of the key: another passphrase gives another id.
  if (err.reason === 'unknown_key') return new BackupError('wrong_passphrase', `wrong backup passphrase for ${archive}: nothing was restored`);
  if (err.reason === 'truncated') return new BackupError('truncated', `${archive} is truncated: nothing was restored`);
  if (err.message.startsWith('data key')) return new BackupError('damaged', `${archive}: its header was altered or it is damaged: nothing was restored`);
  // A cut inside the last chunk cannot be told from a damaged last chunk.
  return new BackupError('damaged', `${archive} is damaged or truncated (${err.message}): nothing was restored`);
}

/**
 * Restores an archive into a new data folder. Everything is decrypted and checked into a temp
 * folder beside the target (same file system, so the final rename is atomic); only a whole,
 * authenticated archive is renamed into place. Any failure leaves the target as it was.
 */
export async function restoreBackup(archive: string, target: RestoreTarget, passphrase: string): Promise<{ files: number; dialect: string }> {
  const dataDir = resolve(target.dataDir);
  if (!(await isEmptyDir(dataDir))) throw new BackupError('target_not_empty', `${dataDir} is not empty: restore into a new folder`);
  const { header, bytes } = await readHeader(archive);
  const { salt, memoryKiB, iterations, parallelism } = header.kdf;
  const key = await deriveKey(passphrase, Buffer.from(salt, 'base64'), { memoryKiB, iterations, parallelism });
  await mkdir(dirname(dataDir), { recursive: true });
  const stage = join(dirname(dataDir), `.${basename(dataDir)}.restoring-${randomBytes(6).toString('hex')}`);
  await mkdir(stage, { mode: 0o700 });
  try {
    let names: string[] = [];
    let unpacking: Promise<string[]> = Promise.resolve([]);
    try {
      await pipeline(createReadStream(archive, { start: bytes.length }), createBlobDecryptStream(key, archiveBlobId(bytes)), async (source: AsyncIterable<Buffer>) => {
        names = await (unpacking = unpack(source, stage));
      });
    } catch (err) {
      // pipeline settles as soon as a stream fails; the unpacker may still be writing a file.
      await unpacking.catch(() => undefined);
      throw explain(err, archive);
    } finally {
      key.fill(0);
    }
    for (const need of ['manifest.json', 'keys.json']) if (!names.includes(need)) throw new BackupError('damaged', `${archive} has no ${need}`);
    const manifest = JSON.parse(await readFile(join(stage, 'manifest.json'), 'utf8')) as BackupManifest;
    if (manifest.version > ARCHIVE_VERSION) throw new BackupError('newer', `${archive} was written by a newer Tumen (manifest version ${manifest.version})`);
    const unknown = manifest.migrations.find((m) => !(m in MIGRATIONS));
    if (unknown) throw new BackupError('newer', `${archive} was written by a newer Tumen (schema ${unknown} is unknown here)`);
    await restoreDatabase(stage, names, target);
    if (existsSync(dataDir)) await rmdir(dataDir);
    await rename(stage, dataDir);
    return { files: names.length, dialect: manifest.dialect };
  } catch (err) {
    await rm(stage, { recursive: true, force: true });
    throw err;
  }
}

/** Same dialect: the snapshot file as is. Otherwise rows are copied into a freshly migrated database. */
async function restoreDatabase(stage: string, names: string[], to: RestoreTarget): Promise<void> {
  const databaseUrl = to.databaseUrl;
  const snapshot = join(stage, 'database.sqlite');
  const dump = join(stage, 'database.jsonl');
  const fromSqlite = names.includes('database.sqlite');
  if (!fromSqlite && !names.includes('database.jsonl')) throw new BackupError('damaged', 'the backup holds no database');
  // The snapshot is encrypted under the page key in the archive's keys.json: it moves as it is.
  if (!databaseUrl && fromSqlite) return void (await rename(snapshot, join(stage, 'tumen.db')));
  const key = (await to.databaseKey?.(stage)) ?? undefined;
  if (!key) throw new BackupError('needs_master_key', 'restoring across database kinds needs the data folder\'s passphrase or key file (TUMEN_PASSPHRASE_FILE / TUMEN_KEY_FILE)');
  const target = openDatabase({ location: databaseUrl ?? join(stage, 'tumen.db'), key });
  try {
    if (databaseUrl && (await hasRows(target.db))) throw new BackupError('target_not_empty_db', 'the target PostgreSQL database is not empty: restore into a new database');
    await migrateToLatest(target.db, target.dialect);
    if (fromSqlite) {
      const source = openDatabase({ location: snapshot, key });
      try {
        await loadTables(target.db, readTables(source.db));
      } finally {
        await source.close();
      }
    } else await loadTables(target.db, readDump(dump));
  } finally {
    await target.close();
  }
  await rm(snapshot, { force: true });
  await rm(dump, { force: true });
}

async function hasRows(db: ReturnType<typeof openDatabase>['db']): Promise<boolean> {
  try {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM audit_log`.execute(db);
    return Number(r.rows[0]?.n ?? 0) > 0;
  } catch {
    return false;
  }
}
