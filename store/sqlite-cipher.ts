import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { TumenError } from '../domain/errors.ts';

/**
 * Page-level encryption of the embedded database (SQLite3 Multiple Ciphers, ChaCha20-Poly1305
 * per page with a MAC, so a flipped byte fails to read instead of reading wrong). Every page of
 * the main file and of its WAL is encrypted; temporary tables and sort spills stay in memory;
 * deleted content is overwritten (secure_delete). The key is the vault's 256-bit database key,
 * handed over as raw bytes: it never passes through argv, the environment or a log.
 */
export const DATABASE_KEY_LENGTH = 32;
const CIPHER = 'chacha20';
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export class DatabaseKeyError extends TumenError {
  constructor(id: 'database_not_encrypted' | 'database_wrong_key', message: string) {
    super(id, message);
  }
}

/** True when the file is an ordinary, unencrypted SQLite database (its header is readable). */
export function isPlainSqliteFile(path: string): boolean {
  if (!existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** SQLite creates a new file with the process umask; create it 0600 first so no reader slips in. */
function createPrivately(path: string): void {
  if (path === ':memory:' || existsSync(path)) return;
  closeSync(openSync(path, 'a', 0o600));
}

function applyKey(raw: Database.Database, key: Buffer, pragma: 'key' | 'rekey'): void {
  if (key.length !== DATABASE_KEY_LENGTH) throw new TypeError(`database key must be ${DATABASE_KEY_LENGTH} bytes`);
  raw.pragma(`cipher = '${CIPHER}'`);
  raw.pragma(`${pragma} = "x'${key.toString('hex')}'"`);
}

function hardened(raw: Database.Database): Database.Database {
  raw.pragma('secure_delete = ON');
  raw.pragma('temp_store = MEMORY');
  return raw;
}

/**
 * Opens (or creates) a database file. With a key, refuses a plaintext file (it must be migrated
 * first: `tumen migrate`) and a wrong key, each with one readable error.
 */
export function openSqliteFile(path: string, key?: Buffer, opts: { readonly?: boolean } = {}): Database.Database {
  if (key && isPlainSqliteFile(path)) {
    throw new DatabaseKeyError('database_not_encrypted', `${path} is not encrypted (written by an older Tumen): run "tumen migrate" on its data folder first`);
  }
  if (!opts.readonly) createPrivately(path);
  const raw = new Database(path, { readonly: opts.readonly ?? false });
  try {
    if (key) applyKey(raw, key, 'key');
    // Reading the schema is what proves the key: a wrong key gives SQLITE_NOTADB here.
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    raw.close();
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new DatabaseKeyError('database_wrong_key', `${path} does not open with this data folder's key (wrong keys.json, or not a Tumen database)`);
    }
    throw err;
  }
  return opts.readonly ? raw : hardened(raw);
}

/**
 * Re-encrypts every page under a new key (or, with `from` null, encrypts a plaintext file in
 * place). Rekeying needs the rollback journal, so the file leaves WAL mode for the duration; the
 * journal makes the rewrite atomic. The caller has stopped every other connection.
 */
export function rekeySqliteFile(path: string, from: Buffer | null, to: Buffer): void {
  const raw = from ? openSqliteFile(path, from) : hardened(new Database(path));
  try {
    raw.pragma('journal_mode = DELETE');
    applyKey(raw, to, 'rekey');
    // Free pages were rewritten too, but VACUUM leaves no page of the old layout behind.
    raw.exec('VACUUM');
    raw.pragma('journal_mode = WAL');
  } finally {
    raw.close();
  }
}
