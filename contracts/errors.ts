/** The error body every API route answers with (see server/http/error-handler.ts). */
import { z } from 'zod';

export const errorBody = z.object({ statusCode: z.number(), error: z.string(), code: z.string(), message: z.string() });
export type ErrorBody = z.infer<typeof errorBody>;

/** The code of every 429 (a rate limit, the analysis budget, sign-in backoff); the response also has Retry-After. */
export const RATE_LIMITED = 'RATE_LIMITED';

/** The errors any signed-in admin route may answer (bad input, no session, not allowed, not found, conflict). */
export const adminErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;
