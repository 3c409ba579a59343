/** The error body every API route answers with (see server/http/error-handler.ts). */
import { z } from 'zod';

export const errorBody = z.object({ statusCode: z.number(), error: z.string(), code: z.string(), message: z.string() });
export type ErrorBody = z.infer<typeof errorBody>;
