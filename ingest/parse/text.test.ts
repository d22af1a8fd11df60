import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from './index.ts';
import { SEEDS_DIR } from '../../test/seeds.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const seeds = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

test('the five seeds: title is the first line, only seed 001 has a date, all English', async () => {
  assert.equal(seeds.length, 5);
  for (const file of seeds) {
    const bytes = readFileSync(join(SEEDS_DIR, file));
    const doc = await parseDocument(file, bytes);
    const firstLine = new TextDecoder().decode(bytes).split('\n')[0]!.trim();
    // A headline is kept whole; a first line that is a paragraph gives its first sentence.
    if (firstLine.length <= 200) assert.equal(doc.title, firstLine, file);
    else assert.ok(firstLine.startsWith(doc.title) && doc.title.length <= 200 && /[.]$/.test(doc.title), doc.title);
    assert.equal(doc.language, 'en', file);
    assert.equal(doc.mediaType, 'text/plain', file);
    assert.equal(doc.kind, 'other', file);
    const expected = file.startsWith('001_') ? { value: '2023-09-08', qualifier: 'exact' } : null;
    assert.deepEqual(doc.published, expected, file);
    assert.ok(doc.text.startsWith(firstLine), file);
  }
});

test('seed 003: a dated photo caption on line 3 is not a publication date', async () => {
  const file = seeds.find((f) => f.startsWith('003_'))!;
  const doc = await parseDocument(file, readFileSync(join(SEEDS_DIR, file)));
  assert.match(doc.text, /April 14, 2017/);
  assert.equal(doc.published, null);
});

test('plain text: BOMs, CRLF, NFC and a dateline under the title', async () => {
  const doc = await parseDocument(
    'note.txt',
    enc('\uFEFF\r\n  Cafe\u0301 report  \r\nPublished: 2023.09.08\r\n\r\nBody text.\r\n'),
  );
  assert.equal(doc.title, 'Café report');
  assert.equal(doc.text, '  Café report\nPublished: 2023.09.08\n\nBody text.');
  assert.deepEqual(doc.published, { value: '2023-09-08', qualifier: 'exact' });

  const korean = '북한 국경 보고서\n2023년 9월 8일\n\n본문입니다.';
  const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(korean, 'utf16le'))]);
  const fromLe = await parseDocument('k.txt', le);
  assert.equal(fromLe.text, korean);
  assert.equal(fromLe.language, 'ko');
  assert.deepEqual(fromLe.published, { value: '2023-09-08', qualifier: 'exact' });

  const be = Buffer.from(korean, 'utf16le').swap16();
  assert.equal((await parseDocument('k.txt', new Uint8Array([0xfe, 0xff, ...be]))).text, korean);
});

test('plain text: Chinese, a UN symbol, and the file name when there is no usable line', async () => {
  const zh = await parseDocument('zh.txt', enc('朝鲜边境管控\n2023年9月8日\n\n朝鲜加强了鸭绿江沿岸的边境管控。'));
  assert.equal(zh.language, 'zh');
  assert.equal(zh.title, '朝鲜边境管控');
  const un = await parseDocument('hrc.txt', enc('United Nations\nA/HRC/52/64\n\nReport of the Special Rapporteur'));
  assert.equal(un.kind, 'un_report');
  const dateOnly = await parseDocument('dir/2023 notes.txt', enc('2023-09-08\n'));
  assert.equal(dateOnly.title, '2023 notes');
});

test('markdown: front matter gives metadata and is not part of the text', async () => {
  const md = [
    '---',
    'title: "Border report: Hyesan"',
    'date: 2023-09-08',
    'author: Lee Seo-yeon',
    'publisher: Example NGO',
    'url: https://ngo.example.org/reports/hyesan',
    'lang: en',
    '---',
    '# Heading that is not the title',
    '',
    'Text of the report.',
  ].join('\n');
  const doc = await parseDocument('r.md', enc(md));
  assert.equal(doc.title, 'Border report: Hyesan');
  assert.deepEqual(doc.published, { value: '2023-09-08', qualifier: 'exact' });
  assert.equal(doc.author, 'Lee Seo-yeon');
  assert.equal(doc.publisher, 'Example NGO');
  assert.equal(doc.url, 'https://ngo.example.org/reports/hyesan');
  assert.equal(doc.language, 'en');
  assert.equal(doc.mediaType, 'text/markdown');
  assert.equal(doc.text, '# Heading that is not the title\n\nText of the report.');
});

test('markdown without front matter: heading marks stripped, dateline found', async () => {
  const doc = await parseDocument('r.markdown', enc('\n## Forced returns rise ##\n\n*September 8, 2023*\n\nBody.'));
  assert.equal(doc.title, 'Forced returns rise');
  assert.equal(doc.published, null, 'emphasis around a date is not a plain dateline');
  const plain = await parseDocument('r.md', enc('# Forced returns rise\nSeptember 8, 2023\n\nBody.'));
  assert.deepEqual(plain.published, { value: '2023-09-08', qualifier: 'exact' });
});
