import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadReferenceData } from '../../../app/commands/demo-loader.ts';
import { api, SHARED_DIR, startTestServer, upload, type TestServer } from '../../test-server.ts';

const SEED = readFileSync(join(SHARED_DIR, 'seeds', '001_feeddc9573ee45e0.txt'));
const MISSING = '01a20000-0000-7000-8000-000000000000';

describe('review and figures API', () => {
  let s: TestServer;
  let sourceId = '';
  before(async () => {
    s = await startTestServer();
    await loadReferenceData(s.tumen, { id: 'test', label: 'test' });
    const r = await upload(s, 'seed.txt', SEED);
    sourceId = r.body.sourceId;
  });
  after(async () => s.close());

  test('an imported report yields candidates that cite it; confirm, reject and batch work', async () => {
    const list = await api(s, 'GET', `/api/candidates?sourceId=${sourceId}&limit=500`);
    assert.equal(list.status, 200);
    const items = list.body.items as Array<{ id: string; kind: string; citations: Array<{ sourceId: string; quote: string }> }>;
    assert.ok(items.length >= 5, `candidates: ${items.length}`);
    assert.ok(items.every((c) => c.citations.length > 0 && c.citations.every((x) => x.sourceId === sourceId && x.quote.length > 0)));
    const event = items.find((c) => c.kind === 'event')!;
    const ok = await api(s, 'POST', `/api/candidates/${event.id}/confirm`, {});
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.action, 'confirm');
    assert.equal((await api(s, 'GET', `/api/records/${event.id}`)).body.status, 'confirmed');
    const again = await api(s, 'POST', `/api/candidates/${event.id}/confirm`, {});
    assert.equal(again.status, 400);
    assert.equal(again.body.error.id, 'invalid_input');
    const rest = items.filter((c) => c.id !== event.id && c.kind === 'installation').map((c) => c.id);
    const batch = await api(s, 'POST', '/api/candidates/batch', { ids: rest, action: 'reject' });
    assert.equal(batch.status, 200);
    assert.equal(batch.body.items.length, rest.length);
  });

  test('a place candidate merges into its gazetteer place on confirm', async () => {
    const list = await api(s, 'GET', `/api/candidates?sourceId=${sourceId}&kind=place`);
    const hunchun = (list.body.items as Array<{ id: string; body: { gazetteerId: string | null } }>).find((c) => c.body.gazetteerId === 'cn-hunchun');
    assert.ok(hunchun, 'the seed mentions Hunchun');
    const r = await api(s, 'POST', `/api/candidates/${hunchun.id}/confirm`, {});
    assert.equal(r.body.action, 'merge');
    assert.notEqual(r.body.recordId, hunchun.id);
  });

  test('400 on bad input, 404 on unknown ids', async () => {
    assert.equal((await api(s, 'POST', '/api/candidates/batch', { ids: [], action: 'confirm' })).status, 400);
    assert.equal((await api(s, 'POST', '/api/candidates/batch', { ids: [MISSING], action: 'explode' })).status, 400);
    assert.equal((await api(s, 'POST', `/api/candidates/${MISSING}/reject`)).status, 404);
    assert.equal((await api(s, 'POST', '/api/candidates/merge', { from: MISSING, into: MISSING })).status, 400);
    assert.equal((await api(s, 'GET', '/api/figures/series')).status, 400);
    assert.equal((await api(s, 'POST', `/api/figures/${MISSING}/pin`)).status, 404);
  });

  test('the arrivals series shows disagreeing values side by side, and a value can be pinned', async () => {
    const metric = encodeURIComponent('North Korean defectors arriving in South Korea');
    const r = await api(s, 'GET', `/api/figures/series?metric=${metric}`);
    assert.equal(r.status, 200);
    const p2013 = r.body.periods.find((p: { period: string }) => p.period === '2013');
    assert.equal(p2013.conflict, true);
    assert.deepEqual(p2013.values.map((v: { value: number }) => v.value).sort(), [1514, 1516]);
    const provisional = p2013.values.find((v: { value: number }) => v.value === 1516);
    assert.equal((await api(s, 'POST', `/api/figures/${provisional.figureId}/pin`)).status, 204);
    const after = await api(s, 'GET', `/api/figures/series?metric=${metric}`);
    assert.equal(after.body.periods.find((p: { period: string }) => p.period === '2013').chosen.value, 1516);
    const metrics = await api(s, 'GET', '/api/figures/metrics');
    assert.ok(metrics.body.items.some((m: { metric: string }) => m.metric === 'North Korean defectors arriving in South Korea'));
  });
});
