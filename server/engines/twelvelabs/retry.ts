/**
 * Our own retry loop for Twelve Labs calls (the SDK's built-in retry is disabled with maxRetries: 0 because
 * it re-sends an already consumed multipart stream). Each attempt calls `fn` again, so uploads open a fresh stream.
 * Exponential backoff, honouring Retry-After / X-Ratelimit-Reset, bounded by attempts and a deadline.
 */
import { isRetryable, retryAfterMs } from './errors.js';

export interface RetryOptions {
  /** Attempts in total, including the first. */
  maxAttempts: number;
  /** First backoff delay; doubles each retry. */
  baseDelayMs: number;
  /** Upper bound of one wait. */
  maxDelayMs: number;
  /** Absolute time (ms since epoch) after which no new attempt starts. */
  deadline: number;
  signal?: AbortSignal;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

export function backoffDelay(attempt: number, err: unknown, o: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>): number {
  const exp = o.baseDelayMs * 2 ** (attempt - 1);
  const asked = retryAfterMs(err) ?? 0;
  return Math.min(o.maxDelayMs, Math.max(exp, asked));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function withRetry<T>(fn: (attempt: number) => Promise<T>, o: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (!isRetryable(err) || attempt >= o.maxAttempts || o.signal?.aborted) throw err;
      const delayMs = backoffDelay(attempt, err, o);
      if (Date.now() + delayMs >= o.deadline) throw err;
      o.onRetry?.({ attempt, delayMs, error: err });
      await sleep(delayMs, o.signal);
    }
  }
}
