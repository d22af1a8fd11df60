import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from './index.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const enc = (s: string) => new TextEncoder().encode(s);

test('news article: metadata from meta tags, main text without page clutter', async () => {
  const doc = await parseDocument('article.html', fixture('article.html'));
  assert.equal(doc.title, 'Border fences extended near Hyesan');
  // The publisher's calendar day, not UTC (which would be 2023-09-08); meta beats JSON-LD and <time>.
  assert.deepEqual(doc.published, { value: '2023-09-09', qualifier: 'exact' });
  assert.equal(doc.publisher, 'Example Daily');
  assert.equal(doc.author, 'Kim Min-ji');
  assert.equal(doc.url, 'https://news.example.org/2023/09/border-fences');
  assert.equal(doc.language, 'en');
  assert.equal(doc.kind, 'news_report');
  assert.equal(doc.mediaType, 'text/html');
  for (const clutter of [
    'Subscribe now',
    'ADVERTISEMENT',
    'Related stories',
    'Dandong',
    'All rights reserved',
    'tracking pixel',
    '.ad {',
  ]) {
    assert.ok(!doc.text.includes(clutter), `text contains "${clutter}"`);
  }
  const paragraphs = doc.text.split('\n\n');
  assert.ok(paragraphs.some((p) => p.startsWith('Residents of Hyesan say')));
  assert.ok(paragraphs.some((p) => p.startsWith('“Nobody goes near the river')));
  assert.ok(paragraphs.at(-1)!.startsWith('Satellite imagery'));
  assert.ok(!/\n{3,}/.test(doc.text));
});

test('Korean article: JSON-LD metadata, Korean dates, script beats a template lang="en"', async () => {
  const doc = await parseDocument('korean.html', fixture('korean.html'));
  assert.equal(doc.title, '국경 감시 강화');
  assert.equal(doc.language, 'ko');
  assert.deepEqual(doc.published, { value: '2023-09-08', qualifier: 'exact' });
  assert.equal(doc.author, '이서연, 박지훈');
  assert.equal(doc.publisher, '예시뉴스');
  assert.equal(doc.kind, 'news_report');
  assert.match(doc.text, /압록강과 두만강/);
  for (const clutter of ['로그인', '무단 전재']) assert.ok(!doc.text.includes(clutter), clutter);
});

test('a page without article meta: body text, <time>, h1 title, lang attribute', async () => {
  const html = `<html lang="zh-Hans"><body><nav>首页 登录</nav><h1>边境报告</h1>
    <p>发布 <time datetime="2022-03-01">三月一日</time></p><p>朝鲜加强了边境管控。</p><footer>版权所有</footer></body></html>`;
  const doc = await parseDocument('page.htm', enc(html));
  assert.equal(doc.title, '边境报告');
  assert.equal(doc.language, 'zh-Hans');
  assert.deepEqual(doc.published, { value: '2022-03-01', qualifier: 'exact' });
  assert.equal(doc.kind, 'other');
  assert.match(doc.text, /朝鲜加强了边境管控/);
  assert.ok(!doc.text.includes('登录') && !doc.text.includes('版权所有'));
  assert.equal(doc.url, '');
});

test('a page that declares EUC-KR is decoded with it', async () => {
  const head = enc('<html><head><meta charset="euc-kr"><title>');
  const tail = enc('</title></head><body><p>report</p></body></html>');
  const bukhan = [0xba, 0xcf, 0xc7, 0xd1]; // 북한 in EUC-KR, not valid UTF-8
  const doc = await parseDocument('old.html', new Uint8Array([...head, ...bukhan, ...tail]));
  assert.equal(doc.title, '북한');
});

test('relative canonical links and URL-valued article:author are ignored; title falls back to the file name', async () => {
  const html = `<html><head><link rel="canonical" href="/relative"><meta property="og:url" content="javascript:alert(1)">
    <meta property="article:author" content="https://facebook.com/someone"></head><body><p>Just some text.</p></body></html>`;
  const doc = await parseDocument('saved page.html', enc(html));
  assert.equal(doc.url, '');
  assert.equal(doc.author, '');
  assert.equal(doc.title, 'saved page');
  assert.equal(doc.text, 'Just some text.');
});
