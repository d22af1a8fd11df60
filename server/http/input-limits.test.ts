import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MAX_IMPORT_BYTES } from '../../ingest/parse/index.ts';
import { api, startTestServer, upload, type TestServer } from '../test-server.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** Polls /api/health every 50 ms while `work` runs; returns the slowest answer in ms. */
async function worstHealthLatency(s: TestServer, work: Promise<unknown>): Promise<number> {
  let done = false;
  void work.finally(() => (done = true));
  let worst = 0;
  while (!done) {
    const t = performance.now();
    const r = await fetch(`${s.url}/api/health`);
    await r.arrayBuffer();
    assert.equal(r.status, 200);
    worst = Math.max(worst, performance.now() - t);
    await new Promise((res) => setTimeout(res, 50));
  }
  return worst;
}

describe('input that used to stop the server', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ parseLimits: { timeoutMs: 6_000 } });
  });
  after(async () => s.close());

  test('1 MB of nested divs is a 422 import_too_complex, and /api/health keeps answering', async () => {
    const deep = upload(s, 'deep.html', enc('<div>'.repeat(200_000)));
    const worst = await worstHealthLatency(s, deep);
    const r = await deep;
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.error.id, 'import_too_complex');
    assert.ok(worst < 1_000, `health took ${Math.round(worst)} ms`);
  });

  test('a page that parses too slowly is stopped after its time budget: 422 import_timeout, health unaffected', async () => {
    // Under the element cap, but linkedom + Readability need far longer than a 500 ms budget on
    // any machine (a budget in seconds made this depend on how fast the machine was that day).
    const tight = await startTestServer({ parseLimits: { timeoutMs: 500 } });
    try {
      await slowPageTimesOut(tight);
    } finally {
      await tight.close();
    }
  });

  async function slowPageTimesOut(s: TestServer): Promise<void> {
    const slow = upload(s, 'slow.html', enc(`<html><body>${'<p>word <b>x</b> <i>y</i></p>\n'.repeat(45_000)}</body></html>`));
    const started = performance.now();
    const worst = await worstHealthLatency(s, slow);
    const r = await slow;
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.error.id, 'import_timeout');
    assert.ok(performance.now() - started < 15_000);
    assert.ok(worst < 1_000, `health took ${Math.round(worst)} ms`);
    // The next document gets a fresh parser.
    const ok = await upload(s, 'after.md', enc('# After the timeout\n\nA witness spoke about the river crossing.'));
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
  }

  test('an upload of exactly the limit is read (not a stack overflow); one byte more is a 413 payload_too_large', async () => {
    // Binary bytes: the importer refuses them for what they are, which proves the body was accepted and read.
    const atLimit = new Uint8Array(MAX_IMPORT_BYTES).fill(1);
    const r = await upload(s, 'limit.txt', atLimit);
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.error.id, 'import_binary');
    const over = await upload(s, 'over.txt', new Uint8Array(MAX_IMPORT_BYTES + 1).fill(1));
    assert.equal(over.status, 413);
    assert.equal(over.body.error.id, 'payload_too_large');
  });

  test('a lone surrogate in a JSON body (value or key) is a 400 invalid_unicode, and nothing is stored', async () => {
    const bodies = [
      { kind: 'person', body: { pseudonym: '\ud800x' } },
      { kind: 'event', body: { type: 'arrest', description: 'ok', ['\udc00']: 1 } },
      { kind: 'person', body: { pseudonym: 'fine', notes: ['a', { deep: '\udfff' }] } },
    ];
    for (const body of bodies) {
      const r = await api(s, 'POST', '/api/records', body);
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body.error.id, 'invalid_unicode');
    }
    const search = await api(s, 'GET', `/api/search?q=${encodeURIComponent('fine')}%ED%A0%80`);
    assert.ok(search.status < 500, JSON.stringify(search.body));
    const list = await api(s, 'GET', '/api/records');
    assert.equal(list.body.items.length, 0);
    // A well-formed pair (an emoji) is text like any other.
    const emoji = await api(s, 'POST', '/api/records', { kind: 'person', body: { pseudonym: 'Witness \ud83d\ude00' } });
    assert.equal(emoji.status, 201, JSON.stringify(emoji.body));
  });
});
