import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASEMAP_BOX, buildBasemap, clipRing } from './basemap.ts';

test('a ring is clipped to the box', () => {
  const ring = clipRing([[100, 40], [130, 40], [130, 45], [100, 45], [100, 40]]);
  assert.ok(ring.every(([x]) => x >= BASEMAP_BOX.west && x <= BASEMAP_BOX.east));
  assert.ok(ring.some(([x]) => x === BASEMAP_BOX.west));
});

test('the regional basemap has the border countries and the China–North Korea border line', () => {
  const b = buildBasemap();
  const ids = b.countries.map((c) => c.id);
  for (const id of ['156', '408', '410']) assert.ok(ids.includes(id), id);
  // Some border vertex lies on the Yalu near Sinuiju (124.4 E, 40.1 N).
  const near = b.borders.flat().some(([x, y]) => Math.abs(x! - 124.4) < 0.3 && Math.abs(y! - 40.1) < 0.3);
  assert.ok(near, 'border passes Sinuiju');
  assert.ok(JSON.stringify(b).length < 1_000_000, 'small enough to ship');
});
