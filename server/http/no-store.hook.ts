import type { FastifyInstance } from 'fastify';

/**
 * Every /api answer may carry testimony, protected fields or the CSRF token, errors included
 * (a 409 can echo a title): no browser, proxy or back/forward cache may keep a copy. The web
 * app's own static files stay cacheable.
 */
export function registerNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const path = req.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/')) {
      void reply.header('Cache-Control', 'no-store');
      void reply.header('Pragma', 'no-cache');
    }
    return payload;
  });
}
