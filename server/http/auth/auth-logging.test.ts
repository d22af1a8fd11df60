import assert from 'node:assert/strict';
import { test } from 'node:test';
import { currentTotp } from '../../../app/auth/totp.ts';
import { startTestServer } from '../../test-server.ts';
import { signIn, TEST_PASSWORD } from '../../test-accounts.ts';

/** Captures what the server logs while credentials of every kind pass through it. */
test('logs never contain passwords, tokens, session ids, CSRF tokens, TOTP secrets or codes', async () => {
  const lines: string[] = [];
  const s = await startTestServer({ users: true, logStream: { write: (line) => void lines.push(line) } });
  const secrets: string[] = [TEST_PASSWORD];
  try {
    const c = await s.as('analyst');
    secrets.push(c.cookie.split('=')[1]!, c.csrfToken);
    const token = (await c.request('POST', '/api/auth/tokens', { label: 'ci', role: 'viewer' })).body.token as string;
    secrets.push(token);
    await fetch(`${s.url}/api/sources?q=x`, { headers: { authorization: `Bearer ${token}` } });
    const enrolled = (await c.request('POST', '/api/auth/totp/enroll')).body as { secret: string; uri: string };
    secrets.push(enrolled.secret);
    const code = currentTotp(enrolled.secret);
    secrets.push(code);
    const codes = (await c.request('POST', '/api/auth/totp/confirm', { code })).body.recoveryCodes as string[];
    secrets.push(...codes);
    await signIn(s, 'test-analyst', TEST_PASSWORD, { recoveryCode: codes[0]! });
    await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'test-analyst', password: 'a-wrong-password-123', totp: '123456' }) });
    await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"username":"x","password":"${TEST_PASSWORD}"` });
    await c.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a fresh and long password 42' });
    secrets.push('a fresh and long password 42');
  } finally {
    await s.close();
  }
  const log = lines.join('');
  assert.ok(lines.length > 10, 'the requests were logged');
  assert.match(log, /"url":"\/api\/auth\/login"/);
  for (const secret of secrets) assert.ok(!log.includes(secret), `the log contains a secret (${secret.slice(0, 3)}…)`);
  // Request lines (the listen line names the server's own address, which is fine).
  assert.doesNotMatch(lines.filter((l) => l.includes('reqId')).join(''), /cookie|authorization|x-csrf-token|127\.0\.0\.1/i);
});
