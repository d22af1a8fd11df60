import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import type { Actor } from '../../domain/actor.ts';
import { createBlobEncryptStream } from '../../crypto/blob-cipher.ts';
import { ARGON2ID_PROFILES, deriveKey, newSalt, type KdfParams } from '../../crypto/kdf.ts';
import { ENCRYPTED_BLOB_FOLDER, EncryptedBlobStore } from '../../store/encrypted-blob-store.ts';
import { KeyError, keysPath } from '../keys/keys-file.ts';
import { MIN_PASSPHRASE_LENGTH } from '../keys/unlock.ts';
import type { Tumen } from '../tumen.ts';
import { archiveBlobId, ARCHIVE_VERSION, encodeHeader, END_OF_ARCHIVE, entryHead } from './archive-format.ts';
import { dumpTables } from './table-dump.ts';

export interface BackupManifest {
  format: 'tumen-backup-manifest';
  version: number;
  dialect: 'sqlite' | 'postgres';
  migrations: string[];
  createdAt: string;
  tables?: Record<string, number>;
}

async function* fileEntry(name: string, path: string): AsyncGenerator<Buffer> {
  const { size } = await stat(path);
  yield entryHead(name, size);
  let seen = 0;
  for await (const chunk of createReadStream(path)) {
    seen += (chunk as Buffer).length;
    yield chunk as Buffer;
  }
  // A file that changed size while read would corrupt the framing: refuse rather than mislead.
  if (seen !== size) throw new Error(`${path} changed while being backed up`);
}

/**
 * One encrypted archive of a data folder: database snapshot (SQLite online backup, or a logical
 * dump of our tables from one PostgreSQL transaction), keys.json and every evidence file as
 * stored (they stay encrypted under the master key inside the backup's own encryption).
 * Checkpoints travel in the database. Safe while the server runs.
 */
export async function writeBackup(tumen: Tumen, out: string, passphrase: string, opts: { actor: Actor; kdf?: KdfParams }): Promise<{ files: number; bytes: number }> {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new KeyError('weak_passphrase', `the backup passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
  const { store, config } = tumen;
  await store.audit.append(opts.actor, 'vault.backup', { kind: 'vault', id: tumen.vault.origin }, { at: new Date().toISOString() });
  // Staged inside the data folder, never in /tmp: a snapshot holds source texts in the clear.
  const stage = await mkdtemp(join(config.dataDir, '.backup-'));
  const partial = `${out}.partial`;
  try {
    const manifest: BackupManifest = {
      format: 'tumen-backup-manifest',
      version: ARCHIVE_VERSION,
      dialect: store.dialect,
      migrations: (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(store.db)).rows.map((r) => r.name),
      createdAt: new Date().toISOString(),
    };
    let dbEntry: [string, string];
    if (tumen.snapshot) {
      dbEntry = ['database.sqlite', join(stage, 'database.sqlite')];
      await tumen.snapshot(dbEntry[1]);
    } else {
      dbEntry = ['database.jsonl', join(stage, 'database.jsonl')];
      manifest.tables = await dumpTables(store.db, dbEntry[1]);
    }
    await writeFile(join(stage, 'manifest.json'), JSON.stringify(manifest), { mode: 0o600 });
    const blobs = new EncryptedBlobStore(config.blobDir, tumen.vault.sealer);
    let files = 3;
    async function* container(): AsyncGenerator<Buffer> {
      yield* fileEntry('manifest.json', join(stage, 'manifest.json'));
      yield* fileEntry('keys.json', keysPath(config.dataDir));
      yield* fileEntry(...dbEntry);
      for await (const name of blobs.names()) {
        files += 1;
        yield* fileEntry(`blobs/${ENCRYPTED_BLOB_FOLDER}/${name.slice(0, 2)}/${name.slice(2, 4)}/${name}`, blobs.pathOfName(name));
      }
      // Intake ciphertext (age files only staff and escrow keys open), exactly as stored.
      for (const name of await storedIntakeFiles(join(config.dataDir, 'intake'))) {
        files += 1;
        yield* fileEntry(`intake/${name}`, join(config.dataDir, 'intake', name));
      }
      yield END_OF_ARCHIVE;
    }

    const kdf = opts.kdf ?? ARGON2ID_PROFILES.masterKey;
    const salt = newSalt();
    const header = encodeHeader({ format: 'tumen-backup', version: ARCHIVE_VERSION, kdf: { algorithm: 'argon2id', salt: salt.toString('base64'), ...kdf }, createdAt: manifest.createdAt });
    const key = await deriveKey(passphrase, salt, kdf);
    const sink = createWriteStream(partial, { mode: 0o600 });
    sink.write(header);
    await pipeline(Readable.from(container()), createBlobEncryptStream(key, archiveBlobId(header)), sink);
    key.fill(0);
    const fh = await open(partial, 'r');
    await fh.sync();
    await fh.close();
    await rename(partial, out);
    return { files, bytes: (await stat(out)).size };
  } catch (err) {
    await unlink(partial).catch(() => undefined);
    throw err;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/** `<submission>/<object>.age` of every whole intake object (parts still uploading are left out). */
async function storedIntakeFiles(root: string): Promise<string[]> {
  const names = await readdir(root, { recursive: true }).catch(() => [] as string[]);
  return names.map((n) => n.split('\\').join('/')).filter((n) => /^[0-9a-f-]{36}\/[0-9a-f-]{36}\.age$/.test(n)).sort();
}
