import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clauseStarts, detectLang, fold, maskNoise, normalizeKeepCase, splitSentences } from './text.ts';

describe('text utilities', () => {
  it('fold and normalizeKeepCase keep the length, so offsets stay valid', () => {
    const s = 'Hoeryŏng’s “CCTV” — ５００명　İstanbul';
    assert.equal(fold(s).length, s.length);
    assert.equal(normalizeKeepCase(s).length, s.length);
    assert.equal(fold('Hoeryŏng’s'), "hoeryong's");
    assert.equal(normalizeKeepCase('５００명 – “A”'), '500명 - "A"');
  });

  it('masks URLs, e-mail addresses and image names with spaces', () => {
    const s = 'See https://example.org/a?b=1 or write to kim@yna.co.kr; photo nk-border-2017-1000.jpg here';
    const m = maskNoise(s);
    assert.equal(m.length, s.length);
    assert.ok(!/https|yna|1000/.test(m));
    assert.ok(m.includes('photo') && m.includes('here'));
  });

  it('splits English web text on lines, sentence ends and not on abbreviations', () => {
    const t = 'Title line\nMr. Chun met U.N. officials in Seoul. He said “it is hard.” Then he left.\n  • A bullet point';
    assert.deepEqual(
      splitSentences(t).map((s) => s.text),
      ['Title line', 'Mr. Chun met U.N. officials in Seoul.', 'He said “it is hard.”', 'Then he left.', '• A bullet point'],
    );
  });

  it('splits Korean after 다. even without a space, and Chinese after 。', () => {
    const ko = splitSentences('중국이 탈북민을 강제북송했다.통일부는 유감을 표명했다. 이상이다');
    assert.deepEqual(ko.map((s) => s.text), ['중국이 탈북민을 강제북송했다.', '통일부는 유감을 표명했다.', '이상이다']);
    assert.equal(ko[0]!.lang, 'ko');
    const zh = splitSentences('中国遣返了脱北者。去年有更多人被捕！');
    assert.deepEqual(zh.map((s) => s.text), ['中国遣返了脱北者。', '去年有更多人被捕！']);
    assert.equal(zh[1]!.lang, 'zh');
  });

  it('gives offsets into the original text', () => {
    const t = 'First one. Second one.';
    for (const s of splitSentences(t)) assert.equal(t.slice(s.start, s.end), s.text);
  });

  it('detects the language of a sentence', () => {
    assert.equal(detectLang('The UN said so.'), 'en');
    assert.equal(detectLang('통일부는 CCTV 설치를 확인했다'), 'ko');
    assert.equal(detectLang('中国公安逮捕了脱北者'), 'zh');
  });

  it('finds clause starts at conjunctions and Korean connective endings', () => {
    assert.deepEqual(clauseStarts('He was arrested, but she escaped'), [0, 21]);
    assert.deepEqual(clauseStarts('체포됐으며 구금됐다').length, 2);
  });
});
