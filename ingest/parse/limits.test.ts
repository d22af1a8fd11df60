import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureHtml, MAX_HTML_DEPTH } from './html-complexity.ts';
import { MAX_IMPORT_BYTES, parseDocument } from './index.ts';

const enc = (s: string) => new TextEncoder().encode(s);

test('50 MB of CJK text on one line parses (the title regex used to overflow the stack)', async () => {
  const unit = '탈북민증언이천십구년삼월혜산에서국경경비대가십이명을체포했다。';
  const bytes = Buffer.from(unit.repeat(Math.floor(MAX_IMPORT_BYTES / Buffer.byteLength(unit))));
  const doc = await parseDocument('one-line.txt', new Uint8Array(bytes));
  assert.ok(doc.title.length > 0 && doc.title.length <= 1_000);
  assert.equal(doc.text.length, bytes.length / 3);
});

test('HTML nesting is measured before any tree is built: optional end tags, void elements, raw text and comments do not count', () => {
  assert.equal(measureHtml('<html><body><div><p>a<p>b<ul><li>x<li>y</ul></div><br><img src=x></body></html>').depth, 4);
  assert.equal(measureHtml(`<script>${'<div>'.repeat(10_000)}</script><!-- ${'<div>'.repeat(1000)} --><div></div>`).depth, 1);
  assert.equal(measureHtml('<div>'.repeat(200_000)).depth, 200_000);
  assert.equal(measureHtml('<div><span></span></div>'.repeat(1000)).elements, 2000);
  // Unclosed raw text and comments end the scan instead of rescanning (linear time on hostile input).
  const t = performance.now();
  measureHtml('<script>'.repeat(100_000) + '<!--'.repeat(100_000));
  assert.ok(performance.now() - t < 2_000);
});

test('a page nested deeper than the limit is import_too_complex; at the limit it parses', async () => {
  const nest = (n: number) => enc(`<html><body>${'<div>'.repeat(n)}<p>A witness described the crossing.</p>${'</div>'.repeat(n)}</body></html>`);
  await assert.rejects(parseDocument('deep.html', nest(MAX_HTML_DEPTH)), (e: Error & { id?: string }) => e.id === 'import_too_complex');
  const ok = await parseDocument('ok.html', nest(MAX_HTML_DEPTH - 3));
  assert.match(ok.text, /witness/);
});
