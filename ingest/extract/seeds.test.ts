import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { evaluate } from '../../scripts/eval-extract.ts';

// The seed reports and their gold labels live beside the repository (../shared); CI may lack them.
const gold = new URL('../../../shared/dev-gold/seeds-gold.json', import.meta.url);

/** Recall floors a little below what the extractor reaches on the seeds (npm run eval:extract). */
const FLOORS = { places: 0.9, organizations: 0.9, figures: 0.9, events: 0.75, installations: 0.8 } as const;

describe('extraction on the seed reports', { skip: !existsSync(gold) && 'shared seeds not present' }, () => {
  it('keeps recall above the floor for every kind, with sane precision', async () => {
    const { perKind, dates } = await evaluate();
    for (const [kind, floor] of Object.entries(FLOORS)) {
      const k = perKind[kind as keyof typeof FLOORS];
      assert.ok(k.r >= floor, `${kind} recall ${k.r.toFixed(3)} < ${floor}`);
      assert.ok(k.p >= 0.6, `${kind} precision ${k.p.toFixed(3)}`);
    }
    assert.ok(dates.exact / dates.total >= 0.8, `dates exact ${dates.exact}/${dates.total}`);
  });
});
