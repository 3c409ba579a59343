import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DB, JobsTable } from '../../db/schema.js';
import { type EnqueueOptions, type Job, type JobHandler, type JobInfo, type JobQueue, PermanentJobError, type QueueStats } from './queue.js';

export interface DbQueueOptions {
  maxAttempts: number;
  /** A running job's lease; renewed while it runs, so only a dead worker's job expires. */
  leaseMs?: number;
  pollMs?: number;
  /** Backoff before retry n (1-based): base * 4^(n-1), capped. */
  backoffBaseMs?: number;
  /** Embedded mode: this process is the only worker, so jobs left running by a dead process are taken back at start. */
  reclaimOnStart?: boolean;
  /** Postgres: claim with `FOR UPDATE SKIP LOCKED`, so concurrent workers never take the same job (SQLite serialises writers itself). */
  lockRows?: boolean;
  log?: { info(o: object, m?: string): void; warn(o: object, m?: string): void; error(o: object, m?: string): void };
  /** The table: `jobs` (analysis, default) or `stream_jobs` (streamed uploads; the same columns, the subject is an upload id). */
  table?: 'jobs' | 'stream_jobs';
}

/** Seconds since 2025-01-01: keeps `priority` small enough for a 32-bit integer column for decades. */
const PRIORITY_EPOCH_SEC = 1_735_689_600;
/** Virtual delay per job a client already has waiting: about one analysis. */
const RANK_SPACING_SEC = 120;

/** Jobs in the `jobs` table, claimed in a transaction, with leases and retries with backoff. */
export class DbJobQueue implements JobQueue {
  private readonly workerId = `w-${randomUUID()}`;
  private readonly running = new Map<string, AbortController>();
  private handler: JobHandler | null = null;
  private concurrency = 1;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private pumping = false;
  private readonly inFlight = new Set<Promise<void>>();
  /** Both tables have the same columns (migration 010); typed as `jobs` for Kysely. */
  private readonly table: 'jobs';

  constructor(
    private readonly db: Kysely<DB>,
    private readonly opts: DbQueueOptions,
  ) {
    this.table = (opts.table ?? 'jobs') as 'jobs';
  }

  private get leaseMs() {
    return this.opts.leaseMs ?? 60_000;
  }

  /** Jobs run in order of `priority`: a virtual start time, the enqueue time (s) plus RANK_SPACING_SEC per job the client already had waiting. */
  async enqueue(answerId: string, kind: string, opts: EnqueueOptions = {}): Promise<void> {
    const at = new Date();
    const now = at.toISOString();
    const priority = Math.floor(at.getTime() / 1000) - PRIORITY_EPOCH_SEC + Math.max(0, opts.rank ?? 0) * RANK_SPACING_SEC;
    await this.db
      .insertInto(this.table)
      .values({ id: randomUUID(), answer_id: answerId, kind, status: 'queued', max_attempts: this.opts.maxAttempts, run_after: now, locked_by: null, locked_until: null, last_error: null, created_at: now, updated_at: now, priority })
      .execute();
    this.wake();
  }

  async hasActiveJob(answerId: string): Promise<boolean> {
    const row = await this.db.selectFrom(this.table).select('id').where('answer_id', '=', answerId).where('status', 'in', ['queued', 'running']).executeTakeFirst();
    return Boolean(row);
  }

  start(handler: JobHandler, opts: { concurrency: number }): void {
    this.handler = handler;
    this.concurrency = opts.concurrency;
    this.stopped = false;
    const begin = this.opts.reclaimOnStart ? this.reclaimAll() : Promise.resolve();
    void begin.then(() => {
      this.timer = setInterval(() => this.wake(), this.opts.pollMs ?? 1000);
      this.timer.unref();
      this.wake();
    });
  }

  async stop(graceMs = 10_000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    const all = Promise.allSettled([...this.inFlight]);
    const timeout = () => new Promise((r) => setTimeout(r, graceMs).unref());
    await Promise.race([all, timeout()]);
    for (const ac of this.running.values()) ac.abort(new Error('shutting down'));
    // A handler that ignores the abort keeps its lease; it expires and another worker takes the job.
    await Promise.race([all, timeout()]);
  }

