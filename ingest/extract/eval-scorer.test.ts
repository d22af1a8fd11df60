import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { datesCompatible, evaluate, matchPairs, quotesOverlap, sameName } from '../../scripts/eval-extract.ts';

describe('the extraction scorer (npm run eval:extract)', () => {
  it('compares names after normalisation, a prefix only with a generic suffix or a gloss', () => {
    assert.ok(sameName('the Tumen River', 'Tumen'));
    assert.ok(sameName('지린성', '지린'));
    assert.ok(sameName('Jilin (吉林)', 'Jilin'));
    assert.ok(sameName("China's Foreign Ministry", 'china foreign ministry'));
    assert.ok(!sameName('Tumen', 'Tumen Bridge'));
    assert.ok(!sameName('UN', 'UN Commission of Inquiry'));
  });

  it('requires 60% of the shorter quote, at least 15 characters, in common', () => {
    const gold = { quote: 'Chinese police detained the 11 defectors and their two guides on Friday in Kunming.' };
    assert.ok(quotesOverlap('Chinese police detained the 11 defectors and their two guides', gold));
    assert.ok(quotesOverlap('Chinese police detained', gold)); // all of a shorter quote of 15+ characters
    assert.ok(!quotesOverlap('police detai', gold)); // under 15 characters
    assert.ok(!quotesOverlap('The police in Kunming said on Friday that eleven people were held.', gold));
  });

  it('accepts a compatible date, and only null for a null gold date', () => {
    assert.ok(datesCompatible('2023-10-09', '2023-10'));
    assert.ok(datesCompatible('2023', '2023-10-09'));
    assert.ok(!datesCompatible('2023-09', '2023-10'));
    assert.ok(datesCompatible(null, null));
    assert.ok(!datesCompatible('2023', null));
    assert.ok(!datesCompatible(null, '2023'));
  });

  it('matches one to one', () => {
    assert.equal(matchPairs(['a', 'a'], ['a'], (p, g) => p === g).length, 1);
    assert.equal(matchPairs(['x', 'y'], ['y', 'x'], () => true).length, 2);
  });

  it('keeps the development split above floors a little below what extraction reaches', async () => {
    const r = await evaluate('dev');
    assert.ok(r.articles >= 15);
    const floors = { places: 0.9, organizations: 0.85, figures: 0.85, events: 0.7, installations: 0.8 } as const;
    for (const [kind, floor] of Object.entries(floors)) assert.ok(r.perKind[kind as keyof typeof floors].f1 >= floor, `${kind} F1 ${r.perKind[kind as keyof typeof floors].f1.toFixed(2)} < ${floor}`);
  });
});
