import { createClient } from '@domain/client.ts';

/** The one client of the app: same origin, so `tumen serve` and the dev proxy both work. */
export const api = createClient();
export { ApiError, allPages } from '@domain/client.ts';
