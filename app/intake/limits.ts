import { randomBytes } from 'node:crypto';
import { IntakeError } from '../../domain/intake/errors.ts';
import { powValid } from '../../domain/intake/pow.ts';

/**
 * Abuse control that knows nothing about who asks: proof-of-work challenges (one use, short
 * lived) and a global sliding window, both in this process's memory only. No address, no
 * user agent, no header is ever an input here.
 */
export class PowChallenges {
  private readonly open = new Map<string, number>();

  constructor(
    readonly bits: number,
    private readonly ttlMs = 10 * 60_000,
    private readonly now = () => Date.now(),
  ) {}

  issue(): { challenge: string; bits: number } {
    this.sweep();
    if (this.open.size > 100_000) throw new IntakeError('rate_limited', 'Too many open submissions right now. Try again in a few minutes.');
    const challenge = randomBytes(16).toString('hex');
    this.open.set(challenge, this.now() + this.ttlMs);
    return { challenge, bits: this.bits };
  }

  /** Consumes the challenge whatever the outcome, so a nonce cannot be retried against it. */
  redeem(challenge: string, nonce: string): void {
    const expires = this.open.get(challenge);
    this.open.delete(challenge);
    if (!expires || expires < this.now() || !powValid(challenge, nonce, this.bits)) {
      throw new IntakeError('proof_of_work', 'The proof of work is missing, expired or wrong: reload the page and send again.');
    }
  }

  private sweep(): void {
    const t = this.now();
    for (const [c, exp] of this.open) if (exp < t) this.open.delete(c);
  }
}

/** At most `max` events per window across all senders. */
export class GlobalWindow {
  private stamps: number[] = [];

  constructor(
    private readonly max: number,
    private readonly windowMs = 60_000,
    private readonly now = () => Date.now(),
  ) {}

  take(): void {
    const t = this.now();
    this.stamps = this.stamps.filter((s) => s > t - this.windowMs);
    if (this.stamps.length >= this.max) throw new IntakeError('rate_limited', 'Too many submissions right now. Try again in a few minutes.');
    this.stamps.push(t);
  }
}
