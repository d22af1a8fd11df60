import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RECORD_KINDS } from '../../../domain/records.ts';
import { api, startTestServer, type TestServer } from '../../test-server.ts';
import { KIND_PATHS } from '../records/record-kinds.ts';
import { toHttpError } from '../errors.ts';

const ROUTES: Array<[string, string]> = [
  ['get', '/api/health'],
  ['get', '/api/openapi.json'],
  ['get', '/api/sources'],
  ['post', '/api/sources'],
  ['get', '/api/sources/{id}'],
  ['patch', '/api/sources/{id}'],
  ['delete', '/api/sources/{id}'],
  ['get', '/api/sources/{id}/citations'],
  ['get', '/api/sources/{id}/records'],
  ['get', '/api/sources/{id}/evidence'],
  ['post', '/api/imports'],
  ['get', '/api/evidence/{id}'],
  ['get', '/api/evidence/{id}/content'],
  ['get', '/api/records'],
  ['post', '/api/records'],
  ['get', '/api/records/{id}'],
  ['patch', '/api/records/{id}'],
  ['delete', '/api/records/{id}'],
  ['post', '/api/records/{id}/citations'],
  ['delete', '/api/records/{id}/citations/{citationId}'],
  ...RECORD_KINDS.flatMap((k): Array<[string, string]> => [
    ['get', `/api/${KIND_PATHS[k]}`],
    ['post', `/api/${KIND_PATHS[k]}`],
  ]),
  ['get', '/api/export'],
  ['get', '/api/audit'],
  ['get', '/api/candidates'],
  ['post', '/api/candidates/{id}/confirm'],
  ['post', '/api/candidates/{id}/reject'],
  ['post', '/api/candidates/merge'],
  ['post', '/api/candidates/batch'],
  ['get', '/api/figures/metrics'],
  ['get', '/api/figures/series'],
  ['post', '/api/figures/{id}/pin'],
  ['post', '/api/auth/login'],
  ['post', '/api/auth/logout'],
  ['get', '/api/auth/me'],
  ['post', '/api/auth/totp/enroll'],
  ['post', '/api/auth/totp/confirm'],
  ['post', '/api/auth/totp/disable'],
  ['post', '/api/auth/recovery-codes'],
  ['post', '/api/auth/password'],
  ['get', '/api/auth/tokens'],
  ['post', '/api/auth/tokens'],
  ['delete', '/api/auth/tokens/{id}'],
  ['get', '/api/users'],
  ['post', '/api/users'],
  ['patch', '/api/users/{id}'],
  ['get', '/api/settings/security'],
  ['patch', '/api/settings/security'],
  ['get', '/api/compartments'],
  ['post', '/api/compartments'],
  ['get', '/api/search'],
  ['get', '/api/intake/submissions'],
  ['get', '/api/intake/submissions/{id}'],
  ['get', '/api/intake/objects/{id}/content'],
  ['post', '/api/intake/submissions/{id}/replies'],
  ['post', '/api/intake/submissions/{id}/import'],
  ['get', '/api/case-register'],
  ['get', '/api/cases/{id}/dossier'],
  ['post', '/api/cases/{id}/appeal'],
  ['get', '/api/public-export'],
];

describe('health, OpenAPI and errors', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(async () => s.close());

  test('GET /api/health says ok, the version and the database', async () => {
    const r = await api(s, 'GET', '/api/health');
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.body).sort(), ['database', 'status', 'version']);
    assert.equal(r.body.status, 'ok');
    assert.match(r.body.version, /^\d+\.\d+\.\d+/);
    assert.equal(r.body.database, 'sqlite');
  });

  test('the OpenAPI document lists every route, and no others', async () => {
    const r = await api(s, 'GET', '/api/openapi.json');
    assert.equal(r.status, 200);
    assert.match(r.body.openapi, /^3\.1/);
    const listed = Object.entries(r.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    assert.deepEqual(listed.sort(), ROUTES.map(([m, p]) => `${m} ${p}`).sort());
    // Request bodies come from the zod schemas, per kind.
    const createRecord = r.body.paths['/api/records'].post.requestBody.content['application/json'].schema;
    assert.equal(createRecord.oneOf?.length ?? createRecord.anyOf?.length, RECORD_KINDS.length);
    assert.ok(r.body.paths['/api/sources/{id}'].get.responses['404']);
  });

  test('an unknown route is a 404 route_not_found in the common error shape', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing'],
      ['DELETE', '/api/sources'],
      ['POST', '/api/sources/x/y'],
      ['PUT', '/nothing'],
    ]) {
      const r = await api(s, method as string, path as string);
      assert.equal(r.status, 404);
      assert.equal(r.body.error.id, 'route_not_found');
    }
  });

  test('JSON routes refuse other media types (415) and oversize bodies (413)', async () => {
    const xml = await fetch(`${s.url}/api/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<a/>',
    });
    assert.equal(xml.status, 415);
    assert.equal(((await xml.json()) as { error: { id: string } }).error.id, 'unsupported_media_type');
    const small = await startTestServer({ jsonLimit: 1024 });
    try {
      const big = await api(small, 'POST', '/api/sources', { title: 'big', text: 'x'.repeat(4096) });
      assert.equal(big.status, 413);
      assert.equal(big.body.error.id, 'payload_too_large');
    } finally {
      await small.close();
    }
  });

  test('unexpected errors become a generic 500 that leaks nothing', () => {
    const r = toHttpError(new Error('connect ECONNREFUSED postgres://admin:hunter2@db/tumen'));
    assert.equal(r.status, 500);
    assert.equal(r.body.error.id, 'internal_error');
    assert.doesNotMatch(r.body.error.message, /hunter2|postgres|ECONN/);
  });
});
