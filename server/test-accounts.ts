import type { Role } from '../domain/actor.ts';
import { createUser } from '../app/auth/account-admin.ts';
import type { Tumen } from '../app/tumen.ts';
import { SYSTEM_ACTOR } from '../domain/actor.ts';

/** One seeded account per role, with a known password, for tests that need to sign in. */
export interface TestUser {
  id: string;
  username: string;
  password: string;
  role: Role;
}
export type TestUsers = Record<Role, TestUser>;

export const TEST_PASSWORD = 'correct horse battery staple 7';

/** admin and analyst may write the default compartment, the viewer may read it. */
export async function seedTestUsers(tumen: Tumen): Promise<TestUsers> {
  const out = {} as TestUsers;
  for (const role of ['admin', 'analyst', 'viewer'] as const) {
    const { user } = await createUser(tumen.store, SYSTEM_ACTOR, {
      username: `test-${role}`,
      role,
      password: TEST_PASSWORD,
      grants: { default: role === 'viewer' ? 'read' : 'write' },
    });
    out[role] = { id: user.id, username: user.username, password: TEST_PASSWORD, role };
  }
  return out;
}

/** A signed-in browser, minus the browser: it sends the session cookie and, on writes, the CSRF token. */
export interface SignedInClient {
  cookie: string;
  csrfToken: string;
  request<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: T }>;
}

export async function signIn(server: { url: string }, username: string, password: string, extra: { totp?: string; recoveryCode?: string } = {}): Promise<SignedInClient> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, ...extra }),
  });
  const body = (await res.json()) as { csrfToken?: string; error?: { id: string } };
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${body.error?.id}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrfToken = body.csrfToken!;
  return {
    cookie,
    csrfToken,
    async request(method, path, payload, headers = {}) {
      const r = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          cookie,
          ...(['GET', 'HEAD'].includes(method) ? {} : { 'x-csrf-token': csrfToken }),
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const text = await r.text();
      const isJson = (r.headers.get('content-type') ?? '').includes('json') && text !== '';
      return { status: r.status, headers: r.headers, body: isJson ? JSON.parse(text) : text };
    },
  };
}
