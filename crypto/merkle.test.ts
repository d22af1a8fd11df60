import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  EMPTY_ROOT,
  consistencyProof,
  inclusionProof,
  leafHash,
  nodeHash,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';
import { CONSISTENCY, INCLUSION, LEAVES, ROOTS, SOME_HASH } from './merkle.vectors.ts';

const LEAF_HASHES = LEAVES.map((leaf) => leafHash(leaf));

test('RFC 6962 hasher vectors (transparency-dev rfc6962_test.go)', () => {
  assert.deepEqual(EMPTY_ROOT, ROOTS[0]);
  assert.equal(
    leafHash(Buffer.alloc(0)).toString('hex'),
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  );
  assert.equal(
    leafHash(Buffer.from('L123456')).toString('hex'),
    '395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56',
  );
  assert.equal(
    nodeHash(Buffer.from('N123'), Buffer.from('N456')).toString('hex'),
    'aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb',
  );
  // The one-shot fast paths and the streaming fallback must agree.
  const big = randomBytes(5000);
  assert.deepEqual(leafHash(big), createHash('sha256').update(Buffer.of(0)).update(big).digest());
  assert.deepEqual(
    leafHash(big.subarray(0, 100)),
    createHash('sha256').update(Buffer.of(0)).update(big.subarray(0, 100)).digest(),
  );
  const [l, r] = [randomBytes(32), randomBytes(32)];
  assert.deepEqual(nodeHash(l, r), createHash('sha256').update(Buffer.of(1)).update(l).update(r).digest());
});

test('roots for sizes 0..8 match the reference vectors', () => {
  for (let n = 0; n <= 8; n++) assert.deepEqual(rootFromLeafHashes(n, LEAF_HASHES), ROOTS[n], `size ${n}`);
  assert.deepEqual(
    rootFromLeafHashes(8, (i) => LEAF_HASHES[i]!),
    ROOTS[8],
    'getter form',
  );
});

test('inclusion proofs match the reference vectors and verify', () => {
  for (const [index, size, path] of INCLUSION) {
    const proof = inclusionProof(index, size, LEAF_HASHES);
    assert.deepEqual(
      proof.map((h) => h.toString('hex')),
      path,
      `PATH(${index}, ${size})`,
    );
    assert.ok(verifyInclusion(LEAF_HASHES[index]!, index, size, proof, ROOTS[size]!));
  }
});

test('consistency proofs match the reference vectors and verify', () => {
  for (const [m, n, want] of CONSISTENCY) {
    const proof = consistencyProof(m, n, LEAF_HASHES);
    assert.deepEqual(
      proof.map((h) => h.toString('hex')),
      want,
      `PROOF(${m}, ${n})`,
    );
    assert.ok(verifyConsistency(m, n, ROOTS[m]!, ROOTS[n]!, proof), `verify ${m} -> ${n}`);
  }
});

test('corrupted inclusion proofs are rejected (probes from transparency-dev verify_test.go)', () => {
  for (const [index, size] of INCLUSION) {
    const leaf = LEAF_HASHES[index]!;
    const root = ROOTS[size]!;
    const proof = inclusionProof(index, size, LEAF_HASHES);
    const probes: [number, number, Uint8Array, Uint8Array, Uint8Array[]][] = [
      [index - 1, size, root, leaf, proof],
      [index + 1, size, root, leaf, proof],
      [index ^ 2, size, root, leaf, proof],
      [index, size * 2, root, leaf, proof],
      [index, Math.floor(size / 2), root, leaf, proof],
      [index, size, root, Buffer.from('WrongLeaf'), proof],
      [index, size, root, SOME_HASH, proof],
      [index, size, EMPTY_ROOT, leaf, proof],
      [index, size, SOME_HASH, leaf, proof],
      [index, size, root, leaf, [...proof, Buffer.alloc(0)]],
      [index, size, root, leaf, [...proof, root]],
      [index, size, root, leaf, [Buffer.alloc(0), ...proof]],
      [index, size, root, leaf, [root, ...proof]],
    ];
    proof.forEach((_, i) => {
      const bad = proof.map((h) => Buffer.from(h));
      bad[i]![0]! ^= 8;
      probes.push([index, size, root, leaf, bad]);
    });
    if (proof.length > 0) probes.push([index, size, root, leaf, proof.slice(0, -1)]);
    if (proof.length > 1) probes.push([index, size, root, leaf, [proof[0]!, SOME_HASH, ...proof.slice(1)]]);
    for (const [i, n, r, l, p] of probes) {
      assert.equal(verifyInclusion(l, i, n, p, r), false, `probe index=${i} size=${n}`);
    }
  }
});

