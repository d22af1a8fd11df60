import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Session tokens, API tokens and recovery codes are random secrets with 256 (tokens) or 80
 * (recovery codes) bits of entropy, so a fast SHA-256 is enough to store them: there is nothing
 * to guess at, unlike a password, which gets argon2id (crypto/kdf.ts).
 */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

/** API tokens carry a prefix so a leaked one is recognisable (and greppable in a log, if it ever got there). */
export const API_TOKEN_PREFIX = 'tmn_';
export const newApiToken = (): string => `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/**
 * The CSRF token of a session: an HMAC keyed by the session token, so it needs no storage,
 * changes with every session and dies with it (a synchroniser token, not a second cookie).
 */
export const csrfTokenFor = (sessionToken: string): string =>
  createHmac('sha256', sessionToken).update('tumen/csrf/v1').digest('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Ten codes of 16 characters from a 32-letter alphabet (80 bits each), grouped for reading aloud. */
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz023456789'; // 32 letters: no bias, no i/l/o/1
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(16);
    const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** What people type: any case, with or without dashes and spaces. */
export const normalizeRecoveryCode = (code: string): string => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** One-time passwords printed by `tumen user add`: 20 characters, ~100 bits. */
export const newOneTimePassword = (): string => randomBytes(15).toString('base64url');
