/** A durable job queue. The embedded default keeps jobs in the database; BullMQ can implement the same. */
import type { JobInfo, QueueStats } from '../../../contracts/queue.js';

export interface Job {
  id: string;
  answerId: string;
  kind: string;
  /** 1 for the first run. */
  attempt: number;
  maxAttempts: number;
}

export type JobHandler = (job: Job, signal: AbortSignal) => Promise<void>;

/** Thrown by a handler for a failure that retrying cannot fix. A handler sees its last attempt as
 * `err instanceof PermanentJobError || job.attempt >= job.maxAttempts`: the queue uses the same rule. */
export class PermanentJobError extends Error {}

/** One job as the admin sees it, and the counts per state (contracts/queue.ts). */
export type { JobInfo, JobState, QueueStats } from '../../../contracts/queue.js';

export interface EnqueueOptions {
  /**
   * How many jobs of the same client were already waiting (0 = its first). Each one puts the new job a
   * little further back, so one client's backlog does not starve another client's first job (issue 11).
   */
  rank?: number;
}

export interface JobQueue {
  enqueue(answerId: string, kind: string, opts?: EnqueueOptions): Promise<void>;
  /** True when the answer has a queued or running job. */
  hasActiveJob(answerId: string): Promise<boolean>;
  start(handler: JobHandler, opts: { concurrency: number }): void;
  /** Stops taking jobs; running ones are aborted after `graceMs` and handed back to the queue. */
  stop(graceMs?: number): Promise<void>;
  /** Counts per state and the latest failed jobs (at most `failedLimit`, default 50). */
  stats(opts?: { failedLimit?: number }): Promise<QueueStats>;
  getJob(id: string): Promise<JobInfo | null>;
  /** Queues a failed job again with a fresh attempt budget; false when it is not (or no longer) failed. */
  retry(id: string): Promise<boolean>;
}
