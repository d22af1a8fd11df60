import type { Grants, Role } from './actor.ts';

/** An account as the API shows it: never a hash, a secret or a code. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  totpEnabled: boolean;
  grants: Grants;
  createdAt: string;
  updatedAt: string;
}

/** An API token's description; the secret itself is shown once, at creation. */
export interface ApiTokenInfo {
  id: string;
  userId: string;
  label: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** GET /api/auth/me and POST /api/auth/login. */
export interface Me {
  user: User;
  /** Send as X-CSRF-Token on every request that changes something (session cookies only). */
  csrfToken: string | null;
  /** 2FA is required and not set up yet: only enrolment, me and logout are open until it is. */
  mustEnrollTotp: boolean;
}

export interface SecuritySettings {
  /** Every account must sign in with a second factor (TOTP or a recovery code). */
  requireTotp: boolean;
}

/** Usernames: what people type to sign in; lower-case so "Kim" and "kim" are one account. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,62}$/;

export function normalizeUsername(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}
