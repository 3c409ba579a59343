import { RATE_LIMITED } from '../../contracts/errors.js';

/** An error the client caused, answered with its status and a message meant for the user. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** Extra response headers (Retry-After on 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (code: string, message: string) => new HttpError(400, code, message);
export const notFound = (code: string, message: string) => new HttpError(404, code, message);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);

/** 429 with code RATE_LIMITED (contracts/errors.ts) and Retry-After in whole seconds. */
export const rateLimited = (message: string, retryAfterMs: number) => {
  const sec = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new HttpError(429, RATE_LIMITED, message, { 'retry-after': String(sec) });
};
