/** API error type and parsing of the server's error body (pure: no DOM). */
import type { ErrorBody } from '../../../contracts/errors';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The error body as received: any field may be missing or of another type (a proxy's page, an older server). */
type ReceivedBody = { [K in keyof ErrorBody]?: unknown };

/** Builds an ApiError from a response status and its (possibly non-JSON) body text. */
export function errorFromBody(status: number, text: string): ApiError {
  let body: ReceivedBody = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') body = parsed as ReceivedBody;
  } catch {
    // not JSON (a proxy error page, etc.)
  }
  const message =
    typeof body.message === 'string' && body.message
      ? body.message
      : status === 413
        ? 'The video is too large to upload.'
        : status >= 500
          ? 'The server had a problem. Please try again in a moment.'
          : `Request failed (HTTP ${status}).`;
  const code = typeof body.code === 'string' ? body.code : typeof body.error === 'string' ? body.error : `HTTP_${status}`;
  return new ApiError(message, status, code);
}

export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
