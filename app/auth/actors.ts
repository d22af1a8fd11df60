import type { Actor, Role } from '../../domain/actor.ts';
import type { User } from '../../domain/accounts.ts';

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** The lower of two roles: a token never acts above its user, nor above what it was issued for. */
export const lowerRole = (a: Role, b: Role): Role => (RANK[a] <= RANK[b] ? a : b);
export const roleAtMost = (role: Role, ceiling: Role): boolean => RANK[role] <= RANK[ceiling];

/** The actor a signed-in user acts as: their role (capped for tokens) and their compartment grants. */
export function actorForUser(user: User, roleCap?: Role): Actor {
  return {
    id: `user:${user.id}`,
    label: user.username,
    role: roleCap ? lowerRole(user.role, roleCap) : user.role,
    grants: user.grants,
  };
}

/** Audit entries for account changes use past-tense actions, so `verify` never takes them for content states. */
export const ACCOUNT_AUDIT = {
  userCreated: 'user.created',
  userChanged: 'user.changed',
  grantChanged: 'grant.changed',
  tokenIssued: 'token.issued',
  tokenRevoked: 'token.revoked',
  settingsChanged: 'settings.changed',
  totpChanged: 'totp.changed',
} as const;
