import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../domain/actor.ts';
import { POLICIES } from '../../domain/policies/index.ts';
import { api, startTestServer, type TestServer } from '../test-server.ts';
import { signIn, type SignedInClient } from '../test-accounts.ts';
import { routesWithoutPolicy, type RouteEntry } from '../route-table.ts';
import { createContent, idFor, type ContentFixtures } from './authorization-fixtures.ts';
import { policyFor } from './route-policies.ts';

/**
 * Every API route (from the server's own route table) × every role (none, viewer, analyst, admin)
 * × inside / outside the caller's compartments. Expectations come from route-policies.ts and
 * domain/policies: 401 without an account, 403 for role-level refusals (identical in and out),
 * 404 for items outside the caller's compartments, byte-identical to the answer for an unknown id.
 */
const ROLES: Array<Role | 'none'> = ['none', 'viewer', 'analyst', 'admin'];
const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';
const DENIALS = new Set(['unauthenticated', 'forbidden', 'no_policy', 'csrf_failed', 'totp_enrollment_required']);
const HAS_CONTENT_ID = /^\/api\/(sources|records|evidence|candidates|figures)\/:id/;

interface Call {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: Uint8Array;
}

let unique = 0;
function callFor(route: RouteEntry, fx: ContentFixtures, extra: { tokenId: string; userId: string }, id?: string): Call {
  const { method, url } = route;
  const cite = { sourceId: fx.sourceId, start: 0, end: 6, quote: '' };
  unique += 1;
  const path = url
    .replace(':citationId', fx.citationId)
    .replace(':id', id ?? (url.startsWith('/api/auth/tokens') ? extra.tokenId : url.startsWith('/api/users') ? extra.userId : idFor(url, fx)));
  const bodies: Record<string, unknown> = {
    'POST /api/sources': { title: 'matrix', text: `matrix text ${unique} ${Date.now()}` },
    'PATCH /api/sources/:id': { title: 'renamed' },
    'POST /api/records': { kind: 'event', body: { type: 'forced_repatriation' }, citations: [cite] },
    'PATCH /api/records/:id': { body: { title: 'renamed' } },
    'POST /api/records/:id/citations': cite,
    'POST /api/candidates/:id/confirm': {},
    'POST /api/candidates/merge': { from: fx.candidateId, into: fx.otherCandidateId },
    'POST /api/candidates/batch': { ids: [fx.candidateId], action: 'reject' },
    'POST /api/auth/login': {},
    'POST /api/auth/totp/confirm': { code: '000000' },
    'POST /api/auth/totp/disable': { password: 'not the password' },
    'POST /api/auth/recovery-codes': { password: 'not the password' },
    'POST /api/auth/password': { currentPassword: 'not the password', newPassword: 'another long password 1' },
    'POST /api/auth/tokens': { label: 'matrix', role: 'viewer' },
    'POST /api/users': { username: `matrix-${unique}`, role: 'viewer' },
    'PATCH /api/users/:id': { displayName: 'Renamed' },
    'PATCH /api/settings/security': { requireTotp: false },
    'POST /api/compartments': { id: `matrix-${unique}`, label: 'm' },
    'POST /api/cases/:id/appeal': { kind: 'urgent-appeal', format: 'html' },
  };
  const key = `${method} ${url}`;
  if (key === 'POST /api/imports') return { path, raw: new TextEncoder().encode(`imported ${unique} ${Date.now()}`), headers: { 'x-file-name': `m${unique}.txt` } };
  if (key === 'GET /api/figures/series') return { path: `${path}?metric=metric-default` };
  if (key === 'GET /api/export') return { path: `${path}?format=csv` };
  if (key === 'GET /api/public-export') return { path: `${path}?format=geojson&publishable=default` };
  if (method === 'POST' && /^\/api\/[a-z_]+$/.test(url) && !(key in bodies) && !url.startsWith('/api/candidates')) return { path, body: {} };
  return key in bodies ? { path, body: bodies[key] } : { path };
}

async function send(s: TestServer, client: SignedInClient | null, method: string, call: Call) {
  const headers: Record<string, string> = { ...(call.headers ?? {}) };
  if (client) {
    headers.cookie = client.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = client.csrfToken;
  }
  let body: BodyInit | undefined;
  if (call.raw) {
    headers['content-type'] = 'application/octet-stream';
    body = call.raw as Uint8Array<ArrayBuffer>;
  } else if (call.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.body);
  }
  const r = await fetch(`${s.url}${call.path}`, { method, headers, body });
  const text = await r.text();
  return { status: r.status, body: (r.headers.get('content-type') ?? '').includes('json') && text ? (JSON.parse(text) as any) : text };
}