test('corrupted consistency proofs are rejected', () => {
  for (const [m, n] of CONSISTENCY) {
    const proof = consistencyProof(m, n, LEAF_HASHES);
    const ok = (om: number, on: number, r1: Uint8Array, r2: Uint8Array, p: Uint8Array[]) =>
      verifyConsistency(om, on, r1, r2, p);
    if (m !== n) {
      assert.equal(ok(m, n, ROOTS[m === 1 ? 2 : m - 1]!, ROOTS[n]!, proof), false, 'wrong old root');
      assert.equal(ok(m, n, ROOTS[m]!, ROOTS[n - 1]!, proof), false, 'wrong new root');
      assert.equal(ok(m, n, ROOTS[m]!, ROOTS[n]!, proof.slice(0, -1)), false, 'removed component');
      assert.equal(ok(m, n, ROOTS[m]!, ROOTS[n]!, [...proof, SOME_HASH]), false, 'trailing garbage');
      assert.equal(ok(m + 1, n, ROOTS[m]!, ROOTS[n]!, proof), false, 'wrong old size');
      proof.forEach((_, i) => {
        const bad = proof.map((h) => Buffer.from(h));
        bad[i]![0]! ^= 8;
        assert.equal(ok(m, n, ROOTS[m]!, ROOTS[n]!, bad), false, `flipped proof[${i}]`);
      });
    }
    assert.equal(ok(n, m, ROOTS[n]!, ROOTS[m]!, proof), m === n, 'sizes swapped');
  }
  assert.equal(verifyConsistency(1, 1, ROOTS[1]!, ROOTS[2]!, []), false, 'same size, different roots');
  assert.ok(verifyConsistency(0, 5, EMPTY_ROOT, ROOTS[5]!, []), 'the empty tree is consistent with any tree');
  assert.equal(verifyConsistency(0, 5, ROOTS[1]!, ROOTS[5]!, []), false);
});

const leafHashesOf = (n: number, salt: number) =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`${salt}:${i}`)));

test('property: every inclusion proof verifies, and fails for a modified leaf', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), fc.nat(), (n, seed, salt) => {
      const leaves = leafHashesOf(n, salt);
      const i = seed % n;
      const root = rootFromLeafHashes(n, leaves);
      const proof = inclusionProof(i, n, leaves);
      assert.ok(verifyInclusion(leaves[i]!, i, n, proof, root));
      assert.ok(proof.length <= Math.ceil(Math.log2(n)));
      assert.equal(verifyInclusion(leafHash(Buffer.from(`modified ${salt}:${i}`)), i, n, proof, root), false);
      if (n > 1) assert.equal(verifyInclusion(leaves[i]!, (i + 1) % n, n, proof, root), false);
    }),
    { numRuns: 200 },
  );
});

test('property: every consistency proof between m <= n verifies; a rewritten history does not', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), fc.nat(), (n, seed, salt) => {
      const leaves = leafHashesOf(n, salt);
      const m = seed % (n + 1);
      const proof = consistencyProof(m, n, leaves);
      const oldRoot = rootFromLeafHashes(m, leaves);
      const newRoot = rootFromLeafHashes(n, leaves);
      assert.ok(verifyConsistency(m, n, oldRoot, newRoot, proof));
      if (m > 0 && m < n) {
        const forked = [...leaves];
        forked[seed % m] = leafHash(Buffer.from('rewritten'));
        assert.equal(verifyConsistency(m, n, rootFromLeafHashes(m, forked), newRoot, proof), false);
        assert.equal(verifyConsistency(m, n, oldRoot, rootFromLeafHashes(n, forked), proof), false);
      }
    }),
    { numRuns: 200 },
  );
});

test('proof generation rejects impossible requests', () => {
  assert.throws(() => inclusionProof(3, 3, LEAF_HASHES), RangeError);
  assert.throws(() => inclusionProof(0, 9, LEAF_HASHES), RangeError);
  assert.throws(() => consistencyProof(5, 4, LEAF_HASHES), RangeError);
  assert.equal(verifyInclusion(LEAF_HASHES[0]!, 0, 0, [], EMPTY_ROOT), false);
});
