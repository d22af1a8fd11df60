import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TumenError } from '../../domain/errors.ts';
import { writeFileDurably } from '../../store/blob-store.ts';

/**
 * DATA/keys.json: everything needed to re-derive and check the master key, and the vault's own
 * secrets wrapped under it. Never the master key, never a passphrase. Safe to back up beside
 * the data; useless without the passphrase or key file.
 */
export const KEYS_FILE = 'keys.json';
export const KEYS_FORMAT_VERSION = 1;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
const kdfSchema = z.object({
  algorithm: z.literal('argon2id'),
  salt: b64,
  memoryKiB: z.number().int().positive(),
  iterations: z.number().int().positive(),
  parallelism: z.number().int().positive(),
});
/** How the master key is obtained, plus its key-check value (HMAC of a label: reveals nothing). */
export const masterEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('passphrase'), kdf: kdfSchema, keyCheck: b64 }),
  z.object({ kind: z.literal('keyfile'), keyCheck: b64 }),
]);
export type MasterEntry = z.infer<typeof masterEntrySchema>;

const keysFileSchema = z.object({
  format: z.literal('tumen-keys'),
  version: z.literal(KEYS_FORMAT_VERSION),
  /** The log's name in checkpoints (C2SP origin line). */
  origin: z.string().min(1),
  master: masterEntrySchema,
  /** Present only while a key rotation is under way: the master key being rotated to. */
  next: masterEntrySchema.optional(),
  /** HMAC key for blob file names, envelope-encrypted under the master key. */
  namingKey: b64,
  /** Ed25519 checkpoint signing key (PKCS#8 DER), envelope-encrypted under the master key. */
  signingKey: b64,
  /**
   * The embedded database's page-encryption key, envelope-encrypted under the master key.
   * Absent only in folders written before the database was encrypted (`tumen migrate` adds it).
   */
  databaseKey: b64.optional(),
  /** Present only while a key rotation is under way: the database key being rotated to, under `next`. */
  nextDatabaseKey: b64.optional(),
  /** Public: the signed-note verifier key a witness is configured with. */
  verifierKey: z.string(),
  /** Set by `serve --demo`: the key file sits in the data folder, so nothing here is secret. */
  demo: z.boolean().optional(),
});
export type KeysFile = z.infer<typeof keysFileSchema>;

export type KeyFailure = 'missing' | 'malformed' | 'newer' | 'wrong_secret' | 'no_secret' | 'weak_passphrase' | 'rotation_pending' | 'exists';

/** One-line, operator-facing key errors; the id says which for scripts (`keys_wrong_secret`). */
export class KeyError extends TumenError {
  constructor(
    readonly reason: KeyFailure,
    message: string,
  ) {
    super(`keys_${reason}`, message);
  }
}

export const keysPath = (dataDir: string) => join(dataDir, KEYS_FILE);

export async function readKeysFile(dataDir: string): Promise<KeysFile> {
  let text: string;
  try {
    text = await readFile(keysPath(dataDir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new KeyError('missing', `${dataDir} has no ${KEYS_FILE}: run "tumen init --data ${dataDir}" first`);
    }
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new KeyError('malformed', `${keysPath(dataDir)} is not valid JSON`);
  }
  const version = (raw as { version?: unknown })?.version;
  if (typeof version === 'number' && version > KEYS_FORMAT_VERSION) {
    throw new KeyError('newer', `${keysPath(dataDir)} is version ${version}, newer than this Tumen reads (${KEYS_FORMAT_VERSION})`);
  }
  const parsed = keysFileSchema.safeParse(raw);
  if (!parsed.success) throw new KeyError('malformed', `${keysPath(dataDir)} is damaged (${parsed.error.issues[0]?.path.join('.') ?? '?'})`);
  return parsed.data;
}

/** Atomic (temp, fsync, rename): a crash leaves the old file or the new one, never half of one. */
export async function writeKeysFile(dataDir: string, file: KeysFile): Promise<void> {
  await writeFileDurably(keysPath(dataDir), Buffer.from(`${JSON.stringify(keysFileSchema.parse(file), null, 2)}\n`, 'utf8'));
}
