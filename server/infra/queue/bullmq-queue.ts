/**
 * The job queue on Redis with BullMQ, for several worker processes. One BullMQ job per answer
 * (id `answer-<answerId>`), so "does this answer have a job" is a single lookup. A worker that dies
 * loses its lock; another worker's stalled-job check puts the job back (BullMQ's stalled jobs).
 */
import { type Job as BullJob, type JobType, Queue, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import { type EnqueueOptions, type Job, type JobHandler, type JobInfo, type JobQueue, type JobState, PermanentJobError, type QueueStats } from './queue.js';

export interface BullMqQueueOptions {
  /** redis:// or rediss:// */
  url: string;
  maxAttempts: number;
  queueName?: string;
  /** Key prefix in Redis, so several apps (or tests) can share one Redis. */
  prefix?: string;
  /** Backoff before retry n (1-based): base * 4^(n-1), capped at 5 min (as the embedded queue). */
  backoffBaseMs?: number;
  /** A running job's lock; renewed while it runs, so only a dead worker's lock expires. */
  lockDurationMs?: number;
  /** How often each worker looks for jobs whose worker died. */
  stalledIntervalMs?: number;
  /** A job whose worker died this many times ends as failed (a video that kills the worker every time). */
  maxStalledCount?: number;
  /** Finished jobs kept for the admin view. */
  keepDone?: number;
  keepFailed?: number;
  log?: { info(o: object, m?: string): void; warn(o: object, m?: string): void; error(o: object, m?: string): void };
}

interface JobData {
  answerId: string;
}

const ACTIVE: readonly string[] = ['waiting', 'wait', 'active', 'delayed', 'prioritized', 'paused', 'waiting-children'];
const jobIdOf = (answerId: string) => `answer-${answerId}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

export class BullMqJobQueue implements JobQueue {
  private readonly queue: Queue<JobData>;
  private worker: Worker<JobData> | null = null;
  private readonly running = new Map<string, AbortController>();
  private stopping = false;

  constructor(private readonly opts: BullMqQueueOptions) {
    this.queue = new Queue<JobData>(this.name, { connection: this.connection(), prefix: this.prefix });
    this.queue.on('error', (err) => this.opts.log?.error({ err: err.message }, 'job queue connection error'));
  }

  private get name() {
    return this.opts.queueName ?? 'analysis';
  }

  private get prefix() {
    return this.opts.prefix ?? 'ia';
  }

  private connection() {
    return { url: this.opts.url, maxRetriesPerRequest: null };
  }

  /** Resolves once Redis answers (startup check with a clear error). */
  async ready(): Promise<void> {
    await this.queue.waitUntilReady();
  }

  /** `rank` becomes BullMQ's priority (lower runs first): a client's backlog waits behind other clients' first jobs. */
  async enqueue(answerId: string, kind: string, opts: EnqueueOptions = {}): Promise<void> {
    const id = jobIdOf(answerId);
    for (let waited = 0; ; waited += 50) {
      const existing = await this.queue.getJob(id);
      if (!existing) break;
      const state = await existing.getState();
      if (state === 'completed' || state === 'failed' || state === 'unknown') {
        await existing.remove();
        break;
      }
      // Its handler already recorded the outcome and is returning: wait until BullMQ files the job.
      if (state === 'active' && waited < 10_000) {
        await sleep(50);
        continue;
      }
      if (state === 'active') throw new Error(`answer ${answerId} still has a running job`);
      return; // already queued: one job per answer
    }
    await this.queue.add(kind, { answerId }, {
      jobId: id,
      ...(opts.rank ? { priority: Math.min(2_097_151, opts.rank + 1) } : {}),
      attempts: this.opts.maxAttempts,
      backoff: { type: 'ia' },
      removeOnComplete: { count: this.opts.keepDone ?? 1000 },
      removeOnFail: { count: this.opts.keepFailed ?? 1000 },
    });
  }

  async hasActiveJob(answerId: string): Promise<boolean> {
    const job = await this.queue.getJob(jobIdOf(answerId));
    return job ? ACTIVE.includes(await job.getState()) : false;
  }

  start(handler: JobHandler, opts: { concurrency: number }): void {
    this.stopping = false;
    const base = this.opts.backoffBaseMs ?? 2000;
    this.worker = new Worker<JobData>(this.name, (bj, token) => this.process(handler, bj, token), {
      connection: this.connection(),
      prefix: this.prefix,
      concurrency: opts.concurrency,
      lockDuration: this.opts.lockDurationMs ?? 30_000,
      stalledInterval: this.opts.stalledIntervalMs ?? 30_000,
      maxStalledCount: this.opts.maxStalledCount ?? 2,
      settings: { backoffStrategy: (attemptsMade: number) => Math.min(base * 4 ** (attemptsMade - 1), 5 * 60_000) },
    });
    this.worker.on('error', (err) => this.opts.log?.error({ err: err.message }, 'job worker error'));
    this.worker.on('failed', (bj, err) => {
      if (bj) this.opts.log?.warn({ jobId: bj.id, answerId: bj.data.answerId, attempt: bj.attemptsMade, err: err.message }, 'job failed');
    });
  }

  private async process(handler: JobHandler, bj: BullJob<JobData>, token?: string): Promise<void> {
    const ac = new AbortController();
    const id = bj.id!;
    this.running.set(id, ac);
    const job: Job = { id, answerId: bj.data.answerId, kind: bj.name, attempt: bj.attemptsMade + 1, maxAttempts: bj.opts.attempts ?? 1 };
    try {
      await handler(job, ac.signal);
    } catch (err) {
      if (this.stopping && ac.signal.aborted) {
        // Shutting down: hand the job back without spending an attempt.
        await bj.moveToWait(token);
        throw new WaitingError();
      }
      if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
      throw err;
    } finally {
      this.running.delete(id);
    }
  }

  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const closed = worker.close(); // takes no new job, waits for the running ones
    const within = (ms: number) => Promise.race([closed.then(() => true), sleep(ms).then(() => false)]);
    if (await within(graceMs)) return;
    for (const ac of this.running.values()) ac.abort(new Error('shutting down'));
    // A handler that ignores the abort keeps its lock until the process exits; then its job stalls and another worker takes it.
    if (!(await within(graceMs))) await worker.close(true);
  }

  async stats(opts: { failedLimit?: number } = {}): Promise<QueueStats> {
    const c = await this.queue.getJobCounts('wait', 'active', 'completed', 'failed', 'delayed', 'prioritized', 'waiting-children');
    const n = (k: string) => c[k] ?? 0;
    const failed = await this.queue.getFailed(0, (opts.failedLimit ?? 50) - 1);
    return {
      queued: n('wait') + n('delayed') + n('prioritized') + n('waiting-children'),
      running: n('active'),
      done: n('completed'),
      failed: n('failed'),
      failedJobs: failed.filter(Boolean).map((j) => toInfo(j, 'failed')),
    };
  }

  async getJob(id: string): Promise<JobInfo | null> {
    const job = await this.queue.getJob(id);
    if (!job) return null;
    const state = await job.getState();
    return state === 'unknown' ? null : toInfo(job, stateOf(state));
  }

  async retry(id: string): Promise<boolean> {
    const job = await this.queue.getJob(id);
    if (!job || (await job.getState()) !== 'failed') return false;
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return true;
  }

  /** Closes the Redis connections (after stop). */
  async close(): Promise<void> {
    await this.stop(0);
    await this.queue.close();
  }
}

function stateOf(s: JobType | 'unknown'): JobState {
  if (s === 'active') return 'running';
  if (s === 'completed') return 'done';
  if (s === 'failed') return 'failed';
  return 'queued';
}

function toInfo(j: BullJob<JobData>, state: JobState): JobInfo {
  const at = j.finishedOn ?? j.processedOn ?? j.timestamp;
  return { id: j.id!, answerId: j.data.answerId, kind: j.name, state, attempts: j.attemptsMade, error: j.failedReason || null, updatedAt: at ? new Date(at).toISOString() : null };
}
