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
  /** Attempts begun and not yet finished. */
  pending: number;
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

  /**
   * Milliseconds until any of `keys` may try again; 0 when all may. A key whose free attempts
   * are all taken by attempts still being checked waits for them (one lock step), so parallel
   * requests never get more checks than the free ones.
   */
  retryAfterMs(keys: readonly string[]): number {
    const now = this.o.now();
    let wait = 0;
    for (const k of keys) {
      const e = this.live(k, now);
      if (!e) continue;
      wait = Math.max(wait, e.lockedUntil - now);
      if (e.pending > 0 && e.failures + e.pending >= this.o.freeFailures) wait = Math.max(wait, this.o.baseLockMs);
    }
    return wait;
  }

  /**
   * Counts an attempt for every key *before* its password or code is checked: 0, or (counting
   * nothing) the wait in ms when any key is locked. Synchronous, so no two requests can both
   * pass a check that only a finished hash would have advanced. Each begun attempt ends with
   * `finish`.
   */
  begin(keys: readonly string[]): number {
    const wait = this.retryAfterMs(keys);
    if (wait > 0) return wait;
    const now = this.o.now();
    for (const k of keys) {
      const e = this.live(k, now) ?? { failures: 0, pending: 0, lockedUntil: 0, lastFailure: now };
      e.pending += 1;
      this.entries.delete(k);
      this.entries.set(k, e);
    }
    this.evict();
    return 0;
  }

  /**
   * Ends an attempt begun with `begin`. A miss counts, and past the free ones locks the key for
   * twice as long as the last time, from now; a success clears an account key (`clears`), while
   * a client key only decays, or one valid account would reset it for every guess.
   */
  finish(key: string, ok: boolean, clears: boolean): void {
    const now = this.o.now();
    const e = this.entries.get(key) ?? { failures: 0, pending: 1, lockedUntil: 0, lastFailure: now };
    e.pending = Math.max(0, e.pending - 1);
    if (ok) {
      if (clears) e.failures = 0;
      if (e.failures === 0 && e.pending === 0) this.entries.delete(key);
      else this.entries.set(key, e);
      return;
    }
    e.failures += 1;
    e.lastFailure = now;
    const over = e.failures - this.o.freeFailures + 1;
    if (over > 0) e.lockedUntil = now + Math.min(this.o.maxLockMs, this.o.baseLockMs * 2 ** Math.min(over - 1, 30));
    this.entries.delete(key);
    this.entries.set(key, e);
    this.evict();
  }

  private live(key: string, now: number): Entry | undefined {
    const e = this.entries.get(key);
    if (e && e.pending === 0 && now - e.lastFailure > this.o.forgetAfterMs && now >= e.lockedUntil) {
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
