import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, indexText, tokenize } from './analyzer.ts';
import { makeSnippet } from './snippet.ts';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from '../domain/search.ts';

test('Korean and Chinese runs become overlapping bigrams', () => {
  assert.deepEqual(analyze('탈북자들이'), ['탈북', '북자', '자들', '들이']);
  assert.deepEqual(analyze('中朝边境地区'), ['中朝', '朝边', '边境', '境地', '地区']);
});

test('a lone CJK character between non-CJK text is a unigram', () => {
  assert.deepEqual(analyze('a中b 北 NK탈북'), ['a', '中', 'b', '北', 'nk', '탈북']);
});

test('Latin words are NFKC-normalised, stripped of diacritics and lowercased', () => {
  assert.deepEqual(analyze('Naïve CAFÉ Straße Ｆｕｌｌ ÆON'), ['naive', 'cafe', 'strasse', 'full', 'aeon']);
  assert.deepEqual(analyze("North-Korean's"), ['north', 'korean', 's']);
});

test('half-width katakana and decomposed Hangul are normalised before bigramming', () => {
  assert.deepEqual(analyze('ｶﾀｶﾅ'), ['カタ', 'タカ', 'カナ']);
  assert.deepEqual(analyze('\u1110\u1161\u11af\u1107\u116e\u11a8'), ['탈북']);
});

test('offsets point at the original text, astral characters included', () => {
  const text = 'Réfugiés 𠀀𠀁 탈북';
  const toks = tokenize(text);
  assert.deepEqual(
    toks.map((t) => text.slice(t.start, t.end)),
    ['Réfugiés', '𠀀𠀁', '탈북'],
  );
});

test('tokens never contain spaces, quotes or FTS5/tsquery operators', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
      for (const t of analyze(s)) assert.match(t, /^[\p{L}\p{N}\p{M}]+$/u);
      assert.equal(indexText(s).split(' ').filter(Boolean).length, analyze(s).length);
    }),
  );
});

test('snippets: merged CJK marks, a window around the first match, marks in the text removed', () => {
  const hl = { terms: new Set(['탈북', '북자']), prefixes: [] };
  assert.equal(makeSnippet('그 탈북자들이', hl), `그 ${S}탈북자${E}들이`);
  const long = `${'가나다라 '.repeat(60)}탈북 ${'마바사 '.repeat(60)}`;
  const s = makeSnippet(long, hl);
  assert.ok(s.startsWith('…') && s.endsWith('…'));
  assert.ok(s.includes(`${S}탈북${E}`));
  assert.equal(makeSnippet('x\u0002y\u0003 탈북', hl), `xy ${S}탈북${E}`);
  assert.equal(makeSnippet('no match here', hl), 'no match here');
  assert.equal(makeSnippet('北京', { terms: new Set(), prefixes: ['北'] }), `${S}北${E}京`);
});
