/** Counts failed logins per key (the email) in a fixed window; in memory, per process. */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; windowStart: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const f = this.failures.get(key);
    if (!f) return 0;
    if (now - f.windowStart >= this.windowMs) {
      this.failures.delete(key);
      return 0;
    }
    return f.count >= this.maxFailures ? f.windowStart + this.windowMs - now : 0;
  }

  fail(key: string, now = Date.now()): void {
    const f = this.failures.get(key);
    if (!f || now - f.windowStart >= this.windowMs) this.failures.set(key, { count: 1, windowStart: now });
    else f.count++;
    if (this.failures.size > 10_000) this.prune(now);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private prune(now: number): void {
    for (const [k, f] of this.failures) if (now - f.windowStart >= this.windowMs) this.failures.delete(k);
  }
}
