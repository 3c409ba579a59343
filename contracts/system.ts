/** Health and the settings the web app needs. */
import { z } from 'zod';
import { practiceModeSchema } from './account.js';

export const healthSchema = z.object({ status: z.literal('ok'), engine: z.string(), role: z.string(), version: z.string() });
export type Health = z.infer<typeof healthSchema>;

/** GET /api/config: the recording flow's settings. */
export const appConfigSchema = z.object({ recordingMaxSec: z.number(), thinkTimeSec: z.number(), retakes: z.number(), maxUploadMb: z.number(), engine: z.string(), practiceMode: practiceModeSchema });
export type AppConfig = z.infer<typeof appConfigSchema>;
