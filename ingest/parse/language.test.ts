import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseLanguage, detectLanguage, normaliseLanguageTag } from './language.ts';

test('script share tells English, Korean and Chinese apart', () => {
  assert.equal(detectLanguage('North Korea tightened border controls along the Yalu river.'), 'en');
  assert.equal(detectLanguage('북한이 압록강 국경 통제를 강화했다. NKDB 연구원은 CCTV가 늘었다고 말했다.'), 'ko');
  assert.equal(detectLanguage('朝鲜加强了鸭绿江沿岸的边境管控。'), 'zh');
  assert.equal(detectLanguage('北朝鮮は国境の警備を強化した。'), 'ja');
  assert.equal(detectLanguage('Researchers interviewed defectors in Seoul (서울) about the border.'), 'en');
  assert.equal(detectLanguage('12345 — 2023'), 'und');
});

test('a declared language wins unless the script contradicts it', () => {
  assert.equal(chooseLanguage('en-us', 'Plain English text.'), 'en-US');
  assert.equal(chooseLanguage('fr', 'Le régime a renforcé la frontière.'), 'fr');
  assert.equal(chooseLanguage('en', '북한이 국경 통제를 강화했다.'), 'ko');
  assert.equal(chooseLanguage('ko_KR', 'An English edition of a Korean outlet.'), 'en');
  assert.equal(chooseLanguage('zh-Hans', '朝鲜加强了边境管控。'), 'zh-Hans');
  assert.equal(chooseLanguage('not a tag!', 'English.'), 'en');
  assert.equal(normaliseLanguageTag('und'), null);
});
