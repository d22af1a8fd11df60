import type { Actor } from '../../domain/actor.ts';
import { ConflictError, UnauthenticatedError, ValidationError } from '../../domain/errors.ts';
import { verifyPasswordNormalized } from './password-policy.ts';
import type { Store } from '../../store/store.ts';
import { ACCOUNT_AUDIT } from './actors.ts';
import { hashSecret, newRecoveryCodes, normalizeRecoveryCode } from './secrets.ts';
import { matchTotp, newTotpSecret, totpUri } from './totp.ts';

/**
 * TOTP enrolment in two steps (enrol shows the secret, confirm proves the app has it), recovery
 * codes shown once and stored hashed, and switching 2FA off only with the password and a code.
 */
export async function enrollTotp(store: Store, userId: string): Promise<{ secret: string; uri: string }> {
  const creds = await store.accounts.users.credentialsById(userId);
  if (creds.user.totpEnabled) throw new ConflictError('two-factor sign-in is on already; switch it off first to enrol a new app');
  const secret = newTotpSecret();
  await store.accounts.users.setPendingTotp(userId, secret);
  return { secret, uri: totpUri(secret, creds.user.username) };
}

/** Turns 2FA on once the app's first code matches; returns the recovery codes, the only time they are shown. */
export async function confirmTotp(store: Store, actor: Actor, userId: string, code: string, now = Date.now()): Promise<{ recoveryCodes: string[] }> {
  const { users } = store.accounts;
  const creds = await users.credentialsById(userId);
  if (creds.user.totpEnabled) throw new ConflictError('two-factor sign-in is on already');
  if (!creds.totpSecret) throw new ValidationError('start enrolment first (POST /api/auth/totp/enroll)');
  const step = matchTotp(creds.totpSecret, code, now);
  if (step === null) throw new ValidationError('code: does not match; check the time on the phone and try the next code');
  return store.transaction(async (tx) => {
    await tx.accounts.users.enableTotp(userId, step);
    const codes = newRecoveryCodes();
    await tx.accounts.users.replaceRecoveryCodes(userId, codes.map((c) => hashSecret(normalizeRecoveryCode(c))));
    await tx.audit.append(actor, ACCOUNT_AUDIT.totpChanged, { kind: 'user', id: userId }, { totp: 'on' });
    return { recoveryCodes: codes };
  });
}

/** A stolen session alone cannot switch 2FA off: it takes the password and a current code. */
export async function disableTotp(store: Store, actor: Actor, userId: string, proof: { password: string; totp?: string | undefined; recoveryCode?: string | undefined }, keepSession?: string): Promise<void> {
  const { users } = store.accounts;
  const creds = await users.credentialsById(userId);
  if (!creds.user.totpEnabled) return;
  if (!(await verifyPasswordNormalized(creds.passwordHash, proof.password)).ok) throw new UnauthenticatedError('Wrong password.', 'invalid_credentials');
  const step = proof.totp && creds.totpSecret ? matchTotp(creds.totpSecret, proof.totp) : null;
  const ok = proof.totp
    ? step !== null && (await users.consumeTotpStep(userId, step))
    : Boolean(proof.recoveryCode) && (await users.consumeRecoveryCode(userId, hashSecret(normalizeRecoveryCode(proof.recoveryCode ?? ''))));
  if (!ok) throw new UnauthenticatedError('That code is not valid (or was used already).', 'invalid_second_factor');
  await users.disableTotp(userId);
  await store.accounts.sessions.removeAllOf(userId, keepSession ? hashSecret(keepSession) : undefined);
  await store.audit.append(actor, ACCOUNT_AUDIT.totpChanged, { kind: 'user', id: userId }, { totp: 'off' });
}

/** New recovery codes replace all old ones (used or not); needs the password. */
export async function regenerateRecoveryCodes(store: Store, userId: string, password: string): Promise<{ recoveryCodes: string[] }> {
  const creds = await store.accounts.users.credentialsById(userId);
  if (!creds.user.totpEnabled) throw new ValidationError('switch two-factor sign-in on first');
  if (!(await verifyPasswordNormalized(creds.passwordHash, password)).ok) throw new UnauthenticatedError('Wrong password.', 'invalid_credentials');
  const codes = newRecoveryCodes();
  await store.accounts.users.replaceRecoveryCodes(userId, codes.map((c) => hashSecret(normalizeRecoveryCode(c))));
  return { recoveryCodes: codes };
}