  /** Jobs left `running` by a previous process go back to the queue. */
  private async reclaimAll(): Promise<void> {
    const res = await this.db
      .updateTable(this.table)
      .set({ status: 'queued', locked_by: null, locked_until: null, updated_at: new Date().toISOString() })
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) > 0) this.opts.log?.warn({ count: Number(res.numUpdatedRows) }, 'took back jobs interrupted by a previous stop');
  }

  private wake(): void {
    if (this.stopped || this.pumping) return;
    this.pumping = true;
    void this.pump().finally(() => {
      this.pumping = false;
    });
  }

  private async pump(): Promise<void> {
    while (!this.stopped && this.running.size < this.concurrency) {
      const job = await this.claim();
      if (!job) return;
      const p = this.execute(job).finally(() => {
        this.inFlight.delete(p);
        this.wake();
      });
      this.inFlight.add(p);
    }
  }

  private async claim(): Promise<Job | null> {
    const now = new Date();
    const nowIso = now.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom(this.table)
        .selectAll()
        .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('run_after', '<=', nowIso)]), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso)])]))
        .orderBy('priority')
        .orderBy('run_after')
        .limit(1)
        .$if(Boolean(this.opts.lockRows), (qb) => qb.forUpdate().skipLocked())
        .executeTakeFirst();
      if (!row) return null;
      const attempt = row.attempts + 1;
      await trx
        .updateTable(this.table)
        .set({ status: 'running', attempts: attempt, locked_by: this.workerId, locked_until: new Date(now.getTime() + this.leaseMs).toISOString(), updated_at: nowIso })
        .where('id', '=', row.id)
        .execute();
      return { id: row.id, answerId: row.answer_id, kind: row.kind, attempt, maxAttempts: row.max_attempts };
    });
  }

  private async execute(job: Job): Promise<void> {
    const ac = new AbortController();
    this.running.set(job.id, ac);
    const renew = setInterval(() => {
      void this.db.updateTable(this.table).set({ locked_until: new Date(Date.now() + this.leaseMs).toISOString() }).where('id', '=', job.id).where('locked_by', '=', this.workerId).execute().catch(() => {});
    }, this.leaseMs / 3);
    renew.unref();
    try {
      await this.handler!(job, ac.signal);
      await this.finish(job, 'done', null);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (this.stopped && ac.signal.aborted) {
        // Shutting down: hand the job back without spending an attempt.
        await this.db.updateTable(this.table).set({ status: 'queued', attempts: job.attempt - 1, locked_by: null, locked_until: null, updated_at: new Date().toISOString() }).where('id', '=', job.id).execute();
      } else if (err instanceof PermanentJobError || job.attempt >= job.maxAttempts) {
        await this.finish(job, 'failed', message);
      } else {
        const delay = Math.min((this.opts.backoffBaseMs ?? 2000) * 4 ** (job.attempt - 1), 5 * 60_000);
        this.opts.log?.warn({ jobId: job.id, answerId: job.answerId, attempt: job.attempt, delay, err: message }, 'job failed, will retry');
        await this.db
          .updateTable(this.table)
          .set({ status: 'queued', last_error: message, run_after: new Date(Date.now() + delay).toISOString(), locked_by: null, locked_until: null, updated_at: new Date().toISOString() })
          .where('id', '=', job.id)
          .execute();
      }
    } finally {
      clearInterval(renew);
      this.running.delete(job.id);
    }
  }

  async stats(opts: { failedLimit?: number } = {}): Promise<QueueStats> {
    const rows = await this.db.selectFrom(this.table).select((eb) => ['status', eb.fn.countAll<number | string>().as('n')]).groupBy('status').execute();
    const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    const failed = await this.db.selectFrom(this.table).selectAll().where('status', '=', 'failed').orderBy('updated_at', 'desc').limit(opts.failedLimit ?? 50).execute();
    return { queued: count('queued'), running: count('running'), done: count('done'), failed: count('failed'), failedJobs: failed.map(toInfo) };
  }

  async getJob(id: string): Promise<JobInfo | null> {
    const row = await this.db.selectFrom(this.table).selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toInfo(row) : null;
  }

  async retry(id: string): Promise<boolean> {
    const now = new Date().toISOString();
    const res = await this.db
      .updateTable(this.table)
      .set({ status: 'queued', attempts: 0, run_after: now, locked_by: null, locked_until: null, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    const ok = Number(res.numUpdatedRows) > 0;
    if (ok) this.wake();
    return ok;
  }

  private async finish(job: Job, status: 'done' | 'failed', error: string | null): Promise<void> {
    await this.db.updateTable(this.table).set({ status, last_error: error, locked_by: null, locked_until: null, updated_at: new Date().toISOString() }).where('id', '=', job.id).execute();
  }
}

function toInfo(r: Selectable<JobsTable>): JobInfo {
  return { id: r.id, answerId: r.answer_id, kind: r.kind, state: r.status, attempts: r.attempts, error: r.last_error, updatedAt: r.updated_at };
}
