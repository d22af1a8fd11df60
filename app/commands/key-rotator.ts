import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Actor } from '../../domain/actor.ts';
import { rewrap, rewrapBlobHeader, BLOB_HEADER_LENGTH } from '../../crypto/rotation.ts';
import type { KdfParams } from '../../crypto/kdf.ts';
import { createKeyring, type Keyring } from '../../crypto/keyring.ts';
import { EncryptedBlobStore } from '../../store/encrypted-blob-store.ts';
import type { Store } from '../../store/store.ts';
import type { TumenConfig } from '../config.ts';
import { KeyError, readKeysFile, writeKeysFile, type KeysFile } from '../keys/keys-file.ts';
import { constantSource, deriveMaster, newMasterEntry, sealDatabaseKey, type MasterSecret, type SecretSource } from '../keys/unlock.ts';
import { dialectOf } from '../../store/db.ts';
import { DATABASE_KEY_LENGTH, DatabaseKeyError, openSqliteFile, rekeySqliteFile } from '../../store/sqlite-cipher.ts';
import { PURPOSE, Vault, vaultContext } from '../keys/vault.ts';
import { openTumen } from '../tumen.ts';

export interface RotationResult {
  fields: number;
  blobs: number;
  keyId: string;
}

/**
 * Re-wraps every data key (protected fields, evidence-file headers, the vault's own secrets)
 * under a new master key; no ciphertext body is re-encrypted. Three steps, each durable:
 *   1. keys.json gains `next` (the new key's salt and check value): from here a crash leaves a
 *      folder that asks for both passphrases, and running rotate again resumes (re-wrapping is
 *      idempotent: what is already under the new key is left alone);
 *   2. the SQLite file re-encrypted under a fresh page key (`nextDatabaseKey`), database rows in
 *      one transaction, then each blob header in place (85 bytes, fsynced);
 *   3. keys.json: `next` becomes `master`. Only now does the old passphrase stop working.
 * Stop the server first: it would keep wrapping new data under the old key.
 */
export async function rotateMasterKey(config: TumenConfig, current: SecretSource, next: MasterSecret, opts: { actor: Actor; kdf?: KdfParams }): Promise<RotationResult> {
  let file = await readKeysFile(config.dataDir);
  const oldKey = await deriveMaster(file.master, current);
  let newKey: Buffer;
  if (file.next) newKey = await deriveMaster(file.next, constantSource(next));
  else {
    const made = await newMasterEntry(next, opts.kdf);
    newKey = made.key;
    file = { ...file, next: made.entry };
  }
  if (!file.nextDatabaseKey) {
    // The database gets a fresh page key too: a copy of the old keys.json and passphrase then
    // opens neither the new master key's envelopes nor the database pages written from now on.
    file = { ...file, nextDatabaseKey: sealDatabaseKey(createKeyring(newKey), file.origin, randomBytes(DATABASE_KEY_LENGTH)) };
    await writeKeysFile(config.dataDir, file);
  }
  const oldRing = createKeyring(oldKey);
  const newRing = createKeyring(newKey, oldKey);
  if (newRing.currentKeyId === oldRing.currentKeyId) throw new KeyError('exists', 'the new secret gives the same master key as the old one');

  const oldVault = Vault.open(oldRing, file);
  const vault = Vault.open(newRing, { ...file, databaseKey: file.nextDatabaseKey });
  if (dialectOf(config.database) === 'sqlite') rekeyDatabase(config.database, oldVault.databaseKey, vault.databaseKey);
  const tumen = await openTumen(config, vault);
  let fields: number;
  try {
    fields = await tumen.store.transaction(async (tx) => {
      const n = await rewrapFields(tx, oldRing, newRing);
      await tx.audit.append(opts.actor, 'vault.rotate', { kind: 'vault', id: file.origin }, { keyId: newRing.currentKeyId }, { fields: n });
      return n;
    });
  } finally {
    await tumen.close();
  }
  const blobs = await rewrapBlobs(new EncryptedBlobStore(config.blobDir, vault.sealer), oldRing, newRing);

  const ctx = vaultContext(file.origin);
  const { next: pending, nextDatabaseKey, ...rest } = file;
  const done: KeysFile = {
    ...rest,
    master: pending!,
    namingKey: rewrap(Buffer.from(file.namingKey, 'base64'), oldRing, newRing, ctx, PURPOSE.namingKey).toString('base64'),
    signingKey: rewrap(Buffer.from(file.signingKey, 'base64'), oldRing, newRing, ctx, PURPOSE.signingKey).toString('base64'),
    databaseKey: nextDatabaseKey,
  };
  await writeKeysFile(config.dataDir, done);
  return { fields, blobs, keyId: newRing.currentKeyId };
}

/** Idempotent, so an interrupted rotation resumes: a file already under the new key is left alone. */
function rekeyDatabase(path: string, oldKey: Buffer | null, newKey: Buffer | null): void {
  if (!oldKey || !newKey || !existsSync(path)) return;
  try {
    openSqliteFile(path, newKey).close();
    return;
  } catch (err) {
    if (!(err instanceof DatabaseKeyError)) throw err;
  }
  rekeySqliteFile(path, oldKey, newKey);
}

async function rewrapFields(tx: Store, oldRing: Keyring, newRing: Keyring): Promise<number> {
  let after = '';
  let n = 0;
  for (;;) {
    const rows = await tx.db.selectFrom('records').select(['id', 'protected']).where('protected', 'is not', null).where('id', '>', after).orderBy('id').limit(500).execute();
    for (const r of rows) {
      const sealed = Buffer.from(r.protected!, 'base64');
      const rewrapped = rewrap(sealed, oldRing, newRing, r.id, PURPOSE.protectedFields);
      if (rewrapped.equals(sealed)) continue;
      await tx.db.updateTable('records').set({ protected: rewrapped.toString('base64') }).where('id', '=', r.id).execute();
      n += 1;
    }
    if (rows.length < 500) return n;
    after = rows[rows.length - 1]!.id;
  }
}

/** Overwrites each file's fixed-size header in place; the chunks after it are never touched. */
async function rewrapBlobs(blobs: EncryptedBlobStore, oldRing: Keyring, newRing: Keyring): Promise<number> {
  let n = 0;
  for await (const name of blobs.names()) {
    const fh = await open(blobs.pathOfName(name), 'r+');
    try {
      const header = Buffer.alloc(BLOB_HEADER_LENGTH);
      await fh.read(header, 0, BLOB_HEADER_LENGTH, 0);
      const rewrapped = rewrapBlobHeader(header, oldRing, newRing, name);
      if (rewrapped.equals(header)) continue;
      await fh.write(rewrapped, 0, rewrapped.length, 0);
      await fh.sync();
      n += 1;
    } finally {
      await fh.close();
    }
  }
  return n;
}