describe('authorization matrix', () => {
  let s: TestServer;
  let routes: RouteEntry[];
  const clients = new Map<Role, SignedInClient>();
  const tokens = new Map<Role, string>();
  before(async () => {
    s = await startTestServer({ users: true });
    await s.tumen.store.accounts.compartments.create({ id: 'test', label: 'test' }, { id: 'secret', label: 'No one holds a grant here' });
    routes = s.app.routeTable.filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD');
    for (const role of ['viewer', 'analyst', 'admin'] as const) clients.set(role, await s.as(role));
  });
  after(async () => s.close());

  test('every API route has a policy entry', () => {
    assert.deepEqual(routesWithoutPolicy(s.app.routeTable), []);
    assert.ok(routes.length > 40, `${routes.length} routes`);
  });

  test('every route × role × in/out of compartment answers as the policies say, never 5xx', async () => {
    let cells = 0;
    const shared = { in: await createContent(s.tumen, 'default'), out: await createContent(s.tumen, 'secret') };
    for (const route of routes) {
      const policy = policyFor(route.method, route.url)!;
      const mutating = route.method !== 'GET';
      for (const role of ROLES) {
        // Writes consume what they touch: they get fresh fixtures; reads share one set.
        const fx = mutating ? { in: await createContent(s.tumen, 'default'), out: await createContent(s.tumen, 'secret') } : shared;
        let client = role === 'none' ? null : clients.get(role)!;
        if (client && ['/api/auth/logout', '/api/auth/password'].includes(route.url)) client = await signIn(s, s.users![role as Role].username, s.users![role as Role].password);
        if (client && route.url.startsWith('/api/auth/tokens') && !tokens.has(role as Role)) {
          tokens.set(role as Role, (await client.request('POST', '/api/auth/tokens', { label: 'own', role: 'viewer' })).body.info.id);
        }
        const extra = { tokenId: role === 'none' ? UNKNOWN_ID : tokens.get(role as Role) ?? UNKNOWN_ID, userId: s.users!.viewer.id };
        const label = `${role} ${route.method} ${route.url}`;
        const inside = await send(s, client, route.method, callFor(route, fx.in, extra));
        cells += 1;
        assert.ok(inside.status < 500, `${label}: ${inside.status} ${JSON.stringify(inside.body)}`);
        if (role === 'none') {
          if (policy.kind === 'public') assert.notEqual(inside.status, 401, label);
          else assert.equal(inside.status, 401, label);
          continue;
        }
        const refused = policy.kind === 'ability' && !POLICIES.mayAttempt({ id: 'x', label: 'x', role }, policy.action, policy.subject);
        if (refused) {
          assert.equal(inside.status, 403, label);
          assert.equal(inside.body.error.id, 'forbidden', label);
        } else {
          assert.ok(!DENIALS.has(inside.body?.error?.id) && inside.status !== 404, `${label} (in): ${inside.status} ${JSON.stringify(inside.body)}`);
        }
        if (!HAS_CONTENT_ID.test(route.url)) continue;
        // Outside the caller's compartments: the very answer an unknown id gets.
        const outside = await send(s, client, route.method, callFor(route, fx.out, extra));
        const unknown = await send(s, client, route.method, callFor(route, fx.out, extra, UNKNOWN_ID));
        cells += 1;
        if (refused) assert.deepEqual(outside, inside, `${label}: a role-level refusal says nothing about the item`);
        else {
          assert.equal(outside.status, 404, `${label} (out): ${JSON.stringify(outside.body)}`);
          assert.deepEqual(outside, unknown, `${label}: out of compartment looks exactly like not found`);
        }
      }
    }
    console.log(`# authorization matrix: ${routes.length} routes, ${cells} cells`);
  });

  test('lists, exports and reference checks never show what is outside the compartments', async () => {
    const fx = { in: await createContent(s.tumen, 'default'), out: await createContent(s.tumen, 'secret') };
    const analyst = clients.get('analyst')!;
    for (const path of ['/api/sources?limit=500', '/api/records?limit=500', '/api/candidates?limit=500', '/api/figures/metrics', '/api/export?format=json']) {
      const r = await analyst.request('GET', path);
      assert.equal(r.status, 200, path);
      const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      assert.ok(text.includes(fx.in.sourceId) || text.includes(fx.in.eventId) || text.includes('metric-default') || path.includes('candidates'), `${path} shows what is inside`);
      for (const id of [fx.out.sourceId, fx.out.eventId, fx.out.personId, fx.out.candidateId, 'metric-secret', 'SECRET-NAME']) assert.ok(!text.includes(id), `${path} leaks ${id}`);
    }
    const citing = await analyst.request('POST', '/api/records', { kind: 'event', body: { type: 'forced_repatriation' }, citations: [{ sourceId: fx.out.sourceId, start: 0, end: 6, quote: '' }] });
    const unknown = await analyst.request('POST', '/api/records', { kind: 'event', body: { type: 'forced_repatriation' }, citations: [{ sourceId: UNKNOWN_ID, start: 0, end: 6, quote: '' }] });
    assert.equal(citing.status, 400);
    assert.equal(citing.body.error.message.replace(fx.out.sourceId, 'ID'), unknown.body.error.message.replace(UNKNOWN_ID, 'ID'));
    const placing = await analyst.request('POST', '/api/sources', { title: 't', text: `x ${Date.now()}`, compartments: ['secret'] });
    assert.equal(placing.status, 403);
  });

  test('viewers never see protected person fields; analysts do when they ask', async () => {
    const fx = await createContent(s.tumen, 'default');
    const viewer = await clients.get('viewer')!.request('GET', `/api/records/${fx.personId}?include=protected`);
    assert.equal(viewer.status, 200);
    assert.equal(viewer.body.protected, undefined);
    assert.equal(viewer.body.abilities.readProtected, false);
    const analyst = await clients.get('analyst')!.request('GET', `/api/records/${fx.personId}?include=protected`);
    assert.match(analyst.body.protected.realName, /^SECRET-NAME/);
    assert.deepEqual(analyst.body.abilities, { read: true, update: true, delete: true, confirm: false, readProtected: true });
    const unknownRole = await api(s, 'GET', `/api/records/${fx.personId}`);
    assert.equal(unknownRole.status, 401);
  });
});
