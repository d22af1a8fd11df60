import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../../test/databases.ts';
import { api, startTestServer, type TestServer } from '../../test-server.ts';

const TEXTS = [
  { title: '탈북민 강제북송', language: 'ko', text: '중국 당국이 지난 9일 탈북자들이 수용된 시설에서 500여 명을 강제북송했다. 국경 경비가 강화됐다.', published: '2023-10-12' },
  { title: '中朝边境', language: 'zh', text: '中朝边境地区的监控摄像头明显增加，图们江沿岸修建了新的铁丝网。', published: '2022-05-01' },
  { title: 'Cameras on the Tumen', language: 'en', text: 'New cameras went up along the Tumen River near Hunchun, residents said.', published: '2019-03-02' },
];

for (const dialect of testDialects()) {
  describe(`search API (${dialect})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ dialect });
      for (const t of TEXTS) {
        const r = await api(s, 'POST', '/api/sources', { kind: 'news_report', title: t.title, language: t.language, text: t.text, published: { value: t.published, qualifier: 'exact' } });
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
    });
    after(async () => s.close());

    const search = (q: string) => api(s, 'GET', `/api/search?q=${encodeURIComponent(q)}`);

    test('two-character Korean and Chinese words match inside longer words', async () => {
      const ko = await search('탈북');
      assert.equal(ko.status, 200);
      assert.deepEqual(ko.body.hits.map((h: { title: string }) => h.title), ['탈북민 강제북송']);
      assert.match(ko.body.hits[0].snippet, /\u0002탈북\u0003/);
      const zh = await search('边境');
      assert.deepEqual(zh.body.hits.map((h: { title: string }) => h.title), ['中朝边境']);
    });

    test('a place name finds its other names; facets and filters work', async () => {
      const r = await search('Tumen kind:source');
      const titles = r.body.hits.map((h: { title: string }) => h.title).sort();
      assert.deepEqual(titles, ['Cameras on the Tumen', '中朝边境'], 'Tumen also finds 图们');
      assert.equal(r.body.facets.kind.source, 2);
      assert.equal(r.body.approximate, false);
      const dated = await api(s, 'GET', `/api/search?q=${encodeURIComponent('Tumen kind:source')}&from=2022&to=2022`);
      assert.deepEqual(dated.body.hits.map((h: { title: string }) => h.title), ['中朝边境']);
    });

    test('bad syntax is a 400 with a stable id', async () => {
      const r = await search('nosuchfilter:x');
      assert.equal(r.status, 400);
      assert.equal(r.body.error.id, 'invalid_input');
      assert.equal((await api(s, 'GET', '/api/search?q=x&limit=0')).status, 400);
    });
  });
}
