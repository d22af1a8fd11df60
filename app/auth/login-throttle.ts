/**
 * Failed sign-ins per key (an account, a client), kept in memory only. After `freeFailures`
 * misses each further miss locks the key for twice as long as the last, up to `maxLockMs`; a key
 * idle for `forgetAfterMs` is forgotten. A locked key is refused before any password is checked,
 * so guessing costs the attacker time and costs us no argon2 work.
 *
 * Why not @fastify/rate-limit: it counts requests in fixed windows per request key, while this
 * needs per-account lockout with exponential back-off that only failures advance and a success
 * clears; and the client key here is a keyed hash, never an address (see LoginGuard).
 */
export interface ThrottleOptions {
  freeFailures?: number;
  baseLockMs?: number;
  maxLockMs?: number;
  forgetAfterMs?: number;
  /** Bound on remembered keys, so a flood of random usernames cannot exhaust memory. */
  maxKeys?: number;
  now?: () => number;
}

interface Entry {
  failures: number;
  lockedUntil: number;
  lastFailure: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly o: Required<ThrottleOptions>;

  constructor(opts: ThrottleOptions = {}) {
    this.o = {
      freeFailures: opts.freeFailures ?? 5,
      baseLockMs: opts.baseLockMs ?? 1_000,
      maxLockMs: opts.maxLockMs ?? 15 * 60_000,
      forgetAfterMs: opts.forgetAfterMs ?? 60 * 60_000,
      maxKeys: opts.maxKeys ?? 100_000,
      now: opts.now ?? Date.now,
    };
  }

  /** Milliseconds until any of `keys` may try again; 0 when all may. */
  retryAfterMs(keys: readonly string[]): number {
    const now = this.o.now();
    let wait = 0;
    for (const k of keys) {
      const e = this.live(k, now);
      if (e) wait = Math.max(wait, e.lockedUntil - now);
    }
    return wait;
  }

  fail(keys: readonly string[]): void {
    const now = this.o.now();
    for (const k of keys) {
      const e = this.live(k, now) ?? { failures: 0, lockedUntil: 0, lastFailure: now };
      e.failures += 1;
      e.lastFailure = now;
      const over = e.failures - this.o.freeFailures;
      if (over > 0) e.lockedUntil = now + Math.min(this.o.maxLockMs, this.o.baseLockMs * 2 ** Math.min(over - 1, 30));
      this.entries.delete(k);
      this.entries.set(k, e);
    }
    this.evict();
  }

  /** A successful sign-in clears its account; client keys only decay, or one valid account would reset them. */
  succeed(key: string): void {
    this.entries.delete(key);
  }

  private live(key: string, now: number): Entry | undefined {
    const e = this.entries.get(key);
    if (e && now - e.lastFailure > this.o.forgetAfterMs && now >= e.lockedUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  /** Map iteration is insertion order and `fail` re-inserts: the first keys are the stalest. */
  private evict(): void {
    while (this.entries.size > this.o.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) return;
      this.entries.delete(oldest);
    }
  }
}
