/** Classify Twelve Labs SDK errors: retryable or not, and the message shown to the user (never the API key). */
import { TwelvelabsApiError, TwelvelabsApiTimeoutError } from 'twelvelabs-js';
import { AnalysisError } from '../engine.js';

export function statusOf(err: unknown): number | undefined {
  return err instanceof TwelvelabsApiError ? err.statusCode : undefined;
}

/** The `message` of a Twelve Labs error body `{ code, message }`, if any. */
export function apiMessage(err: unknown): string | undefined {
  if (!(err instanceof TwelvelabsApiError)) return undefined;
  const body = err.body as { message?: unknown; code?: unknown } | undefined;
  if (body && typeof body === 'object' && typeof body.message === 'string') {
    return typeof body.code === 'string' ? `${body.code}: ${body.message}` : body.message;
  }
  return undefined;
}

/** 408, 429 and 5xx, SDK timeouts and network failures (no status) are worth retrying. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof TwelvelabsApiTimeoutError) return true;
  if (!(err instanceof TwelvelabsApiError)) return false;
  const s = err.statusCode;
  if (s === undefined) return true; // connection refused/reset: the SDK reports reason "unknown" without status
  return s === 408 || s === 429 || s >= 500;
}

/**
 * How long the server asked us to wait, in ms: `Retry-After` (seconds or an HTTP date) or
 * `X-Ratelimit-Reset` (seconds from now, or a Unix time in seconds). Undefined when absent.
 */
export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  if (!(err instanceof TwelvelabsApiError)) return undefined;
  const headers = err.rawResponse?.headers;
  if (!headers || typeof headers.get !== 'function') return undefined;
  const ra = headers.get('retry-after');
  if (ra) {
    const secs = Number(ra);
    if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
    const at = Date.parse(ra);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  const reset = Number(headers.get('x-ratelimit-reset') ?? NaN);
  if (Number.isFinite(reset)) return Math.max(0, reset > 1e9 ? reset * 1000 - now : reset * 1000);
  return undefined;
}

export function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}

/**
 * The error to throw for a failed call: permanent AnalysisError for 401/403 and refused requests (4xx),
 * a transient AnalysisError (permanent=false) for the rest, so the job runner may retry later.
 */
export function toEngineError(err: unknown, what: string, apiKey: string): Error {
  if (err instanceof AnalysisError) return err;
  const status = statusOf(err);
  if (status === 401 || status === 403) {
    return new AnalysisError(
      `Twelve Labs rejected the API key (HTTP ${status}) while ${what}: check TWELVE_LABS_API_KEY.`,
    );
  }
  const detail = redact(apiMessage(err) ?? (err instanceof Error ? err.message.split('\n')[0] ?? '' : String(err)), apiKey);
  if (err instanceof TwelvelabsApiTimeoutError) {
    return new AnalysisError(`Twelve Labs did not answer in time while ${what}.`, false);
  }
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return new AnalysisError(`Twelve Labs refused the request while ${what} (HTTP ${status}): ${detail}`);
  }
  const code = status === undefined ? 'network error' : `HTTP ${status}`;
  return new AnalysisError(`Twelve Labs failed while ${what} (${code}): ${detail}`, false);
}
