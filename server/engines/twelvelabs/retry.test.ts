import { describe, expect, it } from 'vitest';
import { TwelvelabsApiError, TwelvelabsApiTimeoutError } from 'twelvelabs-js';
import { AnalysisError } from '../engine.js';
import { isRetryable, retryAfterMs, toEngineError } from './errors.js';
import { backoffDelay, withRetry } from './retry.js';

const apiError = (statusCode: number | undefined, headers: Record<string, string> = {}, body: unknown = { code: 'c', message: 'm' }) =>
  new TwelvelabsApiError({ statusCode, body, rawResponse: { headers: new Headers(headers), redirected: false, status: statusCode ?? 0, statusText: '', type: 'basic', url: '' } });

describe('retry policy', () => {
  it('retries 408, 429, 5xx, timeouts and network errors, not other 4xx', () => {
    expect([408, 429, 500, 503].map((s) => isRetryable(apiError(s)))).toEqual([true, true, true, true]);
    expect([400, 401, 404, 422].map((s) => isRetryable(apiError(s)))).toEqual([false, false, false, false]);
    expect(isRetryable(new TwelvelabsApiTimeoutError('t'))).toBe(true);
    expect(isRetryable(apiError(undefined))).toBe(true);
    expect(isRetryable(new Error('bug'))).toBe(false);
  });
  it('reads Retry-After (seconds or date) and X-Ratelimit-Reset (delta or epoch)', () => {
    const now = 1_700_000_000_000;
    expect(retryAfterMs(apiError(429, { 'retry-after': '3' }), now)).toBe(3000);
    expect(retryAfterMs(apiError(429, { 'retry-after': new Date(now + 5000).toUTCString() }), now)).toBe(5000);
    expect(retryAfterMs(apiError(429, { 'x-ratelimit-reset': '7' }), now)).toBe(7000);
    expect(retryAfterMs(apiError(429, { 'x-ratelimit-reset': String(now / 1000 + 2) }), now)).toBe(2000);
    expect(retryAfterMs(apiError(429), now)).toBeUndefined();
  });
  it('backs off exponentially, at least what the server asked, at most maxDelayMs', () => {
    const o = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 5].map((n) => backoffDelay(n, apiError(500), o))).toEqual([100, 200, 400, 1000]);
    expect(backoffDelay(1, apiError(429, { 'retry-after': '0.5' }), o)).toBe(500);
  });
  it('calls again until success, within maxAttempts and the deadline', async () => {
    let n = 0;
    const ok = await withRetry(async () => { if (++n < 3) throw apiError(502); return 'done'; }, { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 5, deadline: Date.now() + 5000 });
    expect([ok, n]).toEqual(['done', 3]);
    n = 0;
    await expect(withRetry(async () => { n++; throw apiError(502); }, { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, deadline: Date.now() + 5000 })).rejects.toThrow(/502/);
    expect(n).toBe(3);
    n = 0;
    await expect(withRetry(async () => { n++; throw apiError(429, { 'retry-after': '60' }); }, { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 120_000, deadline: Date.now() + 1000 })).rejects.toThrow(/429/);
    expect(n).toBe(1); // waiting 60 s would pass the deadline
  });
});

describe('toEngineError', () => {
  it('maps 401 to a permanent, key-free message', () => {
    const e = toEngineError(apiError(401, {}, { code: 'api_key_invalid', message: 'key tlk_abc invalid' }), 'uploading', 'tlk_abc');
    expect(e).toBeInstanceOf(AnalysisError);
    expect(e.message).toBe('Twelve Labs rejected the API key (HTTP 401) while uploading: check TWELVE_LABS_API_KEY.');
    expect((e as AnalysisError).permanent).toBe(true);
  });
  it('maps refused requests to permanent errors and server trouble to transient ones, redacting the key', () => {
    const refused = toEngineError(apiError(400, {}, { code: 'parameter_invalid', message: 'bad tlk_abc' }), 'analysing', 'tlk_abc') as AnalysisError;
    expect(refused.message).toBe('Twelve Labs refused the request while analysing (HTTP 400): parameter_invalid: bad [redacted]');
    expect(refused.permanent).toBe(true);
    const down = toEngineError(apiError(503), 'analysing', 'k') as AnalysisError;
    expect(down.permanent).toBe(false);
    expect(down.message).toMatch(/HTTP 503/);
  });
});
