import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extract, extractFile, toContractJson } from './index.ts';

const ARTICLE = `Border security tightens

SEOUL, Oct. 13 (Yonhap) -- China forcibly repatriated some 600 North Koreans on Oct. 9 through Dandong, activists said.
The Transitional Justice Working Group (TJWG) said the returnees were held in Sinuiju.
China forcibly repatriated some 600 North Koreans on Oct. 9 through Dandong, activists said.
Photo: new barbed-wire fences in Hunchun, Sept. 2023.`;

describe('extract', () => {
  it('gives spans that are exact offsets into the input', () => {
    const x = extract(ARTICLE, { published: '2023-10-13' });
    for (const kind of ['places', 'organizations', 'dates', 'figures', 'installations', 'events'] as const)
      for (const c of x[kind]) for (const s of c.spans) assert.equal(ARTICLE.slice(s.start, s.end), s.quote, `${kind} ${c.rule}`);
  });

  it('states a repeated fact once, citing every statement of it, and names the rule', () => {
    const x = extract(ARTICLE, { published: '2023-10-13' });
    const rep = x.events.filter((e) => e.value.type === 'forced_repatriation');
    assert.equal(rep.length, 1);
    assert.equal(rep[0]!.spans.length, 2);
    assert.equal(rep[0]!.rule, 'event.en.forced_repatriation');
    // The 600 people of that one event are its count, not a statistical figure.
    assert.equal(x.figures.filter((f) => f.value.value === 600).length, 0);
    const dandong = x.places.find((p) => p.value.gazetteerId === 'cn-dandong')!;
    assert.equal(dandong.spans.length, 2);
    assert.equal(dandong.rule, 'place.gazetteer');
  });

  it('produces the CLI contract', () => {
    const c = toContractJson(extract(ARTICLE, { published: '2023-10-13' }));
    assert.deepEqual(Object.keys(c).sort(), ['events', 'figures', 'installations', 'organizations', 'places']);
    assert.deepEqual(c.events[0], {
      type: 'forced_repatriation',
      date: '2023-10-09',
      approx: false,
      place: 'Dandong',
      count: 600,
      quote: 'China forcibly repatriated some 600 North Koreans on Oct. 9 through Dandong, activists said.',
    });
    assert.deepEqual(c.figures, []);
    // Datelines and countries are not places of the facts.
    assert.deepEqual(c.places, ['Dandong', 'Sinuiju', 'Hunchun']);
    assert.deepEqual(c.organizations, ['Yonhap', 'Transitional Justice Working Group']);
    assert.deepEqual(c.installations, [{ kind: 'fence', place: 'Hunchun', date: '2023-09', quote: 'Photo: new barbed-wire fences in Hunchun, Sept. 2023.' }]);
  });

  it('reads text and HTML files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tumen-extract-'));
    const html = join(dir, 'a.html');
    writeFileSync(
      html,
      '<html><head><script>var x = 2019;</script><style>p{}</style></head><body><nav>Home</nav><h1>Arrests in Yanji</h1><p>Chinese police arrested 12 North Koreans in Yanji on May 3.</p><figure><figcaption>Watchtower near Hyesan</figcaption></figure></body></html>',
    );
    const c = await extractFile(html, { published: '2023-06-01' });
    assert.deepEqual(
      c.events.map((e) => [e.type, e.date, e.place, e.count]),
      [['arrest_detention', '2023-05-03', 'Yanji', 12]],
    );
    assert.deepEqual(c.places, ['Yanji', 'Hyesan']);
    assert.deepEqual(c.installations.map((i) => [i.kind, i.place]), [['watchtower', 'Hyesan']]);
    const txt = join(dir, 'b.md');
    writeFileSync(txt, '# 제목\n\n통일부에 따르면 지난해 입국한 탈북민은 196명이다.');
    assert.deepEqual((await extractFile(txt, { published: '2024-01-20' })).figures.map((f) => [f.value, f.period]), [[196, '2023']]);
  });

  it('never breaks on arbitrary mixed-script text: spans always quote the input', () => {
    const pieces = [...'ab 1,.09가나 명년월일中国年月日$%()—“”\n🙂İŏ', 'Tumen', 'Hunchun', '500여 명', '지난 9일', 'last year', 'UN', '(NKDB)', '센터(NKDB)', 'Oct. 9', '2,000', '...'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), fc.constantFrom(null, '2023', '2023-10', '2023-10-12'), (parts, published) => {
        const t = parts.join('');
        const x = extract(t, { published });
        for (const kind of ['places', 'organizations', 'dates', 'figures', 'installations', 'events'] as const)
          for (const c of x[kind]) for (const s of c.spans) assert.equal(t.slice(s.start, s.end), s.quote);
        JSON.stringify(toContractJson(x));
      }),
      { numRuns: 300 },
    );
  });

  it('is fast enough for bulk ingestion', () => {
    const text = ARTICLE.repeat(6); // ~3 KB
    extract(text, { published: '2023-10-13' });
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) extract(text, { published: '2023-10-13' });
    const perArticle = (performance.now() - t0) / 50;
    assert.ok(perArticle < 50, `${perArticle.toFixed(1)} ms per 3 KB article`);
  });
});
