import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourcePatchSchema } from './sources.ts';

test('a source patch changes only the fields it names', () => {
  assert.deepEqual(sourcePatchSchema.parse({ title: 'New' }), { title: 'New' });
  assert.deepEqual(sourcePatchSchema.parse({ published: null }), { published: null });
  assert.throws(() => sourcePatchSchema.parse({ title: '' }));
});
