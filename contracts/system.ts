/** Health and the settings the web app needs. */
import { z } from 'zod';
import { practiceModeSchema } from './account.js';

/** `status` is "ok" only when the database answers and the data directory has DISK_MIN_FREE_MB free; else "degraded" (HTTP 503). */
export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  engine: z.string(),
  role: z.string(),
  version: z.string(),
  checks: z
    .object({
      database: z.object({ ok: z.boolean(), error: z.string().optional() }),
      disk: z.object({ ok: z.boolean(), freeMb: z.number().nullable(), minFreeMb: z.number() }),
    })
    .optional(),
});
export type Health = z.infer<typeof healthSchema>;

/** GET /api/config: the recording flow's settings. */
export const appConfigSchema = z.object({ recordingMaxSec: z.number(), thinkTimeSec: z.number(), retakes: z.number(), maxUploadMb: z.number(), engine: z.string(), practiceMode: practiceModeSchema });
export type AppConfig = z.infer<typeof appConfigSchema>;
