import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/actor.ts';

/**
 * Who is making this request. The only place the HTTP surface decides identity and rights:
 * the security work replaces these two functions (sessions, roles, compartments) and no route
 * changes. Until then the server binds to loopback only, so the local user is the one caller.
 */
const LOCAL_USER: Actor = { id: 'local', label: 'Local user' };

export function actorOf(_req: FastifyRequest): Actor {
  return LOCAL_USER;
}

/**
 * Whether protected person fields (real name, contact, exact location…) go into a response.
 * For now asking is enough (`?include=protected`); the security work gates it by role.
 */
export function mayIncludeProtected(_actor: Actor, requested: boolean): boolean {
  return requested;
}
