import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { api, startTestServer, type TestServer } from '../../test-server.ts';

describe('audit API', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
    for (let i = 0; i < 5; i++) await api(s, 'POST', '/api/sources', { title: `Report ${i}`, text: `text ${i}` });
    await api(s, 'POST', '/api/persons', { body: { pseudonym: 'Witness K' }, protected: { realName: '김영희' } });
  });
  after(async () => s.close());

  test('every write is in the log, attributed to the actor, pageable by afterSeq', async () => {
    const all = await api(s, 'GET', '/api/audit');
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.body.items.map((e: { action: string }) => e.action),
      [...Array(5).fill('source.create'), 'person.create'],
    );
    assert.ok(
      all.body.items.every(
        (e: { actor: string; stateHash: string }) => e.actor === 'local' && /^[0-9a-f]{64}$/.test(e.stateHash),
      ),
    );
    assert.equal(all.body.nextAfterSeq, null);
    // Protected fields never reach the log, not even through the API.
    assert.doesNotMatch(JSON.stringify(all.body), /김영희/);
    const first = await api(s, 'GET', '/api/audit?limit=4');
    assert.equal(first.body.items.length, 4);
    assert.equal(first.body.nextAfterSeq, first.body.items[3].seq);
    const rest = await api(s, 'GET', `/api/audit?afterSeq=${first.body.nextAfterSeq}&limit=4`);
    assert.deepEqual([...first.body.items, ...rest.body.items], all.body.items);
  });

  test('bad paging input is a 400', async () => {
    for (const q of ['afterSeq=-1', 'afterSeq=x', 'limit=0', 'limit=100000']) {
      const r = await api(s, 'GET', `/api/audit?${q}`);
      assert.equal(r.status, 400, q);
      assert.equal(r.body.error.id, 'invalid_input');
    }
  });
});
