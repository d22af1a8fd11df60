import { randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import { normalizeUsername, type Me, type User } from '../../domain/accounts.ts';
import { TooManyAttemptsError, UnauthenticatedError } from '../../domain/errors.ts';
import { hashPassword } from '../../crypto/kdf.ts';
import { normalizePassword, verifyPasswordNormalized } from './password-policy.ts';
import type { Store } from '../../store/store.ts';
import { actorForUser } from './actors.ts';
import { LoginThrottle } from './login-throttle.ts';
import { API_TOKEN_PREFIX, csrfTokenFor, hashSecret, newSessionToken, normalizeRecoveryCode } from './secrets.ts';
import { matchTotp } from './totp.ts';

export interface SessionPolicy {
  /** Signed out after this long without a request. */
  idleTimeoutMs: number;
  /** Signed out this long after signing in, whatever the activity. */
  absoluteTimeoutMs: number;
}

/** 30 minutes idle, 12 hours in all: a working day, and an unattended laptop locks itself soon. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleTimeoutMs: 30 * 60_000, absoluteTimeoutMs: 12 * 60 * 60_000 };

export interface LoginInput {
  username: string;
  password: string;
  totp?: string | undefined;
  recoveryCode?: string | undefined;
}

/**
 * An account gets 5 free misses, a client 20 (it may be an office behind one address, or a
 * reverse proxy in front of everyone); after that each miss doubles the wait, up to 15 minutes.
 */
export interface Throttles {
  account: LoginThrottle;
  client: LoginThrottle;
}
export const defaultThrottles = (now?: () => number): Throttles => ({
  account: new LoginThrottle({ freeFailures: 5, ...(now ? { now } : {}) }),
  client: new LoginThrottle({ freeFailures: 20, ...(now ? { now } : {}) }),
});

export interface SignedIn {
  user: User;
  actor: Actor;
  via: 'session' | 'token';
  /** Session sign-ins only: the cookie's token, from which the CSRF token derives. */
  sessionToken?: string;
  mustEnrollTotp: boolean;
}

const WRONG = () => new UnauthenticatedError('Wrong username, password or code.', 'invalid_credentials');
const TOUCH_EVERY_MS = 60_000;

/**
 * Sign-in, sessions and API tokens. Every failure path costs one argon2id verification (a dummy
 * hash for unknown users), so response time does not tell which usernames exist.
 */
export class Authenticator {
  private readonly dummyHash: Promise<string>;

  constructor(
    private readonly store: Store,
    private readonly throttles: Throttles = defaultThrottles(),
    private readonly policy: SessionPolicy = DEFAULT_SESSION_POLICY,
    private readonly now: () => number = Date.now,
  ) {
    this.dummyHash = hashPassword(randomBytes(18).toString('base64url'));
  }

  /**
   * Counts one attempt against the account and the client before anything is hashed (so parallel
   * guesses cannot pass the limit), runs `check`, and forgives the attempt only if it passed.
   * Used for sign-in and for every later proof of the password or a code (change password,
   * switch 2FA off, new recovery codes).
   */
  async guarded<T>(username: string, clientKey: string, check: () => Promise<T | null>, wrong: () => Error = WRONG): Promise<T> {
    const account = hashSecret(normalizeUsername(username));
    // No await between the check and the count: this block is atomic on the event loop.
    const wait = Math.max(this.throttles.account.retryAfterMs([account]), this.throttles.client.retryAfterMs([clientKey]));
    if (wait > 0) throw new TooManyAttemptsError(Math.ceil(wait / 1000));
    this.throttles.account.begin([account]);
    this.throttles.client.begin([clientKey]);
    let result: T | null = null;
    let askedForCode = false;
    try {
      // A check that throws (totp_required, a wrong code) counts as a miss.
      result = await check();
    } catch (err) {
      askedForCode = err instanceof UnauthenticatedError && err.id === 'totp_required';
      throw err;
    } finally {
      this.throttles.account.finish(account, result !== null, true);
      // Asking for the code is the first step of every 2FA sign-in: against the account it
      // counts (it says whether the username has 2FA), but an office of 2FA users behind one
      // address must not use up its client allowance by signing in.
      this.throttles.client.finish(clientKey, result !== null || askedForCode, false);
    }
    if (result === null) throw wrong();
    return result;
  }

  /**
   * `clientKey` is a keyed hash of the client address, computed by the caller and never stored.
   * An account with 2FA gets "totp_required" whenever no code came with the request, before its
   * password is looked at, and one answer (invalid_credentials) when either factor is wrong: the
   * password alone is never confirmed. Trade-off: whether a username has 2FA is visible.
   */
  async login(input: LoginInput, clientKey: string): Promise<{ sessionToken: string; signedIn: SignedIn }> {
    const username = normalizeUsername(input.username);
    const { users } = this.store.accounts;
    const creds = await users.credentials(username);
    const user = await this.guarded(username, clientKey, async () => {
      if (creds?.user.totpEnabled && !creds.user.disabled && !input.totp && !input.recoveryCode) {
        throw new UnauthenticatedError('Enter the code from your authenticator app, or a recovery code, with your password.', 'totp_required');
      }
      const passwordOk = await verifyPasswordNormalized(creds?.passwordHash ?? (await this.dummyHash), input.password);
      if (!creds || !passwordOk.ok || creds.user.disabled) return null;
      if (creds.user.totpEnabled) {
        const step = input.totp && creds.totpSecret ? matchTotp(creds.totpSecret, input.totp, this.now()) : null;
        const ok = input.totp
          ? step !== null && (await users.consumeTotpStep(creds.user.id, step))
          : await users.consumeRecoveryCode(creds.user.id, hashSecret(normalizeRecoveryCode(input.recoveryCode ?? '')));
        if (!ok) return null;
      }
      if (passwordOk.rehash) await users.update(creds.user.id, { passwordHash: await hashPassword(normalizePassword(input.password)) });
      return creds.user;
    });
    const sessionToken = newSessionToken();
    const expires = new Date(this.now() + this.policy.absoluteTimeoutMs).toISOString();
    await this.store.accounts.sessions.create(hashSecret(sessionToken), user.id, expires);
    const fresh = await users.get(user.id);
    return { sessionToken, signedIn: await this.signedIn(fresh, 'session', sessionToken) };
  }

  /** The session behind a cookie's token, or null when unknown, expired, idle too long or its user disabled. */
  async resolveSession(sessionToken: string): Promise<SignedIn | null> {
    const { sessions, users } = this.store.accounts;
    const id = hashSecret(sessionToken);
    const s = await sessions.find(id);
    if (!s) return null;
    const now = this.now();
    const idleSince = Date.parse(s.lastSeenAt);
    if (Date.parse(s.expiresAt) <= now || now - idleSince > this.policy.idleTimeoutMs) {
      await sessions.remove(id);
      return null;
    }
    const user = await users.get(s.userId).catch(() => null);
    if (!user || user.disabled) {
      await sessions.remove(id);
      return null;
    }
    if (now - idleSince > TOUCH_EVERY_MS) await sessions.touch(id, new Date(now).toISOString());
    return this.signedIn(user, 'session', sessionToken);
  }

  async resolveApiToken(token: string): Promise<SignedIn | null> {
    if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
    const { sessions, users } = this.store.accounts;
    const info = await sessions.findLiveToken(hashSecret(token));
    if (!info) return null;
    const user = await users.get(info.userId).catch(() => null);
    if (!user || user.disabled) return null;
    const now = this.now();
    if (!info.lastUsedAt || now - Date.parse(info.lastUsedAt) > TOUCH_EVERY_MS) await sessions.markTokenUsed(info.id, new Date(now).toISOString());
    // Tokens are for scripts: no second-factor prompt, but they act with the token's role at most.
    return { user, actor: actorForUser(user, info.role), via: 'token', mustEnrollTotp: false };
  }

  async logout(sessionToken: string): Promise<void> {
    await this.store.accounts.sessions.remove(hashSecret(sessionToken));
  }

  me(s: SignedIn): Me {
    return { user: s.user, csrfToken: s.sessionToken ? csrfTokenFor(s.sessionToken) : null, mustEnrollTotp: s.mustEnrollTotp };
  }

  private async signedIn(user: User, via: 'session', sessionToken: string): Promise<SignedIn> {
    const { requireTotp } = await this.store.accounts.settings.security();
    return { user, actor: actorForUser(user), via, sessionToken, mustEnrollTotp: requireTotp && !user.totpEnabled };
  }
}
