import { EMPTY_ROOT, HASH_LENGTH, nodeHash, type LeafHashes } from './merkle.ts';

/**
 * The "frontier" (compact range) of an append-only RFC 9162 log: the roots of the perfect
 * subtrees that make up a tree of `size` leaves, one per set bit of `size`, largest first.
 * That is all the state needed to append in O(log n) and to compute the current root in
 * O(log n) — at a million entries, 20 hashes instead of a million. Persist `toState()` with
 * each append (≤ 53 × 32 bytes) and restore with `fromState`, or rebuild from leaf hashes.
 */
export type FrontierState = { size: number; hashes: Buffer[] };

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) c += x % 2;
  return c;
}

export class MerkleFrontier {
  private constructor(
    private count: number,
    private readonly nodes: Buffer[],
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier(0, []);
  }

  /** Rejects a state whose hash count does not match its size, which would yield a wrong root. */
  static fromState(state: FrontierState): MerkleFrontier {
    const { size, hashes } = state;
    if (
      !Number.isSafeInteger(size) ||
      size < 0 ||
      hashes.length !== popcount(size) ||
      hashes.some((h) => h.length !== HASH_LENGTH)
    ) {
      throw new RangeError('frontier state is inconsistent with its size');
    }
    return new MerkleFrontier(
      size,
      hashes.map((h) => Buffer.from(h)),
    );
  }

  /** Rebuilds the frontier from persisted leaf hashes: O(size), for recovery or verification. */
  static fromLeafHashes(size: number, leaves: LeafHashes): MerkleFrontier {
    const f = MerkleFrontier.empty();
    const get = typeof leaves === 'function' ? leaves : (i: number) => leaves[i]!;
    for (let i = 0; i < size; i++) f.append(get(i));
    return f;
  }

  get size(): number {
    return this.count;
  }

  /** Each trailing 1 bit of the old size is a perfect subtree the new leaf completes. */
  append(leafHash: Uint8Array): void {
    if (leafHash.length !== HASH_LENGTH) throw new RangeError('leaf hash must be 32 bytes');
    let h: Buffer = Buffer.from(leafHash);
    for (let n = this.count; n % 2 === 1; n = Math.floor(n / 2)) h = nodeHash(this.nodes.pop()!, h);
    this.nodes.push(h);
    this.count += 1;
  }

  /** MTH splits at the largest power of two, so the root folds the frontier from the right. */
  root(): Buffer {
    if (this.nodes.length === 0) return Buffer.from(EMPTY_ROOT);
    let r: Buffer = Buffer.from(this.nodes[this.nodes.length - 1]!);
    for (let i = this.nodes.length - 2; i >= 0; i--) r = nodeHash(this.nodes[i]!, r);
    return r;
  }

  toState(): FrontierState {
    return { size: this.count, hashes: this.nodes.map((h) => Buffer.from(h)) };
  }
}
