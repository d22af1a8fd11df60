import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { resolveConfig } from '../app/config.ts';
import type { Tumen } from '../app/tumen.ts';
import { createTestDatabase, tempDir } from '../test/databases.ts';
import { openTestTumen } from '../test/keys.ts';
import { buildServer, type ServerOptions } from './app.ts';
import { seedTestUsers, signIn, type SignedInClient, type TestUsers } from './test-accounts.ts';
import type { Role } from '../domain/actor.ts';

export interface TestServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  tumen: Tumen;
  app: FastifyInstance;
  /** With `users: true`: one account per role (see test-accounts.ts). */
  users: TestUsers | null;
  /** Signs in as the seeded account of `role` (needs `users: true`). */
  as(role: Role): Promise<SignedInClient>;
  /** Stops the server, closes the store and removes the data folder (and the PostgreSQL database). */
  close(): Promise<void>;
}

export interface TestServerOptions extends ServerOptions {
  /** 'postgres' needs TUMEN_TEST_PG_URL; a throwaway database is created and dropped. */
  dialect?: 'sqlite' | 'postgres';
  /** Seed an admin, an analyst and a viewer: the server then requires sign-in (no local mode). */
  users?: boolean;
}

/** A real server on 127.0.0.1 with a random port, over a fresh store in a temp folder. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const { dialect = 'sqlite', users: withUsers = false, ...serverOpts } = opts;
  const data = tempDir('tumen-server-');
  const pg = dialect === 'postgres' ? await createTestDatabase('postgres') : null;
  const env: NodeJS.ProcessEnv = { ...process.env, TUMEN_DATABASE_URL: pg?.location ?? '' };
  // A test vault (cheap KDF, test passphrase): the server runs on encrypted data as in production.
  const tumen = await openTestTumen(resolveConfig({ data, env }));
  const users = withUsers ? await seedTestUsers(tumen) : null;
  const app = await buildServer(tumen, serverOpts);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    tumen,
    app,
    users,
    as: async (role) => {
      if (!users) throw new Error('startTestServer({ users: true }) seeds the accounts');
      return signIn({ url }, users[role].username, users[role].password);
    },
    close: async () => {
      const closing = app.close();
      // Tests do not wait out keep-alive: sockets fetch opened but never used would hold close() for 72 s.
      app.server.closeAllConnections();
      await closing;
      await tumen.close();
      await pg?.drop();
      rmSync(data, { recursive: true, force: true });
    },
  };
}

/** The folder shared between worktrees (seed documents…): `<repo>/../shared`. */
export const SHARED_DIR = fileURLToPath(new URL('../../shared/', import.meta.url));

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** One JSON request: a body given is sent as JSON; the answer is parsed when it is JSON. */
export async function api<T = any>(
  server: { url: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResponse<T>> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json') && text !== '';
  return { status: res.status, headers: res.headers, body: (isJson ? JSON.parse(text) : text) as T };
}

/** Uploads bytes as a file to POST /api/imports. */
export async function upload(server: { url: string }, name: string, bytes: Uint8Array): Promise<ApiResponse> {
  const res = await fetch(`${server.url}/api/imports`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}
