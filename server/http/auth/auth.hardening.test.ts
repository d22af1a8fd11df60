import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashPassword } from '../../../crypto/kdf.ts';
import { defaultThrottles } from '../../../app/auth/authenticator.ts';
import { currentTotp } from '../../../app/auth/totp.ts';
import { checkPasswordPolicy } from '../../../app/auth/password-policy.ts';
import { api, startTestServer, type TestServer } from '../../test-server.ts';
import { TEST_PASSWORD } from '../../test-accounts.ts';

/**
 * The documented limits with the clock stopped: 60 requests take seconds to arrive on a busy
 * machine, and a guess made after the 1 s back-off is allowed by design. Frozen, any 401 past
 * the limit can only be a parallel guess slipping through.
 */
const frozen = () => defaultThrottles(() => 1_000_000);

const login = (s: TestServer, body: Record<string, string>) => api(s, 'POST', '/api/auth/login', body);

/** Status counts of parallel requests, e.g. { 401: 5, 429: 55 }. */
async function statuses(requests: Array<Promise<{ status: number }>>): Promise<Record<number, number>> {
  const out: Record<number, number> = {};
  for (const r of await Promise.all(requests)) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

describe('throttling counts each attempt before hashing: parallel guesses cannot pass the limit', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ users: true, throttles: frozen() });
  });
  after(async () => s.close());

  test('60 parallel wrong passwords for one account: 5 × 401, 55 × 429', async () => {
    const got = await statuses(Array.from({ length: 60 }, (_, i) => login(s, { username: 'test-viewer', password: `wrong guess number ${i}` })));
    assert.deepEqual(got, { 401: 5, 429: 55 });
    const right = await login(s, { username: 'test-viewer', password: TEST_PASSWORD });
    assert.equal(right.status, 429, 'locked: the right password waits too');
    assert.ok(Number(right.headers.get('retry-after')) >= 1);
  });
});

describe('per-client limit and password change under parallel guessing', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ users: true, throttles: frozen() });
  });
  after(async () => s.close());

  test('25 parallel wrong current passwords on POST /api/auth/password: at most 5 × 401, the rest 429', async () => {
    const analyst = await s.as('analyst');
    const got = await statuses(Array.from({ length: 25 }, (_, i) => analyst.request('POST', '/api/auth/password', { currentPassword: `not it ${i} at all`, newPassword: 'a new long passphrase 42' })));
    assert.deepEqual(got, { 401: 5, 429: 20 });
  });

  test('60 parallel sign-ins for 60 usernames from one client: 20 × 401 (minus the 5 above), the rest 429', async () => {
    const got = await statuses(Array.from({ length: 60 }, (_, i) => login(s, { username: `nobody-${i}`, password: 'wrong password here' })));
    // The client used 5 of its 20 attempts in the previous test.
    assert.deepEqual(got, { 401: 15, 429: 45 });
  });
});

describe('second factor: throttled, and the password is never confirmed on its own', () => {
  let s: TestServer;
  let secret = '';
  before(async () => {
    s = await startTestServer({ users: true, throttles: frozen() });
    const admin = await s.as('admin');
    secret = (await admin.request('POST', '/api/auth/totp/enroll')).body.secret;
    assert.equal((await admin.request('POST', '/api/auth/totp/confirm', { code: currentTotp(secret) })).status, 200);
  });
  after(async () => s.close());

  test('without a code the answer is the same for the right and a wrong password; with one, any wrong factor gets one answer', async () => {
    const noCodeRight = await login(s, { username: 'test-admin', password: TEST_PASSWORD });
    const noCodeWrong = await login(s, { username: 'test-admin', password: 'certainly not the password' });
    assert.equal(noCodeRight.status, 401);
    assert.deepEqual(noCodeRight.body, noCodeWrong.body);
    assert.equal(noCodeRight.body.error.id, 'totp_required');
    const wrongCode = await login(s, { username: 'test-admin', password: TEST_PASSWORD, totp: '000000' === currentTotp(secret) ? '111111' : '000000' });
    const wrongPassword = await login(s, { username: 'test-admin', password: 'certainly not the password', totp: currentTotp(secret, Date.now() + 30_000) });
    assert.equal(wrongCode.status, 401);
    assert.deepEqual(wrongCode.body, wrongPassword.body);
    assert.equal(wrongCode.body.error.id, 'invalid_credentials');
  });

  test('60 parallel wrong TOTP codes with the right password: no more than the account limit are checked', async () => {
    const got = await statuses(Array.from({ length: 60 }, (_, i) => login(s, { username: 'test-admin', password: TEST_PASSWORD, totp: String(100000 + i * 7919).slice(0, 6) })));
    // Four attempts were used by the previous test; one remains.
    assert.equal((got[401] ?? 0) + (got[200] ?? 0), 1, JSON.stringify(got));
    assert.equal(got[429], 59);
  });
});

