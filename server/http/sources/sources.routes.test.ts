import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../../test/databases.ts';
import { api, startTestServer, type TestServer } from '../../test-server.ts';

const report = (n: number, extra: Record<string, unknown> = {}) => ({
  kind: 'news_report',
  title: `Report ${n}`,
  publisher: n % 2 ? 'Daily NK' : 'RFA',
  language: 'en',
  published: { value: `2023-${String(Math.min(n, 12)).padStart(2, '0')}`, qualifier: 'exact' },
  reliability: 'B',
  text: `On October 9 China forcibly repatriated about 600 North Koreans from Dandong. (${n})`,
  ...extra,
});

for (const dialect of testDialects()) {
  describe(`sources API (${dialect})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ dialect });
    });
    after(async () => s.close());

    test('POST creates a source hashed over its UTF-8 text, and the same text again is a 409', async () => {
      const created = await api(s, 'POST', '/api/sources', report(1, { text: '두만강 — 图们江' }));
      assert.equal(created.status, 201);
      assert.equal(created.body.sha256, '' + (await sha256('두만강 — 图们江')));
      assert.equal(created.body.createdBy, 'local');
      const again = await api(s, 'POST', '/api/sources', report(2, { text: '두만강 — 图们江' }));
      assert.equal(again.status, 409);
      assert.equal(again.body.error.id, 'conflict');
    });

    test('POST with bad input is a 400 invalid_input naming the field', async () => {
      for (const bad of [
        { ...report(3), title: '' },
        { ...report(3), language: 'not a tag!' },
        { title: 'no text' },
        { ...report(3), published: { value: '2023-02-30' } },
      ]) {
        const r = await api(s, 'POST', '/api/sources', bad);
        assert.equal(r.status, 400, JSON.stringify(r.body));
        assert.equal(r.body.error.id, 'invalid_input');
        assert.match(r.body.error.message, /^body\./);
      }
      const notJson = await fetch(`${s.url}/api/sources`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"title":',
      });
      assert.equal(notJson.status, 400);
      assert.deepEqual(await notJson.json(), { error: { id: 'invalid_input', message: 'body: not valid JSON' } });
    });

    test('GET one returns the text; unknown ids are 404, malformed ones 400', async () => {
      const created = await api(s, 'POST', '/api/sources', report(4));
      const got = await api(s, 'GET', `/api/sources/${created.body.id}`);
      assert.equal(got.status, 200);
      assert.equal(got.body.text, report(4).text);
      const missing = await api(s, 'GET', `/api/sources/${randomUUID()}`);
      assert.equal(missing.status, 404);
      assert.deepEqual(missing.body, { error: { id: 'not_found', message: 'source not found' } });
      const malformed = await api(s, 'GET', '/api/sources/not-an-id');
      assert.equal(malformed.status, 400);
      assert.equal(malformed.body.error.id, 'invalid_input');
    });

    test('list filters, pages with a cursor and leaves the text out', async () => {
      for (const n of [5, 6, 7]) assert.equal((await api(s, 'POST', '/api/sources', report(n))).status, 201);
      const all = await api(s, 'GET', '/api/sources?limit=500');
      assert.equal(all.status, 200);
      assert.ok(
        all.body.items.every((i: Record<string, unknown>) => !('text' in i) && typeof i.textLength === 'number'),
      );
      const rfa = await api(s, 'GET', '/api/sources?publisher=RFA&kind=news_report&language=en&reliability=B');
      assert.deepEqual(rfa.body.items.map((i: { title: string }) => i.title).sort(), ['Report 4', 'Report 6']);
      const dated = await api(s, 'GET', '/api/sources?from=2023-05&to=2023-06-15');
      assert.deepEqual(dated.body.items.map((i: { title: string }) => i.title).sort(), ['Report 5', 'Report 6']);
      const seen: string[] = [];
      let cursor = '';
      for (let guard = 0; guard < 20; guard++) {
        const page = await api(s, 'GET', `/api/sources?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(page.status, 200);
        assert.ok(page.body.items.length <= 2);
        seen.push(...page.body.items.map((i: { id: string }) => i.id));
        if (!page.body.nextCursor) break;
        cursor = page.body.nextCursor;
      }
      assert.deepEqual(
        seen,
        all.body.items.map((i: { id: string }) => i.id),
      );
      for (const q of ['limit=0', 'limit=x', 'cursor=garbage!', 'from=2023-13', 'kind=tweet', 'reliability=Z']) {
        const r = await api(s, 'GET', `/api/sources?${q}`);
        assert.equal(r.status, 400, q);
        assert.equal(r.body.error.id, 'invalid_input', q);
      }
    });

    test('PATCH changes only the fields sent, honours expectedVersion and refuses the text', async () => {
      const created = await api(s, 'POST', '/api/sources', report(8));
      const id = created.body.id;
      const patched = await api(s, 'PATCH', `/api/sources/${id}`, { title: 'Renamed', expectedVersion: 1 });
      assert.equal(patched.status, 200);
      assert.equal(patched.body.title, 'Renamed');
      assert.equal(patched.body.version, 2);
      // Fields left out keep their values (they have defaults in the input schema).
      assert.equal(patched.body.kind, 'news_report');
      assert.equal(patched.body.publisher, 'RFA');
      assert.deepEqual(patched.body.published, report(8).published);
      const stale = await api(s, 'PATCH', `/api/sources/${id}`, { title: 'Again', expectedVersion: 1 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.id, 'conflict');
      const text = await api(s, 'PATCH', `/api/sources/${id}`, { text: 'rewritten' });
      assert.equal(text.status, 400);
      assert.equal(text.body.error.id, 'invalid_input');
      const bad = await api(s, 'PATCH', `/api/sources/${id}`, { reliability: 'Q' });
      assert.equal(bad.status, 400);
      assert.equal((await api(s, 'PATCH', `/api/sources/${randomUUID()}`, { title: 'x' })).status, 404);
    });

    test('citations, records and evidence of a source; 404 for an unknown source', async () => {
      const created = await api(s, 'POST', '/api/sources', report(9));
      const id = created.body.id;
      const event = await api(s, 'POST', '/api/events', {
        body: { type: 'forced_repatriation', title: 'Dandong repatriation' },
        citations: [{ sourceId: id, start: 3, end: 12, quote: '' }],
      });
      assert.equal(event.status, 201, JSON.stringify(event.body));
      const cites = await api(s, 'GET', `/api/sources/${id}/citations`);
      assert.equal(cites.status, 200);
      assert.equal(cites.body.items.length, 1);
      assert.equal(cites.body.items[0].quote, 'October 9');
      const records = await api(s, 'GET', `/api/sources/${id}/records`);
      assert.deepEqual(
        records.body.items.map((r: { id: string }) => r.id),
        [event.body.id],
      );
      const evidence = await api(s, 'GET', `/api/sources/${id}/evidence`);
      assert.deepEqual(evidence.body, { items: [] });
      for (const sub of ['citations', 'records', 'evidence']) {
        const r = await api(s, 'GET', `/api/sources/${randomUUID()}/${sub}`);
        assert.equal(r.status, 404, sub);
        assert.equal(r.body.error.id, 'not_found');
      }
    });

    test('DELETE tombstones: 204, then 404 on read and on a second delete', async () => {
      const created = await api(s, 'POST', '/api/sources', report(10));
      assert.equal(created.status, 201);
      const del = await api(s, 'DELETE', `/api/sources/${created.body.id}`);
      assert.equal(del.status, 204);
      assert.equal(del.body, '');
      assert.equal((await api(s, 'GET', `/api/sources/${created.body.id}`)).status, 404);
      const again = await api(s, 'DELETE', `/api/sources/${created.body.id}`);
      assert.equal(again.status, 404);
      assert.equal(again.body.error.id, 'not_found');
    });
  });
}

async function sha256(text: string): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
