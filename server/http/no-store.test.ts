import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../test-server.ts';

describe('Cache-Control: no-store on every API answer', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ users: true });
  });
  after(async () => s.close());

  test('signed-in reads, the CSRF token, exports, errors and health are never cacheable', async () => {
    const admin = await s.as('admin');
    const paths = ['/api/auth/me', '/api/records', '/api/sources', '/api/search?q=border', '/api/export', '/api/records/00000000-0000-7000-8000-000000000000', '/api/health', '/api/nope'];
    for (const path of paths) {
      const r = await admin.request('GET', path);
      assert.ok(r.status < 500, `${path}: ${r.status}`);
      assert.equal(r.headers.get('cache-control'), 'no-store', `${path} (${r.status})`);
    }
    const anonymous = await fetch(`${s.url}/api/records`);
    await anonymous.arrayBuffer();
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('cache-control'), 'no-store');
    const login = await fetch(`${s.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: s.users!.viewer.username, password: s.users!.viewer.password }),
    });
    await login.arrayBuffer();
    assert.equal(login.status, 200);
    assert.equal(login.headers.get('cache-control'), 'no-store');
  });
});
