import { readFileSync } from 'node:fs';
import { ValidationError } from '../../domain/errors.ts';
import { verifyPassword } from '../../crypto/kdf.ts';

/**
 * NIST SP 800-63B: length over composition rules, and no password from a list of known-breached
 * ones. 12 characters is our floor (the login hash, not the length, is what slows guessing).
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

const LIST_URL = new URL('../../data/common-passwords.txt', import.meta.url);
let common: Set<string> | null = null;

/** Loaded on first use (~50k entries, ~400 KB): the CLI commands that never check a password skip it. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(LIST_URL, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

/**
 * NFKC, as RFC 8265 (OpaqueString) asks: full-width "ＰＡＳＳＷＯＲＤ１２３４" is "PASSWORD1234" to a
 * guesser and to the policy, and a password typed on another keyboard or OS still matches.
 */
export const normalizePassword = (password: string): string => password.normalize('NFKC');

/**
 * Checks a password against a stored hash: its NFKC form first; for hashes made before
 * passwords were normalised, the password as typed, in which case `rehash` says to store
 * the normalised form's hash now.
 */
export async function verifyPasswordNormalized(hash: string, password: string): Promise<{ ok: boolean; rehash: boolean }> {
  const normalized = normalizePassword(password);
  if (await verifyPassword(hash, normalized)) return { ok: true, rehash: false };
  if (normalized !== password && (await verifyPassword(hash, password))) return { ok: true, rehash: true };
  return { ok: false, rehash: false };
}

/** Throws ValidationError naming the first rule the password breaks (judged on its NFKC form). */
export function checkPasswordPolicy(raw: string, username: string): void {
  const password = normalizePassword(raw);
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) throw new ValidationError(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  if (chars.length > MAX_PASSWORD_LENGTH) throw new ValidationError(`password: at most ${MAX_PASSWORD_LENGTH} characters`);
  const lower = password.toLowerCase();
  // "password1234!" is "password" with digits: guessers try exactly these first.
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (commonPasswords().has(lower) || (stem.length >= 4 && commonPasswords().has(stem))) {
    throw new ValidationError('password: this is one of the most common passwords; choose another');
  }
  if (new Set(chars).size < 4) throw new ValidationError('password: too repetitive');
  if (username && lower.includes(username.toLowerCase())) throw new ValidationError('password: must not contain the username');
}
