import type { FastifyInstance } from 'fastify';
import { policyFor } from './http/route-policies.ts';

export interface RouteEntry {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered (onRoute), for the authorization matrix test and the startup check. */
    routeTable: RouteEntry[];
  }
}

/** Call before any route is registered: fills `app.routeTable` as routes arrive. */
export function collectRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) table.push({ method, url: route.url });
  });
}

/** API routes with no entry in route-policies.ts: they answer 403 no_policy until they get one. */
export function routesWithoutPolicy(table: readonly RouteEntry[]): RouteEntry[] {
  return table.filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD' && !policyFor(r.method, r.url));
}
