/** The analysis queue as an admin sees it. */
import { z } from 'zod';
import { JOB_STATES, type JobState } from './statuses.js';

export { JOB_STATES, type JobState };

export const jobInfoSchema = z.object({
  id: z.string(),
  answerId: z.string(),
  kind: z.string(),
  state: z.enum(JOB_STATES),
  /** Attempts spent so far. */
  attempts: z.number(),
  /** The last failure's message, if any. */
  error: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type JobInfo = z.infer<typeof jobInfoSchema>;

export const queueStatsSchema = z.object({
  queued: z.number(),
  running: z.number(),
  /** Finished jobs the queue still keeps (BullMQ keeps the last 1000). */
  done: z.number(),
  failed: z.number(),
  /** The most recent failed jobs, newest first. */
  failedJobs: z.array(jobInfoSchema),
});
export type QueueStats = z.infer<typeof queueStatsSchema>;

export const queueQuery = z.object({ failedLimit: z.coerce.number().int().min(0).max(500).default(50) });
export const jobParams = z.object({ id: z.string().min(1).max(200) });
