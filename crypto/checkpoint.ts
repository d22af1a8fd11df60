import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { CryptoError } from './errors.ts';
import { HASH_LENGTH } from './merkle.ts';

/**
 * Signed tree heads in the C2SP tlog-checkpoint / signed-note format, so standard tooling
 * (witnesses, monitors) can check them:
 *
 *   <origin>\n  <tree size, decimal>\n  <root hash, base64>\n  timestamp <unix ms>\n
 *   \n
 *   — <key name> <base64(4-byte key hash || 64-byte Ed25519 signature)>\n
 *
 * The key hash is SHA-256(name || "\n" || 0x01 || public key)[:4] and the signature covers the
 * body text exactly. A checkpoint is published outside the vault, so it may carry nothing but
 * the tree head: the parser accepts exactly these four lines (no free-form extension lines)
 * and the origin is restricted to printable ASCII without spaces, so no testimony, name or
 * identifier can ride along by accident.
 */
export type Checkpoint = { origin: string; treeSize: number; rootHash: Buffer; timestamp: number };

const ED25519_ALG = 0x01;
const SIG_PREFIX = '\u2014 '; // em dash, as the signed-note spec requires
const ORIGIN = /^[\x21-\x2a\x2c-\x7e]{1,255}$/; // printable ASCII minus space and '+' (the vkey separator)
const MAX_NOTE = 16 * 1024;

function fail(reason: 'malformed' | 'auth_failed' | 'invalid_argument', message: string): never {
  throw new CryptoError(reason, message);
}

function checkHead(cp: Checkpoint): void {
  if (!ORIGIN.test(cp.origin))
    fail('invalid_argument', 'origin must be 1-255 printable ASCII characters without spaces or "+"');
  if (!Number.isSafeInteger(cp.treeSize) || cp.treeSize < 0)
    fail('invalid_argument', 'tree size must be a non-negative integer');
  if (cp.rootHash.length !== HASH_LENGTH) fail('invalid_argument', 'root hash must be 32 bytes');
  if (!Number.isSafeInteger(cp.timestamp) || cp.timestamp < 0)
    fail('invalid_argument', 'timestamp must be unix milliseconds');
}

export function checkpointBody(cp: Checkpoint): string {
  checkHead(cp);
  return `${cp.origin}\n${cp.treeSize}\n${Buffer.from(cp.rootHash).toString('base64')}\ntimestamp ${cp.timestamp}\n`;
}

/** Strict parse: the text must be byte-for-byte what checkpointBody would produce. */
export function parseCheckpointBody(body: string): Checkpoint {
  const m = /^([^\n]*)\n(0|[1-9][0-9]*)\n([A-Za-z0-9+/]{43}=)\ntimestamp (0|[1-9][0-9]*)\n$/.exec(body);
  if (!m) fail('malformed', 'checkpoint body is not origin, size, root and timestamp lines');
  const cp: Checkpoint = {
    origin: m[1]!,
    treeSize: Number(m[2]),
    rootHash: Buffer.from(m[3]!, 'base64'),
    timestamp: Number(m[4]),
  };
  try {
    if (checkpointBody(cp) !== body) throw new Error('not canonical');
  } catch {
    fail('malformed', 'checkpoint body is not in canonical form');
  }
  return cp;
}

function ed25519(key: KeyObject, type: 'public' | 'private'): KeyObject {
  if (key.type !== type || key.asymmetricKeyType !== 'ed25519')
    fail('invalid_argument', `expected an Ed25519 ${type} key`);
  return key;
}

export function publicKeyToRaw(publicKey: KeyObject): Buffer {
  return Buffer.from(ed25519(publicKey, 'public').export({ format: 'jwk' }).x!, 'base64url');
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) fail('invalid_argument', 'Ed25519 public keys are 32 bytes');
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}

/** Identifies which key signed a line, so a note can carry several signers (e.g. witnesses). */
export function keyHash(name: string, publicKey: KeyObject): Buffer {
  return createHash('sha256')
    .update(`${name}\n`)
    .update(Buffer.of(ED25519_ALG))
    .update(publicKeyToRaw(publicKey))
    .digest()
    .subarray(0, 4);
}

/** The signed-note verifier key string (name+hash+key) that witnesses and monitors are configured with. */
export function verifierKey(name: string, publicKey: KeyObject): string {
  const key = Buffer.concat([Buffer.of(ED25519_ALG), publicKeyToRaw(publicKey)]).toString('base64');
  return `${name}+${keyHash(name, publicKey).toString('hex')}+${key}`;
}

export function generateCheckpointKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

/** Unencrypted PKCS#8: store it the way other secrets are stored (envelope-encrypted under the master key). */
export function exportPrivateKeyPem(privateKey: KeyObject): string {
  return ed25519(privateKey, 'private').export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function exportPublicKeyPem(publicKey: KeyObject): string {
  return ed25519(publicKey, 'public').export({ type: 'spki', format: 'pem' }).toString();
}

/** Generic signed-note signing; exported so the format can be checked against Go's sumdb/note vectors. */
export function signNote(privateKey: KeyObject, keyName: string, text: string): string {
  if (!ORIGIN.test(keyName)) fail('invalid_argument', 'key name must be printable ASCII without spaces or "+"');
  if (!text.endsWith('\n') || text.includes('\n\n'))
    fail('invalid_argument', 'note text must end in one newline and have no blank line');
  const signer = ed25519(privateKey, 'private');
  const sig = sign(null, Buffer.from(text, 'utf8'), signer);
  const line = Buffer.concat([keyHash(keyName, createPublicKey(signer)), sig]).toString('base64');
  return `${text}\n${SIG_PREFIX}${keyName} ${line}\n`;
}

/** The key name is the origin: one signing key per log, as tlog-checkpoint recommends. */
export function signCheckpoint(privateKey: KeyObject, cp: Checkpoint): string {
  return signNote(privateKey, cp.origin, checkpointBody(cp));
}

/**
 * Returns the checkpoint only if a signature line by `publicKey` under the checkpoint's origin
 * verifies; other signers' lines are ignored. Pass expectedOrigin so a checkpoint of another
 * log signed by the same key is not taken for ours. Throws CryptoError otherwise.
 */
export function verifyCheckpoint(publicKey: KeyObject, note: string, expectedOrigin?: string): Checkpoint {
  ed25519(publicKey, 'public');
  if (note.length > MAX_NOTE || !note.endsWith('\n')) fail('malformed', 'not a signed note');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) fail('malformed', 'signed note has no signature block');
  const body = note.slice(0, split + 1);
  const cp = parseCheckpointBody(body);
  if (expectedOrigin !== undefined && cp.origin !== expectedOrigin)
    fail('auth_failed', 'checkpoint is for another log');
  const wantHash = keyHash(cp.origin, publicKey);
  let verified = false;
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})$/.exec(line);
    if (!m) fail('malformed', 'bad signature line');
    const raw = Buffer.from(m[2]!, 'base64');
    if (m[1] !== cp.origin || raw.length < 4 || !raw.subarray(0, 4).equals(wantHash)) continue;
    // A line that claims to be ours but does not verify is an attack, not noise.
    if (raw.length !== 68 || !verify(null, Buffer.from(body, 'utf8'), publicKey, raw.subarray(4)))
      fail('auth_failed', 'checkpoint signature does not verify');
    verified = true;
  }
  if (!verified) fail('auth_failed', 'checkpoint carries no signature by this key');
  return cp;
}
