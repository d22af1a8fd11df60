import { test } from 'node:test';
import assert from 'node:assert/strict';
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

// RFC 6962 reference vectors as used by transparency-dev/merkle (testonly/constants.go,
// proof/verify_test.go). Leaf indices below are 0-based; upstream's verify table is 1-based.
const hex = (s: string) => Buffer.from(s, 'hex');
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(hex);
const LEAF_HASHES = LEAVES.map(leafHash);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(hex);
const INCLUSION: [index: number, size: number, path: string[]][] = [
  [0, 1, []],
  [0, 2, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7']],
  [1, 2, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d']],
  [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
];
const CONSISTENCY: [oldSize: number, newSize: number, proof: string[]][] = [
  [1, 1, []],
  [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [6, 8, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  [6, 7, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
];
const SOME_HASH = hex('abacaba000000000000000000000000000000000000000000060061e00123456');

test('RFC 6962 hasher vectors (transparency-dev rfc6962_test.go)', () => {
  assert.deepEqual(EMPTY_ROOT, ROOTS[0]);
  assert.equal(leafHash(Buffer.alloc(0)).toString('hex'), '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
  assert.equal(leafHash(Buffer.from('L123456')).toString('hex'), '395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56');
  assert.equal(nodeHash(Buffer.from('N123'), Buffer.from('N456')).toString('hex'), 'aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb');
});

test('roots for sizes 0..8 match the reference vectors', () => {
  for (let n = 0; n <= 8; n++) assert.deepEqual(rootFromLeafHashes(n, LEAF_HASHES), ROOTS[n], `size ${n}`);
  assert.deepEqual(rootFromLeafHashes(8, (i) => LEAF_HASHES[i]!), ROOTS[8], 'getter form');
});

test('inclusion proofs match the reference vectors and verify', () => {
  for (const [index, size, path] of INCLUSION) {
    const proof = inclusionProof(index, size, LEAF_HASHES);
    assert.deepEqual(proof.map((h) => h.toString('hex')), path, `PATH(${index}, ${size})`);
    assert.ok(verifyInclusion(LEAF_HASHES[index]!, index, size, proof, ROOTS[size]!));
  }
});

test('consistency proofs match the reference vectors and verify', () => {
  for (const [m, n, want] of CONSISTENCY) {
    const proof = consistencyProof(m, n, LEAF_HASHES);
    assert.deepEqual(proof.map((h) => h.toString('hex')), want, `PROOF(${m}, ${n})`);
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
    const ok = (om: number, on: number, r1: Uint8Array, r2: Uint8Array, p: Uint8Array[]) => verifyConsistency(om, on, r1, r2, p);
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

const leafHashesOf = (n: number, salt: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`${salt}:${i}`)));

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
