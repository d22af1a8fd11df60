import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { generateCheckpointKeyPair, verifierKey } from '../../crypto/checkpoint.ts';
import { encryptField } from '../../crypto/envelope.ts';
import { ARGON2ID_PROFILES, deriveKey, newSalt, type KdfParams } from '../../crypto/kdf.ts';
import { createKeyring, keyCheckValue, MASTER_KEY_LENGTH, type Keyring } from '../../crypto/keyring.ts';
import { DATABASE_KEY_LENGTH } from '../../store/sqlite-cipher.ts';
import { KeyError, keysPath, readKeysFile, writeKeysFile, type KeysFile, type MasterEntry } from './keys-file.ts';
import { PURPOSE, Vault, vaultContext } from './vault.ts';

/** A passphrase, or the raw text of a key file (`tumen-master-key-v1 <base64>`). */
export type MasterSecret = { passphrase: string } | { keyFile: string };

/**
 * Where secrets come from; the CLI reads files or prompts, tests hand constants. Only the
 * kind keys.json asks for is requested, so a key-file folder never prompts for a passphrase.
 */
export interface SecretSource {
  passphrase(): Promise<string>;
  keyFile(): Promise<string>;
}

export const MIN_PASSPHRASE_LENGTH = 12;
const KEY_FILE_LINE = /^tumen-master-key-v1 ([A-Za-z0-9+/]{43}=)$/m;

/** A new random master key as key-file text. Whoever holds the file holds the data. */
export function newKeyFileText(note = ''): string {
  return `${note ? `# ${note}\n` : ''}tumen-master-key-v1 ${randomBytes(MASTER_KEY_LENGTH).toString('base64')}\n`;
}

function keyFromFile(text: string): Buffer {
  const m = KEY_FILE_LINE.exec(text);
  if (!m) throw new KeyError('malformed', 'the key file has no "tumen-master-key-v1 <base64>" line');
  return Buffer.from(m[1]!, 'base64');
}

function checkPassphrase(p: string): void {
  if ([...p.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new KeyError('weak_passphrase', `the passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
}

/** A fresh master entry (new salt) and its key; `kdf` is only lowered by tests, explicitly. */
export async function newMasterEntry(secret: MasterSecret, kdf: KdfParams = ARGON2ID_PROFILES.masterKey): Promise<{ entry: MasterEntry; key: Buffer }> {
  if ('keyFile' in secret) {
    const key = keyFromFile(secret.keyFile);
    return { key, entry: { kind: 'keyfile', keyCheck: keyCheckValue(key).toString('base64') } };
  }
  checkPassphrase(secret.passphrase);
  const salt = newSalt();
  const key = await deriveKey(secret.passphrase, salt, kdf);
  return {
    key,
    entry: { kind: 'passphrase', kdf: { algorithm: 'argon2id', salt: salt.toString('base64'), ...kdf }, keyCheck: keyCheckValue(key).toString('base64') },
  };
}

/** Re-derives the key of an entry and checks it against the stored key-check value. */
export async function deriveMaster(entry: MasterEntry, source: SecretSource): Promise<Buffer> {
  let key: Buffer;
  if (entry.kind === 'keyfile') key = keyFromFile(await source.keyFile());
  else {
    const { salt, memoryKiB, iterations, parallelism } = entry.kdf;
    key = await deriveKey(await source.passphrase(), Buffer.from(salt, 'base64'), { memoryKiB, iterations, parallelism });
  }
  const want = Buffer.from(entry.keyCheck, 'base64');
  const got = keyCheckValue(key);
  if (want.length !== got.length || !timingSafeEqual(want, got)) {
    throw new KeyError('wrong_secret', entry.kind === 'keyfile' ? 'wrong key file for this data folder' : 'wrong passphrase for this data folder');
  }
  return key;
}

/** `tumen init`: new master entry, blob-naming key and checkpoint signing key, in keys.json. */
export async function initVault(dataDir: string, secret: MasterSecret, opts: { kdf?: KdfParams; demo?: boolean } = {}): Promise<Vault> {
  if (existsSync(keysPath(dataDir))) throw new KeyError('exists', `${keysPath(dataDir)} exists already`);
  const { entry, key } = await newMasterEntry(secret, opts.kdf);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const keyring = createKeyring(key);
  const origin = `tumen.local/${randomBytes(8).toString('hex')}`;
  const ctx = vaultContext(origin);
  const { privateKey, publicKey } = generateCheckpointKeyPair();
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const file: KeysFile = {
    format: 'tumen-keys',
    version: 1,
    origin,
    master: entry,
    namingKey: encryptField(keyring, ctx, randomBytes(32), PURPOSE.namingKey).toString('base64'),
    signingKey: encryptField(keyring, ctx, der, PURPOSE.signingKey).toString('base64'),
    databaseKey: sealDatabaseKey(keyring, origin, randomBytes(DATABASE_KEY_LENGTH)),
    verifierKey: verifierKey(origin, publicKey),
    ...(opts.demo ? { demo: true } : {}),
  };
  der.fill(0);
  await writeKeysFile(dataDir, file);
  return Vault.open(keyring, file);
}

export async function unlockVault(dataDir: string, source: SecretSource): Promise<Vault> {
  const file = await readKeysFile(dataDir);
  if (file.next) {
    throw new KeyError('rotation_pending', `a key rotation of ${dataDir} was interrupted: run "tumen keys rotate --data ${dataDir}" again with the old and the new passphrase`);
  }
  return Vault.open(createKeyring(await deriveMaster(file.master, source)), file);
}

/** The database key as keys.json holds it: an envelope under the master key, bound to the folder. */
export function sealDatabaseKey(keyring: Keyring, origin: string, key: Buffer): string {
  return encryptField(keyring, vaultContext(origin), key, PURPOSE.databaseKey).toString('base64');
}

/** For tests and in-process callers that hold the secret itself. */
export function constantSource(secret: MasterSecret): SecretSource {
  const missing = (what: string) => Promise.reject(new KeyError('no_secret', `this data folder needs a ${what}`));
  return {
    passphrase: () => ('passphrase' in secret ? Promise.resolve(secret.passphrase) : missing('passphrase')),
    keyFile: () => ('keyFile' in secret ? Promise.resolve(secret.keyFile) : missing('key file')),
  };
}
