/** A durable job queue. The embedded default keeps jobs in the database; BullMQ can implement the same. */

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

export interface JobQueue {
  enqueue(answerId: string, kind: string): Promise<void>;
  /** True when the answer has a queued or running job. */
  hasActiveJob(answerId: string): Promise<boolean>;
  start(handler: JobHandler, opts: { concurrency: number }): void;
  /** Stops taking jobs; running ones are aborted after `graceMs` and handed back to the queue. */
  stop(graceMs?: number): Promise<void>;
}
