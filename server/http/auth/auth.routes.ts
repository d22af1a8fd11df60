import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Me, User } from '../../../domain/accounts.ts';
import { ForbiddenError } from '../../../domain/errors.ts';
import type { Authenticator } from '../../../app/auth/authenticator.ts';
import { changePassword } from '../../../app/auth/account-admin.ts';
import { checkPasswordPolicy } from '../../../app/auth/password-policy.ts';
import { confirmTotp, disableTotp, enrollTotp, regenerateRecoveryCodes } from '../../../app/auth/second-factor.ts';
import type { Tumen } from '../../../app/tumen.ts';
import { authOf, clientKeyOf, type CookieSettings, type RequestAuth } from '../actor.ts';
import { noContent } from '../common.schema.ts';
import { errorResponses } from '../errors.ts';
import { codeBodySchema, loginBodySchema, meSchema, passwordChangeSchema, passwordProofSchema } from './auth.schema.ts';

const tags = ['auth'];

export interface AuthRouteOptions {
  tumen: Tumen;
  authenticator: Authenticator;
  cookie: CookieSettings;
}

/** Account-only actions need an account: in local mode (no accounts yet) there is none. */
function userOf(req: FastifyRequest): User {
  const auth = authOf(req);
  if (!auth.user) throw new ForbiddenError('Create an account first (tumen user add).', 'no_account');
  return auth.user;
}

const LOCAL_USER: User = {
  id: 'local',
  username: 'local',
  displayName: 'Local user',
  role: 'admin',
  disabled: false,
  totpEnabled: false,
  grants: {},
  createdAt: '1970-01-01T00:00:00.000Z',
  updatedAt: '1970-01-01T00:00:00.000Z',
};

function meOf(auth: RequestAuth, authenticator: Authenticator): Me {
  if (!auth.user) return { user: { ...LOCAL_USER, grants: auth.actor.grants ?? {} }, csrfToken: null, mustEnrollTotp: false };
  if (auth.via === 'session' && auth.sessionToken) {
    return authenticator.me({ user: auth.user, actor: auth.actor, via: 'session', sessionToken: auth.sessionToken, mustEnrollTotp: auth.mustEnrollTotp });
  }
  return { user: auth.user, csrfToken: null, mustEnrollTotp: false };
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, { tumen, authenticator, cookie }) => {
  const { store } = tumen;
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(cookie.name, token, { httpOnly: true, secure: cookie.secure, sameSite: 'strict', path: '/' });

  app.post('/auth/login', {
    schema: {
      tags,
      summary: 'Sign in: sets the session cookie (HttpOnly, Secure, SameSite=Strict) and returns the CSRF token',
      description: '401 ids: totp_required (the account has 2FA: send totp or recoveryCode with the password; said before the password is checked), invalid_credentials (any factor wrong: which one is not said); 429 too_many_attempts with Retry-After (5 attempts per account, 20 per client, counted before checking).',
      body: loginBodySchema,
      response: { 200: meSchema, ...errorResponses(400, 401, 429) },
    },
    handler: async (req, reply) => {
      const { sessionToken, signedIn } = await authenticator.login(req.body, clientKeyOf(req));
      setCookie(reply, sessionToken);
      return authenticator.me(signedIn);
    },
  });

  app.post('/auth/logout', {
    schema: { tags, summary: 'Sign out: ends the session on the server and clears the cookie', response: { 204: noContent, ...errorResponses(401, 403) } },
    handler: async (req, reply) => {
      const auth = authOf(req);
      if (auth.sessionToken) await authenticator.logout(auth.sessionToken);
      reply.clearCookie(cookie.name, { httpOnly: true, secure: cookie.secure, sameSite: 'strict', path: '/' });
      return reply.code(204).send(null);
    },
  });

  app.get('/auth/me', {
    schema: { tags, summary: 'The signed-in account, its grants and the CSRF token', response: { 200: meSchema, ...errorResponses(401) } },
    handler: async (req) => meOf(authOf(req), authenticator),
  });

  app.post('/auth/totp/enroll', {
    schema: { tags, summary: 'Start two-factor sign-in: a new TOTP secret and its otpauth:// URI (shown once)', response: { 200: z.object({ secret: z.string(), uri: z.string() }), ...errorResponses(401, 403, 409) } },
    handler: async (req) => enrollTotp(store, userOf(req).id),
  });

  app.post('/auth/totp/confirm', {
    schema: { tags, summary: 'Turn two-factor sign-in on with a first code; returns ten one-time recovery codes (shown once)', body: codeBodySchema, response: { 200: z.object({ recoveryCodes: z.array(z.string()) }), ...errorResponses(400, 401, 403, 409) } },
    handler: async (req) => confirmTotp(store, authOf(req).actor, userOf(req).id, req.body.code),
  });

  app.post('/auth/totp/disable', {
    schema: { tags, summary: 'Turn two-factor sign-in off (password and a code required); ends other sessions', body: passwordProofSchema, response: { 204: noContent, ...errorResponses(400, 401, 403) } },
    handler: async (req, reply) => {
      const user = userOf(req);
      await authenticator.guarded(user.username, clientKeyOf(req), async () => {
        await disableTotp(store, authOf(req).actor, user.id, req.body, authOf(req).sessionToken ?? undefined);
        return true;
      });
      return reply.code(204).send(null);
    },
  });

  app.post('/auth/recovery-codes', {
    schema: { tags, summary: 'Replace all recovery codes with ten new ones (password required)', body: z.object({ password: z.string().min(1).max(1024) }), response: { 200: z.object({ recoveryCodes: z.array(z.string()) }), ...errorResponses(400, 401, 403) } },
    handler: async (req) => {
      const user = userOf(req);
      return authenticator.guarded(user.username, clientKeyOf(req), () => regenerateRecoveryCodes(store, user.id, req.body.password));
    },
  });

  app.post('/auth/password', {
    schema: { tags, summary: 'Change the password; ends the account’s other sessions and revokes its API tokens (wrong current passwords are throttled like sign-in)', body: passwordChangeSchema, response: { 204: noContent, ...errorResponses(400, 401, 403) } },
    handler: async (req, reply) => {
      const user = userOf(req);
      // A weak new password is the user's typo, not a guess: refused before the attempt is counted.
      checkPasswordPolicy(req.body.newPassword, user.username);
      await authenticator.guarded(user.username, clientKeyOf(req), async () => {
        await changePassword(store, authOf(req).actor, user.id, req.body.currentPassword, req.body.newPassword, authOf(req).sessionToken ?? undefined);
        return true;
      });
      return reply.code(204).send(null);
    },
  });
};
