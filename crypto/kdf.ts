import { randomBytes } from 'node:crypto';
import { hash, hashRaw, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { CryptoError } from './errors.ts';

export type KdfParams = { readonly memoryKiB: number; readonly iterations: number; readonly parallelism: number };

/**
 * argon2id cost profiles. OWASP (Password Storage Cheat Sheet, 2023+) sets the floor at
 * m=19 MiB, t=2, p=1; we stay well above it because the threat that matters is a seized server
 * or laptop guessed at offline by an attacker with state resources.
 * - masterKey: the one secret behind every record, derived once per unlock (server start, CLI
 *   open), so we spend 256 MiB x 3 passes (~0.4 s on a 2-core EPYC): 4x OWASP's "64 MiB"
 *   example in memory, which is what makes GPU/ASIC guessing expensive. Needs 256 MiB free
 *   at unlock; a tiny host may store a lower profile (not below the floor) with its salt.
 * - login: per sign-in, 46 MiB x 2 passes (~30 ms). libuv runs at most 4 hashes at once
 *   (UV_THREADPOOL_SIZE), capping login memory at ~184 MiB under a guessing flood.
 * p=1: extra lanes only buy speed with idle cores, and our 2 cores also serve requests.
 * Parameters are stored beside each salt/PHC string, so raising these never locks anyone out.
 */
export const ARGON2ID_PROFILES = {
  masterKey: { memoryKiB: 256 * 1024, iterations: 3, parallelism: 1 },
  login: { memoryKiB: 46 * 1024, iterations: 2, parallelism: 1 },
} as const satisfies Record<string, KdfParams>;

/** Refuse anything weaker than OWASP's floor, and anything so large it is a denial of service. */
const FLOOR: KdfParams = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };
const CEILING_MEMORY_KIB = 1024 * 1024;
export const KEY_LENGTH = 32;
export const SALT_LENGTH = 16;
// The package declares Algorithm as an ambient const enum, which isolatedModules cannot read.
const ARGON2ID = 2 as Algorithm;

export function newSalt(): Buffer {
  return randomBytes(SALT_LENGTH);
}

/**
 * Strings are NFC-normalised first: Korean typed on different keyboards/OSes can arrive as
 * precomposed syllables or as conjoining jamo, and the same passphrase must give the same key.
 */
function passphraseBytes(passphrase: string | Uint8Array): Buffer {
  const bytes =
    typeof passphrase === 'string' ? Buffer.from(passphrase.normalize('NFC'), 'utf8') : Buffer.from(passphrase);
  if (bytes.length === 0) throw new CryptoError('invalid_argument', 'empty passphrase');
  return bytes;
}

function checkParams(p: KdfParams): void {
  const ints = [p.memoryKiB, p.iterations, p.parallelism].every((n) => Number.isSafeInteger(n) && n > 0);
  if (
    !ints ||
    p.memoryKiB < FLOOR.memoryKiB ||
    p.iterations < FLOOR.iterations ||
    p.memoryKiB > CEILING_MEMORY_KIB ||
    p.parallelism > 16
  ) {
    throw new CryptoError('invalid_argument', 'argon2id parameters outside the allowed range');
  }
}

function options(p: KdfParams): Options {
  return {
    algorithm: ARGON2ID,
    memoryCost: p.memoryKiB,
    timeCost: p.iterations,
    parallelism: p.parallelism,
    outputLen: KEY_LENGTH,
  };
}

/** Derives a 32-byte key (e.g. the master key) from a passphrase; runs off the event loop. */
export async function deriveKey(
  passphrase: string | Uint8Array,
  salt: Uint8Array,
  params: KdfParams = ARGON2ID_PROFILES.masterKey,
): Promise<Buffer> {
  checkParams(params);
  if (salt.length < SALT_LENGTH)
    throw new CryptoError('invalid_argument', `salt must be at least ${SALT_LENGTH} bytes`);
  const key = await hashRaw(passphraseBytes(passphrase), { ...options(params), salt });
  if (key.length !== KEY_LENGTH)
    throw new CryptoError('invalid_argument', 'argon2 returned a key of unexpected length');
  return key;
}

/** Returns a PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash) that carries its own salt and cost. */
export async function hashPassword(password: string, params: KdfParams = ARGON2ID_PROFILES.login): Promise<string> {
  checkParams(params);
  return hash(passphraseBytes(password), options(params));
}

function parsePhc(phc: string) {
  try {
    return parseOptions(phc);
  } catch {
    throw new CryptoError('malformed', 'not an argon2 PHC string');
  }
}

/**
 * False for a wrong password; throws for a stored hash we refuse to run (not argon2id, or a
 * cost someone raised to exhaust our memory).
 */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  const parsed = parsePhc(phc);
  if (parsed.algorithm !== ARGON2ID) throw new CryptoError('malformed', 'stored hash is not argon2id');
  if (parsed.memoryCost > CEILING_MEMORY_KIB)
    throw new CryptoError('malformed', 'stored hash asks for too much memory');
  if (password.length === 0) return false;
  return verify(phc, passphraseBytes(password));
}

/** True when a stored hash is cheaper than the profile, so the caller re-hashes after a successful login. */
export function passwordNeedsRehash(phc: string, params: KdfParams = ARGON2ID_PROFILES.login): boolean {
  const p = parsePhc(phc);
  return (
    p.algorithm !== ARGON2ID ||
    p.memoryCost < params.memoryKiB ||
    p.timeCost < params.iterations ||
    p.parallelism !== params.parallelism
  );
}
