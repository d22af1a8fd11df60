import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { currentTotp } from '../../../app/auth/totp.ts';
import { api, startTestServer, type TestServer } from '../../test-server.ts';
import { signIn, TEST_PASSWORD } from '../../test-accounts.ts';

describe('accounts and sessions', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ users: true });
  });
  after(async () => s.close());

  test('without a session every API route but health and login is a 401, unknown routes included', async () => {
    for (const [method, path] of [['GET', '/api/sources'], ['GET', '/api/auth/me'], ['GET', '/api/openapi.json'], ['GET', '/api/nothing'], ['POST', '/api/records']] as const) {
      const r = await api(s, method, path, method === 'POST' ? {} : undefined);
      assert.equal(r.status, 401, `${method} ${path}`);
      assert.equal(r.body.error.id, 'unauthenticated');
    }
    assert.equal((await api(s, 'GET', '/api/health')).status, 200);
  });

  test('a wrong password and an unknown user get the same answer', async () => {
    const wrong = await api(s, 'POST', '/api/auth/login', { username: 'test-viewer', password: 'not the password at all' });
    const unknown = await api(s, 'POST', '/api/auth/login', { username: 'nobody-here', password: 'not the password at all' });
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, unknown.body);
  });

  test('login sets an HttpOnly, Secure, SameSite=Strict host cookie and returns the CSRF token', async () => {
    const r = await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'TEST-Analyst', password: TEST_PASSWORD }) });
    assert.equal(r.status, 200);
    const cookie = r.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^__Host-tumen-session=[\w-]{43};/);
    for (const flag of [/HttpOnly/i, /Secure/i, /SameSite=Strict/i, /Path=\//]) assert.match(cookie, flag);
    const body = (await r.json()) as { user: { username: string; role: string }; csrfToken: string };
    assert.equal(body.user.username, 'test-analyst');
    assert.match(body.csrfToken, /^[\w-]{43}$/);
  });

  test('writes with a session need the CSRF header; logout ends the session on the server', async () => {
    const c = await s.as('analyst');
    const input = { title: 'CSRF probe', text: `text ${Date.now()}` };
    const forged = await c.request('POST', '/api/sources', input, { 'x-csrf-token': 'guess' });
    assert.equal(forged.status, 403);
    assert.equal(forged.body.error.id, 'csrf_failed');
    const created = await c.request('POST', '/api/sources', input);
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.abilities, { read: true, update: true, delete: true, confirm: false, readProtected: false });
    assert.deepEqual(created.body.compartments, ['default']);
    assert.equal((await c.request('POST', '/api/auth/logout')).status, 204);
    assert.equal((await c.request('GET', '/api/auth/me')).status, 401);
  });

  test('API tokens: shown once, capped at their role, exempt from CSRF, revocable', async () => {
    const c = await s.as('analyst');
    const tooHigh = await c.request('POST', '/api/auth/tokens', { label: 'x', role: 'admin' });
    assert.equal(tooHigh.status, 403);
    const made = await c.request('POST', '/api/auth/tokens', { label: 'script', role: 'viewer' });
    assert.equal(made.status, 201);
    const bearer = { authorization: `Bearer ${made.body.token}` };
    const list = await fetch(`${s.url}/api/sources`, { headers: bearer });
    assert.equal(list.status, 200);
    const write = await fetch(`${s.url}/api/sources`, { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify({ title: 't', text: 'by token' }) });
    assert.equal(write.status, 403, 'a viewer token may not write even though its user may');
    const listed = await c.request('GET', '/api/auth/tokens');
    assert.ok(listed.body.items.some((t: { id: string }) => t.id === made.body.info.id));
    assert.ok(!JSON.stringify(listed.body).includes(made.body.token), 'the secret is never listed');
    assert.equal((await c.request('DELETE', `/api/auth/tokens/${made.body.info.id}`)).status, 204);
    assert.equal((await fetch(`${s.url}/api/sources`, { headers: bearer })).status, 401);
    assert.equal((await fetch(`${s.url}/api/sources`, { headers: { authorization: 'Bearer tmn_forged' } })).status, 401);
  });

  test('TOTP: enrol, confirm, then each recovery code works once and a TOTP code cannot be replayed', async () => {
    const c = await s.as('admin');
    const enrolled = await c.request('POST', '/api/auth/totp/enroll');
    assert.equal(enrolled.status, 200);
    assert.match(enrolled.body.uri, /^otpauth:\/\/totp\//);
    const secret: string = enrolled.body.secret;
    const confirmed = await c.request('POST', '/api/auth/totp/confirm', { code: currentTotp(secret) });
    assert.equal(confirmed.status, 200);
    const codes: string[] = confirmed.body.recoveryCodes;
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);

    const login = (extra: Record<string, string>) => api(s, 'POST', '/api/auth/login', { username: 'test-admin', password: TEST_PASSWORD, ...extra });
    assert.equal((await login({})).body.error.id, 'totp_required');
    for (const code of codes.slice(0, 3)) {
      assert.equal((await login({ recoveryCode: code.toUpperCase() })).status, 200, 'a fresh code works, in any case');
      const again = await login({ recoveryCode: code });
      assert.equal(again.status, 401, 'the same code a second time does not');
      assert.equal(again.body.error.id, 'invalid_credentials', 'one answer for any wrong factor');
    }
    const next = currentTotp(secret, Date.now() + 30_000);
    assert.equal((await login({ totp: next })).status, 200);
    assert.equal((await login({ totp: next })).status, 401, 'a TOTP code is accepted once');
    const disable = await c.request('POST', '/api/auth/totp/disable', { password: TEST_PASSWORD, recoveryCode: codes[5]! });
    assert.equal(disable.status, 204);
    assert.equal((await login({})).status, 200);
  });

  test('when an admin requires 2FA, an account without it can only enrol', async () => {
    const admin = await s.as('admin');
    const lockout = await admin.request('PATCH', '/api/settings/security', { requireTotp: true });
    assert.equal(lockout.status, 400, 'an admin without 2FA cannot require it');
    await s.tumen.store.accounts.settings.setSecurity({ id: 'test', label: 'test' }, { requireTotp: true });
    try {
      const viewer = await s.as('viewer');
      const me = await viewer.request('GET', '/api/auth/me');
      assert.equal(me.body.mustEnrollTotp, true);
      const blocked = await viewer.request('GET', '/api/sources');
      assert.equal(blocked.status, 403);
      assert.equal(blocked.body.error.id, 'totp_enrollment_required');
      assert.equal((await viewer.request('POST', '/api/auth/totp/enroll')).status, 200);
    } finally {
      await s.tumen.store.accounts.settings.setSecurity({ id: 'test', label: 'test' }, { requireTotp: false });
    }
  });

  test('admins create and disable accounts; disabling ends sessions at once; weak passwords are refused', async () => {
    const admin = await s.as('admin');
    const weak = await admin.request('POST', '/api/users', { username: 'weak-one', role: 'viewer', password: 'password1234' });
    assert.equal(weak.status, 400);
    const made = await admin.request('POST', '/api/users', { username: 'new-analyst', role: 'analyst', grants: { default: 'read' } });
    assert.equal(made.status, 201);
    assert.match(made.body.oneTimePassword, /^[\w-]{20}$/);
    const c = await signIn(s, 'new-analyst', made.body.oneTimePassword);
    assert.equal((await c.request('GET', '/api/sources')).status, 200);
    assert.equal((await admin.request('PATCH', `/api/users/${made.body.user.id}`, { disabled: true })).status, 200);
    assert.equal((await c.request('GET', '/api/sources')).status, 401);
    const users = await admin.request('GET', '/api/users');
    assert.ok(!JSON.stringify(users.body).includes('argon2'), 'no hash ever leaves the server');
  });
});

describe('sessions expire', () => {
  test('an idle session is signed out', async () => {
    const s = await startTestServer({ users: true, sessions: { idleTimeoutMs: 100, absoluteTimeoutMs: 60_000 } });
    try {
      const c = await s.as('viewer');
      assert.equal((await c.request('GET', '/api/auth/me')).status, 200);
      await new Promise((r) => setTimeout(r, 250));
      assert.equal((await c.request('GET', '/api/auth/me')).status, 401);
    } finally {
      await s.close();
    }
  });
});

describe('local mode (no accounts yet)', () => {
  test('the local operator needs no sign-in', async () => {
    const s = await startTestServer();
    try {
      assert.equal((await api(s, 'GET', '/api/sources')).status, 200);
      const me = await api(s, 'GET', '/api/auth/me');
      assert.equal(me.body.user.username, 'local');
      assert.equal((await api(s, 'POST', '/api/auth/tokens', { role: 'viewer' })).body.error.id, 'no_account');
    } finally {
      await s.close();
    }
  });
});
