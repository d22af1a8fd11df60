import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MerkleFrontier } from './merkle-log.ts';
import { EMPTY_ROOT, leafHash, rootFromLeafHashes } from './merkle.ts';

// transparency-dev/merkle compact/range_test.go TestGetRootHashGolden: leaf i is the two bytes
// [i & 0xff, (i >> 8) & 0xff], roots in standard base64.
const GOLDEN: [number, string][] = [
  [10, 'VjWMPSYNtCuCNlF/RLnQy6HcwSk6CIipfxm+hettA+4='],
  [15, 'j4SulYmocFuxdeyp12xXCIgK6PekBcxzAIj4zbQzNEI='],
  [16, 'c+4Uc6BCMOZf/v3NZK1kqTUJe+bBoFtOhP+P3SayKRE='],
  [100, 'dUh9hYH88p0CMoHkdr1wC2szbhcLAXOejWpINIooKUY='],
  [255, 'SmdsuKUqiod3RX2jyF2M6JnbdE4QuTwwipfAowI4/i0='],
  [256, 'qFI0t/tZ1MdOYgyPpPzHFiZVw86koScXy9q3FU5casA='],
  [1000, 'RXrgb8xHd55Y48FbfotJwCbV82Kx22LZfEbmBGAvwlQ='],
  [4095, 'cWRFdQhPcjn9WyBXE/r1f04ejxIm5lvg40DEpRBVS0w='],
  [4096, '6uU/phfHg1n/GksYT6TO9aN8EauMCCJRl3dIK0HDs2M='],
  [10000, 'VZcav65F9haHVRk3wre2axFoBXRNeUh/1d9d5FQfxIg='],
  [65535, 'iPuVYJhP6SEE4gUFp8qbafd2rYv9YTCDYqAxCj8HdLM='],
];

test('frontier roots match the transparency-dev compact range golden roots', () => {
  const leaves: Buffer[] = [];
  const log = MerkleFrontier.empty();
  assert.deepEqual(log.root(), EMPTY_ROOT);
  for (const [size, want] of GOLDEN) {
    while (log.size < size) {
      const i = log.size;
      const h = leafHash(Buffer.of(i & 0xff, (i >> 8) & 0xff));
      leaves.push(h);
      log.append(h);
    }
    assert.equal(log.root().toString('base64'), want, `size ${size}`);
    assert.equal(rootFromLeafHashes(size, leaves).toString('base64'), want, `recomputed root at size ${size}`);
    assert.equal(log.toState().hashes.length, size.toString(2).replaceAll('0', '').length, 'one hash per set bit');
  }
});

test('property: the frontier root equals the full recomputation at every size, and survives persistence', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 200 }), fc.nat(), (n, salt) => {
      const leaves = Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`${salt}/${i}`)));
      let log = MerkleFrontier.empty();
      for (let i = 0; i < n; i++) {
        log.append(leaves[i]!);
        if (i % 7 === 0) log = MerkleFrontier.fromState(log.toState()); // as if reloaded from the DB
        assert.deepEqual(log.root(), rootFromLeafHashes(i + 1, leaves));
      }
      assert.deepEqual(MerkleFrontier.fromLeafHashes(n, leaves).root(), log.root());
    }),
    { numRuns: 50 },
  );
});

test('an inconsistent persisted frontier is refused', () => {
  const log = MerkleFrontier.fromLeafHashes(5, (i) => leafHash(Buffer.of(i)));
  const state = log.toState();
  assert.throws(() => MerkleFrontier.fromState({ size: 7, hashes: state.hashes }), RangeError);
  assert.throws(() => MerkleFrontier.fromState({ size: 5, hashes: [state.hashes[0]!, Buffer.alloc(31)] }), RangeError);
  assert.throws(() => log.append(Buffer.alloc(31)), RangeError);
  const root = log.root();
  root.fill(0); // callers get copies: mutating a returned root must not corrupt the log
  assert.notDeepEqual(log.root(), root);
});
