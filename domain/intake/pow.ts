import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Hashcash-style proof of work on submission: find a nonce such that SHA-256(challenge ":" nonce)
 * starts with `bits` zero bits. It costs a sender a second and a flood of submissions a lot,
 * without the server having to know anything about who asks.
 */
export function leadingZeroBits(hash: Uint8Array): number {
  let n = 0;
  for (const b of hash) {
    if (b === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(b) - 24;
  }
  return n;
}

export function powValid(challenge: string, nonce: string, bits: number): boolean {
  return nonce.length <= 32 && leadingZeroBits(sha256(utf8ToBytes(`${challenge}:${nonce}`))) >= bits;
}

export function solvePow(challenge: string, bits: number): string {
  for (let i = 0; ; i++) {
    const nonce = i.toString(36);
    if (powValid(challenge, nonce, bits)) return nonce;
  }
}
