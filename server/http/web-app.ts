import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

/** Built by `npm run build:web` (Vite) from web/. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * The app runs only code from this origin and may not be framed: sources are untrusted text, and
 * a script that slipped into one must find nothing to load and nowhere to send what it reads.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the web app at `/`: hashed assets with long caching, and index.html for every other GET
 * path, so deep links (/records/…) work. Paths under /api never fall back to the app: an unknown
 * API route stays a JSON 404.
 */
export const webAppRoutes: FastifyPluginAsync<{ distDir?: string }> = async (app, opts) => {
  const dist = opts.distDir ?? WEB_DIST;
  if (!existsSync(join(dist, 'index.html'))) {
    app.log.warn('web app not built (run `npm run build:web`); serving the API only');
    app.get('/', async (_req, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. Run `npm run build:web`, then restart `tumen serve`.\n'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: join(dist, 'assets'),
    prefix: '/assets/',
    index: false,
    preCompressed: true,
    immutable: true,
    maxAge: '365d',
    setHeaders: (res) => void res.setHeader('X-Content-Type-Options', 'nosniff'),
  });
  const sendIndex = (reply: FastifyReply) =>
    reply
      .header('Content-Security-Policy', CSP)
      .header('X-Content-Type-Options', 'nosniff')
      .header('X-Frame-Options', 'DENY')
      .header('Referrer-Policy', 'no-referrer')
      .header('Cache-Control', 'no-cache')
      .sendFile('index.html', dist, { maxAge: 0, immutable: false });
  app.get('/', { schema: { hide: true } }, async (_req, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    return sendIndex(reply);
  });
};
