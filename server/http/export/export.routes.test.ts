import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { api, startTestServer, type TestServer } from '../../test-server.ts';

describe('export API', () => {
  let s: TestServer;
  const SOURCES = 120;
  before(async () => {
    s = await startTestServer();
    for (let i = 0; i < SOURCES; i++) {
      const r = await api(s, 'POST', '/api/sources', {
        title: `Report ${i}`,
        text: `On October ${(i % 28) + 1} a fence was seen near Hyesan. (${i})`,
      });
      assert.equal(r.status, 201);
    }
    const sourceId = (await api(s, 'GET', '/api/sources?limit=1')).body.items[0].id;
    const place = await api(s, 'POST', '/api/places', {
      body: { names: { en: 'Hyesan' }, geometry: { type: 'Point', coordinates: [128.18, 41.39] }, precision: 'town' },
    });
    await api(s, 'POST', '/api/persons', { body: { pseudonym: 'Witness K' }, protected: { realName: '김' } });
    const ev = await api(s, 'POST', '/api/events', {
      body: { type: 'surveillance_deployment', placeId: place.body.id },
      citations: [{ sourceId, start: 3, end: 13, quote: '' }],
    });
    assert.equal(ev.status, 201, JSON.stringify(ev.body));
  });
  after(async () => s.close());

  test('JSON: streamed with no row cap, parses, with attachment headers, no protected fields by default', async () => {
    const res = await fetch(`${s.url}/api/export?format=json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /^attachment; filename="tumen-export-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    // Streamed: no Content-Length, chunked transfer.
    assert.equal(res.headers.get('content-length'), null);
    const doc = (await res.json()) as {
      format: string;
      items: Array<{ type: string; kind?: string; protected?: unknown }>;
    };
    assert.equal(doc.format, 'tumen-export');
    assert.equal(doc.items.filter((i) => i.type === 'source').length, SOURCES);
    assert.equal(doc.items.filter((i) => i.type === 'record').length, 3);
    assert.equal(doc.items.find((i) => i.kind === 'person')?.protected, null);
    const full = (await (await fetch(`${s.url}/api/export?format=json&include=protected`)).json()) as typeof doc;
    assert.deepEqual((full.items.find((i) => i.kind === 'person')?.protected as { realName: string }).realName, '김');
  });

  test('CSV and GeoJSON have their content types and parse', async () => {
    const csv = await fetch(`${s.url}/api/export?format=csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /\.csv"$/);
    const lines = (await csv.text()).trim().split('\n');
    assert.match(lines[0] ?? '', /^id,kind,status,label/);
    assert.equal(lines.length, 4);
    const geo = await fetch(`${s.url}/api/export?format=geojson`);
    assert.match(geo.headers.get('content-type') ?? '', /^application\/geo\+json/);
    const fc = (await geo.json()) as { type: string; features: Array<{ properties: { kind: string } }> };
    assert.equal(fc.type, 'FeatureCollection');
    assert.deepEqual(fc.features.map((f) => f.properties.kind).sort(), ['event', 'place']);
  });

  test('an unknown format is a 400; every export is audited', async () => {
    const bad = await api(s, 'GET', '/api/export?format=xlsx');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.id, 'invalid_input');
    const audit = await s.tumen.store.audit.list({ limit: 1000 });
    assert.ok(audit.filter((e) => e.action === 'export').length >= 3);
  });

  test('a client that goes away mid-export does not wedge the server', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${s.url}/api/export?format=json`, { signal: ctrl.signal });
    const reader = res.body!.getReader();
    await reader.read();
    ctrl.abort();
    await reader.cancel().catch(() => undefined);
    const health = await api(s, 'GET', '/api/health');
    assert.equal(health.status, 200);
  });
});
