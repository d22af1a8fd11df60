import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../../../domain/errors.ts';
import { POLICIES } from '../../../domain/policies/index.ts';
import { csrfTokenFor, safeEqual } from '../../../app/auth/secrets.ts';
import { identify, type IdentityContext } from '../actor.ts';
import { policyFor } from '../route-policies.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before every /api request: who is calling (actor.ts), then the route's entry policy
 * (route-policies.ts). Unsigned callers get 401 on everything but the public routes, unknown
 * routes included, so the API's shape cannot be probed without an account.
 */
export function registerAuthGate(app: FastifyInstance, ctx: IdentityContext): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    const path = req.url.split('?')[0] ?? '';
    if (path !== '/api' && !path.startsWith('/api/')) return;
    const policy = policyFor(req.method, req.routeOptions.url);
    const auth = await identify(req, ctx);
    req.auth = auth;
    if (policy?.kind === 'public') return;
    if (!auth) throw new UnauthenticatedError();
    if (auth.via === 'session' && !SAFE_METHODS.has(req.method)) requireCsrfToken(req, auth.sessionToken ?? '');
    if (!policy) {
      // No such API route (or the web app's catch-all, which refuses /api paths): the 404 handler answers.
      if (req.is404 || !req.routeOptions.url?.startsWith('/api')) return;
      throw new ForbiddenError('This route has no access policy.', 'no_policy');
    }
    if (auth.mustEnrollTotp && !(policy.kind === 'signedIn' && policy.duringTotpEnrollment)) {
      throw new ForbiddenError('Set up two-factor sign-in first.', 'totp_enrollment_required');
    }
    if (policy.kind === 'ability' && !POLICIES.mayAttempt(auth.actor, policy.action, policy.subject)) throw new ForbiddenError();
  });
}

/**
 * Synchroniser token: a cookie rides along with any cross-site request, the header does not,
 * and only our own pages can read the token (from the login answer or /api/auth/me). Bearer
 * tokens are exempt: a browser never attaches them on its own.
 */
function requireCsrfToken(req: FastifyRequest, sessionToken: string): void {
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenFor(sessionToken))) {
    throw new ForbiddenError('Missing or wrong X-CSRF-Token header: reload the page.', 'csrf_failed');
  }
}
