import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { User } from '../../domain/accounts.ts';
import type { Actor } from '../../domain/actor.ts';
import { UnauthenticatedError } from '../../domain/errors.ts';
import { mayReadProtectedFields } from '../../domain/policies/index.ts';
import type { Authenticator } from '../../app/auth/authenticator.ts';
import type { Tumen } from '../../app/tumen.ts';

/**
 * Who is making a request: the only place the HTTP surface decides identity. Until the first
 * account exists the caller is the local operator (the server then listens on loopback only);
 * after that, a session cookie or an `Authorization: Bearer` API token, or no one.
 */
export interface RequestAuth {
  actor: Actor;
  via: 'local' | 'session' | 'token';
  user: User | null;
  /** Session requests only: the cookie's token (for the CSRF check and logout). */
  sessionToken: string | null;
  mustEnrollTotp: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

export interface CookieSettings {
  name: string;
  /** False only for plain-HTTP loopback (tests, a laptop without TLS): see ServerOptions.cookieSecure. */
  secure: boolean;
}

/** `__Host-` makes browsers refuse the cookie unless Secure, host-only and Path=/. */
export const cookieSettings = (secure: boolean): CookieSettings => ({ name: secure ? '__Host-tumen-session' : 'tumen-session', secure });

export interface IdentityContext {
  tumen: Tumen;
  authenticator: Authenticator;
  cookie: CookieSettings;
  /** Once true stays true: accounts are disabled, never deleted. */
  usersExist: boolean;
}

const LOCAL: Actor = { id: 'local', label: 'Local user' };

export async function identify(req: FastifyRequest, ctx: IdentityContext): Promise<RequestAuth | null> {
  if (!ctx.usersExist) ctx.usersExist = await ctx.tumen.store.accounts.users.any();
  if (!ctx.usersExist) {
    const actor = await ctx.tumen.store.accounts.compartments.operatorUnrestricted(LOCAL);
    return { actor, via: 'local', user: null, sessionToken: null, mustEnrollTotp: false };
  }
  const header = req.headers.authorization;
  if (header !== undefined) {
    // A request that names a token is judged by it alone, never by a cookie it also carries.
    const m = /^Bearer ([\x21-\x7e]{1,200})$/.exec(header);
    const s = m ? await ctx.authenticator.resolveApiToken(m[1]!) : null;
    return s ? { actor: s.actor, via: 'token', user: s.user, sessionToken: null, mustEnrollTotp: false } : null;
  }
  const token = req.cookies?.[ctx.cookie.name];
  if (!token || token.length > 200) return null;
  const s = await ctx.authenticator.resolveSession(token);
  return s ? { actor: s.actor, via: 'session', user: s.user, sessionToken: token, mustEnrollTotp: s.mustEnrollTotp } : null;
}

export function authOf(req: FastifyRequest): RequestAuth {
  if (!req.auth) throw new UnauthenticatedError();
  return req.auth;
}

export function actorOf(req: FastifyRequest): Actor {
  return authOf(req).actor;
}

/** Protected person fields go out only when asked for and the role allows them; the store checks again. */
export function mayIncludeProtected(actor: Actor, requested: boolean): boolean {
  return requested && mayReadProtectedFields(actor);
}

/**
 * The per-client key for sign-in throttling: an HMAC of the address under a key that lives in
 * this process only. The address itself is never stored or logged, and the key cannot be
 * reversed by trying every IPv4 address, as a plain hash could.
 */
const CLIENT_KEY_SECRET = randomBytes(32);
export const clientKeyOf = (req: FastifyRequest): string =>
  createHmac('sha256', CLIENT_KEY_SECRET).update(req.socket.remoteAddress ?? '').digest('base64url').slice(0, 22);
