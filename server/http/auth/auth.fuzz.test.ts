import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { Authenticator } from '../../../app/auth/authenticator.ts';
import { LoginThrottle } from '../../../app/auth/login-throttle.ts';
import { startTestServer, type TestServer } from '../../test-server.ts';
import { TEST_PASSWORD } from '../../test-accounts.ts';

const printable = fc.string({ unit: 'grapheme-ascii', maxLength: 60 });
const anything = fc.oneof(printable, fc.string({ maxLength: 80 }), fc.constantFrom('', 'Bearer ', 'Bearer tmn_', '__Host-tumen-session=', '{"username":', 'null', '[]'));
const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ username: anything, password: anything, totp: fc.option(anything, { nil: undefined }), recoveryCode: fc.option(anything, { nil: undefined }) }, { requiredKeys: [] }),
);
/** Header values fetch can send: visible ASCII and spaces. */
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 120 });

describe('sign-in, session and token endpoints under random input', () => {
  let s: TestServer;
  before(async () => {
    // Generous throttles: the fuzzer must reach the handlers, not the lockout.
    s = await startTestServer({ users: true });
  });
  after(async () => s.close());

  test('random bodies, headers, cookies and tokens: never a 5xx, never a session without the password', async () => {
    const paths = ['/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/auth/tokens', '/api/auth/totp/enroll', '/api/auth/totp/confirm', '/api/sources'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.constantFrom('GET', 'POST', 'DELETE'),
        jsonish,
        fc.option(headerValue, { nil: undefined }),
        fc.option(headerValue, { nil: undefined }),
        fc.option(headerValue, { nil: undefined }),
        async (path, method, body, authorization, cookie, csrf) => {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (authorization !== undefined) headers.authorization = authorization;
          if (cookie !== undefined) headers.cookie = cookie;
          if (csrf !== undefined) headers['x-csrf-token'] = csrf;
          const r = await fetch(`${s.url}${path}`, { method, headers, body: method === 'GET' ? undefined : JSON.stringify(body) });
          const text = await r.text();
          assert.ok(r.status < 500, `${method} ${path} → ${r.status} ${text}`);
          if (r.status < 300 && path !== '/api/auth/login') assert.fail(`${method} ${path} succeeded without credentials: ${r.status}`);
          if (path === '/api/auth/login' && r.status === 200) assert.equal((body as { password?: unknown }).password, TEST_PASSWORD);
        },
      ),
      { numRuns: 300 },
    );
    assert.equal((await fetch(`${s.url}/api/health`)).status, 200, 'still alive');
  });
});

describe('sign-in throttling', () => {
  test('an account is locked with growing back-off after repeated failures, even for the right password', async () => {
    let now = Date.now();
    const clock = () => now;
    const throttles = { account: new LoginThrottle({ freeFailures: 3, now: clock }), client: new LoginThrottle({ freeFailures: 100, now: clock }) };
    const s = await startTestServer({ users: true, authenticator: undefined });
    try {
      const auth = new Authenticator(s.tumen.store, throttles, undefined, clock);
      const attempt = (password: string) => auth.login({ username: 'test-viewer', password }, 'client-a').then(() => 'ok', (e: { id: string }) => e.id);
      for (let i = 0; i < 3; i++) assert.equal(await attempt('wrong password here'), 'invalid_credentials');
      assert.equal(await attempt(TEST_PASSWORD), 'too_many_attempts', 'the 3rd counted attempt locked it: not even the right password');
      now += 1_100;
      assert.equal(await attempt('wrong password again'), 'invalid_credentials');
      now += 1_100;
      assert.equal(await attempt(TEST_PASSWORD), 'too_many_attempts', 'the second lock lasts twice as long');
      now += 1_000;
      assert.equal(await attempt(TEST_PASSWORD), 'ok');
      assert.equal(await attempt(TEST_PASSWORD), 'ok', 'success clears the account');
    } finally {
      await s.close();
    }
  });

  test('a client is throttled across usernames, and the HTTP answer is 429 with Retry-After', async () => {
    const s = await startTestServer({ users: true });
    try {
      let last: Response | null = null;
      for (let i = 0; i < 22; i++) {
        last = await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `nobody-${i}`, password: 'wrong password here' }) });
      }
      assert.equal(last!.status, 429);
      assert.ok(Number(last!.headers.get('retry-after')) >= 1);
      assert.equal(((await last!.json()) as { error: { id: string } }).error.id, 'too_many_attempts');
    } finally {
      await s.close();
    }
  });
});
