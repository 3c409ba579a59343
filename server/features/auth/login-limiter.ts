/**
 * Slows down password guessing without locking the owner out (issue 11). Failures are counted per
 * (client address, email): after `freeFailures` failures from one address for one email, that pair waits
 * `baseDelayMs`, doubling with each further failure, up to `maxDelayMs`. The same email from another address
 * (the real owner at home, on a phone) is not affected; the per-address request limit caps the guessing rate
 * across emails. Counts are forgotten `forgetMs` after the last failure and on success. In memory, per process.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; last: number }>();

  constructor(
    private readonly freeFailures: number,
    private readonly maxDelayMs: number,
    private readonly baseDelayMs = 30_000,
    private readonly forgetMs = 24 * 3600_000,
  ) {}

  private static key(client: string, email: string): string {
    return `${client}\n${email}`;
  }

  /** Milliseconds until `client` may try `email` again, or 0 when it may try now. */
  retryAfterMs(client: string, email: string, now = Date.now()): number {
    const key = LoginLimiter.key(client, email);
    const f = this.failures.get(key);
    if (!f) return 0;
    if (now - f.last >= this.forgetMs) {
      this.failures.delete(key);
      return 0;
    }
    if (f.count < this.freeFailures) return 0;
    const delay = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.min(20, f.count - this.freeFailures));
    return Math.max(0, f.last + delay - now);
  }

  fail(client: string, email: string, now = Date.now()): void {
    const key = LoginLimiter.key(client, email);
    const f = this.failures.get(key);
    if (!f || now - f.last >= this.forgetMs) this.failures.set(key, { count: 1, last: now });
    else {
      f.count++;
      f.last = now;
    }
    if (this.failures.size > 10_000) this.prune(now);
  }

  succeed(client: string, email: string): void {
    this.failures.delete(LoginLimiter.key(client, email));
  }

  private prune(now: number): void {
    for (const [k, f] of this.failures) if (now - f.last >= this.forgetMs) this.failures.delete(k);
  }
}