describe('a password change or a disabled account ends every other way in', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ users: true });
  });
  after(async () => s.close());

  const bearerStatus = async (token: string) => (await fetch(`${s.url}/api/sources`, { headers: { authorization: `Bearer ${token}` } })).status;

  test('changing the password revokes the API tokens and the other sessions, and keeps this one', async () => {
    const here = await s.as('analyst');
    const elsewhere = await s.as('analyst');
    const token = (await here.request('POST', '/api/auth/tokens', { label: 'script', role: 'viewer' })).body.token as string;
    assert.equal(await bearerStatus(token), 200);
    const changed = await here.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase 93' });
    assert.equal(changed.status, 204, JSON.stringify(changed.body));
    assert.equal(await bearerStatus(token), 401, 'the token died with the old password');
    assert.equal((await elsewhere.request('GET', '/api/auth/me')).status, 401);
    assert.equal((await here.request('GET', '/api/auth/me')).status, 200);
    const listed = await here.request('GET', '/api/auth/tokens');
    assert.ok(listed.body.items.every((t: { revokedAt: string | null }) => t.revokedAt !== null));
  });

  test('disabling an account revokes its tokens for good: enabling it again does not bring them back', async () => {
    const viewer = await s.as('viewer');
    const token = (await viewer.request('POST', '/api/auth/tokens', { label: 'script', role: 'viewer' })).body.token as string;
    assert.equal(await bearerStatus(token), 200);
    const admin = await s.as('admin');
    const id = s.users!.viewer.id;
    assert.equal((await admin.request('PATCH', `/api/users/${id}`, { disabled: true })).status, 200);
    assert.equal(await bearerStatus(token), 401);
    assert.equal((await admin.request('PATCH', `/api/users/${id}`, { disabled: false })).status, 200);
    assert.equal(await bearerStatus(token), 401);
  });
});

describe('passwords are NFKC-normalised', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ users: true });
  });
  after(async () => s.close());

  test('full-width PASSWORD1234 is the common password it looks like', () => {
    assert.throws(() => checkPasswordPolicy('ＰＡＳＳＷＯＲＤ１２３４', 'someone'), /most common/);
    assert.throws(() => checkPasswordPolicy('ｐａｓｓｗｏｒｄｐａｓｓｗｏｒｄ', 'someone'), /most common|repetitive/);
  });

  test('a hash made before normalisation still signs in, is rehashed, and then the NFKC form works too', async () => {
    const raw = 'Ｗｉｔｎｅｓｓ river crossing 2019';
    const { users } = s.tumen.store.accounts;
    await users.update(s.users!.analyst.id, { passwordHash: await hashPassword(raw) });
    const before = (await users.credentials('test-analyst'))!.passwordHash;
    assert.equal((await login(s, { username: 'test-analyst', password: raw })).status, 200);
    const after = (await users.credentials('test-analyst'))!.passwordHash;
    assert.notEqual(after, before, 'rehashed under the normalised form');
    assert.equal((await login(s, { username: 'test-analyst', password: raw.normalize('NFKC') })).status, 200);
    assert.equal((await login(s, { username: 'test-analyst', password: raw })).status, 200);
  });
});
