import type { AccessLevel, Actor, Grants, Role } from '../../domain/actor.ts';
import { normalizeUsername, USERNAME_PATTERN, type ApiTokenInfo, type User } from '../../domain/accounts.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../../domain/errors.ts';
import { hashPassword } from '../../crypto/kdf.ts';
import type { Store } from '../../store/store.ts';
import { ACCOUNT_AUDIT, roleAtMost } from './actors.ts';
import { checkPasswordPolicy, normalizePassword, verifyPasswordNormalized } from './password-policy.ts';
import { hashSecret, newApiToken, newOneTimePassword } from './secrets.ts';

export interface NewUser {
  username: string;
  role: Role;
  displayName?: string;
  /** Checked against the password policy; when absent a one-time password is generated and returned. */
  password?: string;
  grants?: Grants;
}

/** What the audit log says about an account: never a hash or a secret. */
const auditState = (u: User) => ({ username: u.username, role: u.role, disabled: u.disabled, grants: u.grants });

/** Creates an account; `oneTimePassword` is set when Tumen chose the password (shown once, never stored). */
export async function createUser(store: Store, actor: Actor, input: NewUser): Promise<{ user: User; oneTimePassword?: string }> {
  const username = normalizeUsername(input.username);
  if (!USERNAME_PATTERN.test(username)) throw new ValidationError('username: 2–63 lower-case letters, digits, dots, dashes or underscores');
  const oneTimePassword = input.password === undefined ? newOneTimePassword() : undefined;
  const password = input.password ?? oneTimePassword!;
  if (input.password !== undefined) checkPasswordPolicy(password, username);
  const passwordHash = await hashPassword(normalizePassword(password));
  const user = await store.transaction(async (tx) => {
    const created = await tx.accounts.users.create(actor, { username, role: input.role, passwordHash, ...(input.displayName ? { displayName: input.displayName } : {}) });
    for (const [compartment, access] of Object.entries(input.grants ?? {})) await tx.accounts.compartments.setGrant(actor, created.id, compartment, access);
    const withGrants = await tx.accounts.users.get(created.id);
    await tx.audit.append(actor, ACCOUNT_AUDIT.userCreated, { kind: 'user', id: created.id }, auditState(withGrants));
    return withGrants;
  });
  return { user, ...(oneTimePassword ? { oneTimePassword } : {}) };
}

export interface UserChange {
  role?: Role;
  displayName?: string;
  disabled?: boolean;
  /** Compartment → access; null removes the grant. Others stay as they are. */
  grants?: Record<string, AccessLevel | null>;
}

/** Changes an account; disabling it ends its sessions at once. The last active admin cannot be demoted or disabled. */
export async function updateUser(store: Store, actor: Actor, userId: string, change: UserChange): Promise<User> {
  return store.transaction(async (tx) => {
    const { users, compartments, sessions } = tx.accounts;
    const before = await users.get(userId);
    const losesAdmin = before.role === 'admin' && !before.disabled && ((change.role && change.role !== 'admin') || change.disabled === true);
    if (losesAdmin && (await users.list()).filter((u) => u.role === 'admin' && !u.disabled).length <= 1) {
      throw new ValidationError('this is the last active admin: make someone else admin first');
    }
    await users.update(userId, change);
    for (const [compartment, access] of Object.entries(change.grants ?? {})) await compartments.setGrant(actor, userId, compartment, access);
    if (change.disabled) {
      await sessions.removeAllOf(userId);
      await revokeTokensOf(tx, actor, userId);
    }
    const after = await users.get(userId);
    await tx.audit.append(actor, ACCOUNT_AUDIT.userChanged, { kind: 'user', id: userId }, auditState(after), { fields: Object.keys(change) });
    return after;
  });
}

/** Needs the current password; the HTTP route runs it under the sign-in throttle (Authenticator.guarded). */
export async function changePassword(store: Store, actor: Actor, userId: string, current: string, next: string, keepSession?: string): Promise<void> {
  const creds = await store.accounts.users.credentialsById(userId);
  if (!(await verifyPasswordNormalized(creds.passwordHash, current)).ok) throw new UnauthenticatedError('Wrong password.', 'invalid_credentials');
  await setPassword(store, actor, userId, next, keepSession);
}

/**
 * Sets a password after checking the policy, and ends everything the old one opened: the
 * account's other sessions (`keepSession`: a session token) and all its API tokens.
 */
export async function setPassword(store: Store, actor: Actor, userId: string, next: string, keepSession?: string): Promise<void> {
  const user = await store.accounts.users.get(userId);
  checkPasswordPolicy(next, user.username);
  const passwordHash = await hashPassword(normalizePassword(next));
  await store.transaction(async (tx) => {
    await tx.accounts.users.update(userId, { passwordHash });
    await tx.accounts.sessions.removeAllOf(userId, keepSession ? hashSecret(keepSession) : undefined);
    await revokeTokensOf(tx, actor, userId);
  });
}

/** Revokes every live API token of an account, each with its audit entry. */
async function revokeTokensOf(tx: Store, actor: Actor, userId: string): Promise<void> {
  for (const t of await tx.accounts.sessions.tokensOf(userId)) {
    if (t.revokedAt) continue;
    await tx.accounts.sessions.revokeToken(t.id);
    await tx.audit.append(actor, ACCOUNT_AUDIT.tokenRevoked, { kind: 'token', id: t.id }, { userId });
  }
}

/** Issues a token for `userId` with at most that user's role; the token is in the result only, never stored. */
export async function issueToken(store: Store, actor: Actor, userId: string, input: { label: string; role: Role }): Promise<{ token: string; info: ApiTokenInfo }> {
  const user = await store.accounts.users.get(userId);
  if (user.disabled) throw new ValidationError('the account is disabled');
  if (!roleAtMost(input.role, user.role)) throw new ForbiddenError(`a token cannot have a higher role than its user (${user.role})`);
  const token = newApiToken();
  const info = await store.accounts.sessions.createToken({ userId, label: input.label.trim() || 'token', role: input.role, tokenHash: hashSecret(token), createdBy: actor.id });
  await store.audit.append(actor, ACCOUNT_AUDIT.tokenIssued, { kind: 'token', id: info.id }, { userId, role: info.role, label: info.label });
  return { token, info };
}

/** Revokes a token; `ownerOnly` makes someone else's token look like no token at all. */
export async function revokeToken(store: Store, actor: Actor, tokenId: string, ownerOnly?: string): Promise<void> {
  const info = await store.accounts.sessions.getToken(tokenId);
  if (ownerOnly && info.userId !== ownerOnly) throw new NotFoundError('token');
  await store.accounts.sessions.revokeToken(tokenId);
  await store.audit.append(actor, ACCOUNT_AUDIT.tokenRevoked, { kind: 'token', id: tokenId }, { userId: info.userId });
}
