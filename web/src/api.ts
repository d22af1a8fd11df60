import { createClient } from '@domain/client.ts';

/** Fired when the server answers 401: the session ended or never began. */
export const authEvents = new EventTarget();

/** The one client of the app: same origin, so `tumen serve` and the dev proxy both work. */
export const api = createClient({ onUnauthenticated: () => authEvents.dispatchEvent(new Event('unauthenticated')) });
export { ApiError, allPages } from '@domain/client.ts';
