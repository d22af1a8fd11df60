import { createHmac, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { decryptBuffer, encryptBuffer } from '../../crypto/blob-cipher.ts';
import { signCheckpoint, type Checkpoint } from '../../crypto/checkpoint.ts';
import { decryptField, decryptFieldText, encryptField } from '../../crypto/envelope.ts';
import type { Keyring } from '../../crypto/keyring.ts';
import type { Sealer } from '../../store/sealing.ts';
import type { KeysFile } from './keys-file.ts';

/** Purposes are part of each envelope's associated data: a ciphertext cannot move between uses. */
export const PURPOSE = {
  protectedFields: 'person.protected',
  namingKey: 'blob-naming-key',
  signingKey: 'checkpoint-signing-key',
  databaseKey: 'database-page-key',
} as const;

/** The vault's own secrets are bound to the log's origin, as record fields are to record ids. */
export const vaultContext = (origin: string) => `vault/${origin}`;

/**
 * The unlocked key material of one data folder: the master keyring, the blob-naming key and
 * the checkpoint signing key. Lives in memory only while Tumen runs (see THREAT-MODEL.md).
 */
export class Vault {
  readonly sealer: Sealer;
  readonly publicKey: KeyObject;

  private constructor(
    readonly keyring: Keyring,
    private readonly namingKey: Buffer,
    private readonly signingKey: KeyObject,
    readonly origin: string,
    readonly file: KeysFile,
    /** The embedded database's page key; null only before `tumen migrate` gave the folder one. */
    readonly databaseKey: Buffer | null,
  ) {
    this.publicKey = createPublicKey(signingKey);
    const keys = keyring;
    this.sealer = {
      sealField: (id, plaintext) => encryptField(keys, id, plaintext, PURPOSE.protectedFields).toString('base64'),
      openField: (id, sealed) => decryptFieldText(keys, id, Buffer.from(sealed, 'base64'), PURPOSE.protectedFields),
      blobName: (sha256) => createHmac('sha256', this.namingKey).update(`tumen/blob-name/v1\n${sha256}`).digest('hex'),
      sealBlob: (name, bytes) => encryptBuffer(keys, name, bytes),
      openBlob: (name, sealed) => decryptBuffer(keys, name, sealed),
    };
  }

  /** Decrypts the vault secrets in keys.json; throws CryptoError if the keyring cannot. */
  static open(keyring: Keyring, file: KeysFile): Vault {
    const ctx = vaultContext(file.origin);
    const namingKey = decryptField(keyring, ctx, Buffer.from(file.namingKey, 'base64'), PURPOSE.namingKey);
    const der = decryptField(keyring, ctx, Buffer.from(file.signingKey, 'base64'), PURPOSE.signingKey);
    const signingKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    der.fill(0);
    const databaseKey = file.databaseKey ? decryptField(keyring, ctx, Buffer.from(file.databaseKey, 'base64'), PURPOSE.databaseKey) : null;
    return new Vault(keyring, namingKey, signingKey, file.origin, file, databaseKey);
  }

  sign(head: Omit<Checkpoint, 'origin'>): string {
    return signCheckpoint(this.signingKey, { ...head, origin: this.origin });
  }
}
