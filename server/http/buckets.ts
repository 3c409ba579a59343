/**
 * Named request buckets shared by several routes (issue 11: /api/answers and /upload each had their own
 * bucket, doubling the upload rate). A route joins one with `config: { bucket: 'uploads' }`; one onRequest
 * hook takes a token per request and client address, and answers 429 RATE_LIMITED with Retry-After when the
 * bucket is empty. Fixed one-minute windows, in memory, per process.
 */
import type { FastifyInstance } from 'fastify';
import { rateLimited } from './errors.js';

export const BUCKETS = ['uploads'] as const;
export type BucketName = (typeof BUCKETS)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A request bucket shared with other routes (server/http/buckets.ts). */
    bucket?: BucketName;
  }
}

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Takes one request for `key`: 0 when allowed, else the milliseconds until the window ends. */
  take(key: string, now = Date.now()): number {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 50_000) this.prune(now);
    }
    if (w.count >= this.max) return w.start + this.windowMs - now;
    w.count++;
    return 0;
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}

export function installBuckets(app: FastifyInstance, limits: Record<BucketName, { perMinute: number }>): void {
  const buckets = Object.fromEntries(BUCKETS.map((b) => [b, new FixedWindowLimiter(limits[b].perMinute, 60_000)])) as Record<BucketName, FixedWindowLimiter>;
  app.addHook('onRequest', async (request, reply) => {
    const name = request.routeOptions.config?.bucket;
    if (!name) return;
    const bucket = buckets[name];
    const wait = bucket.take(request.ip);
    void reply.header('x-ratelimit-limit', bucket.max);
    if (wait > 0) throw rateLimited(`Too many uploads: at most ${bucket.max} per minute from one address (uploads to /api/answers and /upload count together). Try again in ${Math.ceil(wait / 1000)} s.`, wait);
  });
}
