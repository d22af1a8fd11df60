import { readFileSync } from 'node:fs';
import { ValidationError } from '../../domain/errors.ts';

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

/** Throws ValidationError naming the first rule the password breaks. */
export function checkPasswordPolicy(password: string, username: string): void {
  const chars = [...password.normalize('NFC')];
  if (chars.length < MIN_PASSWORD_LENGTH) throw new ValidationError(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  if (chars.length > MAX_PASSWORD_LENGTH) throw new ValidationError(`password: at most ${MAX_PASSWORD_LENGTH} characters`);
  const lower = password.normalize('NFC').toLowerCase();
  // "password1234!" is "password" with digits: guessers try exactly these first.
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (commonPasswords().has(lower) || (stem.length >= 4 && commonPasswords().has(stem))) {
    throw new ValidationError('password: this is one of the most common passwords; choose another');
  }
  if (new Set(chars).size < 4) throw new ValidationError('password: too repetitive');
  if (username && lower.includes(username.toLowerCase())) throw new ValidationError('password: must not contain the username');
}
