import { randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import { normalizeUsername, type Me, type User } from '../../domain/accounts.ts';
import { TooManyAttemptsError, UnauthenticatedError } from '../../domain/errors.ts';
import { hashPassword, verifyPassword } from '../../crypto/kdf.ts';
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
export const defaultThrottles = () => ({ account: new LoginThrottle({ freeFailures: 5 }), client: new LoginThrottle({ freeFailures: 20 }) });

export interface SignedIn {
  user: User;
  actor: Actor;
  via: 'session' | 'token';
  /** Session sign-ins only: the cookie's token, from which the CSRF token derives. */
  sessionToken?: string;
  mustEnrollTotp: boolean;
}

const WRONG = () => new UnauthenticatedError('Wrong username or password.', 'invalid_credentials');
const TOUCH_EVERY_MS = 60_000;

/**
 * Sign-in, sessions and API tokens. Every failure path costs one argon2id verification (a dummy
 * hash for unknown users), so response time does not tell which usernames exist.
 */
export class Authenticator {
  private readonly dummyHash: Promise<string>;

  constructor(
    private readonly store: Store,
    private readonly throttles = defaultThrottles(),
    private readonly policy: SessionPolicy = DEFAULT_SESSION_POLICY,
    private readonly now: () => number = Date.now,
  ) {
    this.dummyHash = hashPassword(randomBytes(18).toString('base64url'));
  }

  /** `clientKey` is a keyed hash of the client address, computed by the caller and never stored. */
  async login(input: LoginInput, clientKey: string): Promise<{ sessionToken: string; signedIn: SignedIn }> {
    const username = normalizeUsername(input.username);
    const account = hashSecret(username);
    const fail = () => {
      this.throttles.account.fail([account]);
      this.throttles.client.fail([clientKey]);
    };
    const wait = Math.max(this.throttles.account.retryAfterMs([account]), this.throttles.client.retryAfterMs([clientKey]));
    if (wait > 0) throw new TooManyAttemptsError(Math.ceil(wait / 1000));
    const { users } = this.store.accounts;
    const creds = await users.credentials(username);
    const passwordOk = await verifyPassword(creds?.passwordHash ?? (await this.dummyHash), input.password);
    if (!creds || !passwordOk || creds.user.disabled) {
      fail();
      throw WRONG();
    }
    if (creds.user.totpEnabled) {
      if (!input.totp && !input.recoveryCode) {
        // Not a failure: the password was right, the app only has to ask for the second factor.
        throw new UnauthenticatedError('Enter the code from your authenticator app, or a recovery code.', 'totp_required');
      }
      const step = input.totp && creds.totpSecret ? matchTotp(creds.totpSecret, input.totp, this.now()) : null;
      const ok = input.totp
        ? step !== null && (await users.consumeTotpStep(creds.user.id, step))
        : await users.consumeRecoveryCode(creds.user.id, hashSecret(normalizeRecoveryCode(input.recoveryCode ?? '')));
      if (!ok) {
        fail();
        throw new UnauthenticatedError('That code is not valid (or was used already).', 'invalid_second_factor');
      }
    }
    this.throttles.account.succeed(account);
    const sessionToken = newSessionToken();
    const expires = new Date(this.now() + this.policy.absoluteTimeoutMs).toISOString();
    await this.store.accounts.sessions.create(hashSecret(sessionToken), creds.user.id, expires);
    const user = await users.get(creds.user.id);
    return { sessionToken, signedIn: await this.signedIn(user, 'session', sessionToken) };
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
