import type { FastifyInstance } from 'fastify';

/**
 * Headers on every /intake response (page, script, API): nothing inline runs, nothing loads from
 * elsewhere, nothing is cached or framed, no referrer leaves, no sensor can be asked for. The
 * script's hash is also pinned by SRI in the page.
 */
export const INTAKE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const INTAKE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': INTAKE_CSP,
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function addIntakeHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.headers(INTAKE_HEADERS);
    return payload;
  });
}
