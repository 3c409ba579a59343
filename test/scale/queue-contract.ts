/** The behaviour every JobQueue must have (the database queue, BullMQ): one suite, run against each. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Job, type JobQueue, type JobState, PermanentJobError } from '../../server/infra/queue/queue.js';

export interface QueueOpts {
  maxAttempts?: number;
  /** Base of the backoff before retry n: base * 4^(n-1). */
  backoffBaseMs?: number;
}

/** One test's world: a fresh backend that any number of queues (= worker processes) share. */
export interface QueueWorld {
  /** Answer ids the queue may take jobs for. */
  answers: string[];
  queue(opts?: QueueOpts): JobQueue;
  /** The process owning `q` dies: its handler never returns and it stops renewing its lease/lock. */
  kill(q: JobQueue): Promise<void>;
  /** The job of an answer, as the backend has it. */
  job(answerId: string): Promise<{ state: JobState; attempts: number; error: string | null } | null>;
  close(): Promise<void>;
}

export async function until(pred: () => Promise<boolean> | boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`${what} not reached within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const hang = () => new Promise<void>(() => {});

export function queueContract(name: string, begin: () => Promise<QueueWorld>): void {
  describe(`JobQueue contract: ${name}`, () => {
    let w: QueueWorld;
    let a1: string, a2: string, a3: string;
    const made: JobQueue[] = [];
    const queue = (opts?: QueueOpts) => {
      const q = w.queue(opts);
      made.push(q);
      return q;
    };
    const state = async (id: string) => (await w.job(id))?.state;

    beforeEach(async () => {
      w = await begin();
      [a1, a2, a3] = w.answers as [string, string, string];
    });
    afterEach(async () => {
      for (const q of made.splice(0)) await q.stop(100);
      await w.close();
    });

    it('runs each job once, at most `concurrency` at a time', async () => {
      const q = queue();
      let active = 0;
      let peak = 0;
      const seen: string[] = [];
      q.start(async (job) => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 150));
        seen.push(job.answerId);
        active--;
      }, { concurrency: 2 });
      for (const id of [a1, a2, a3]) await q.enqueue(id, 'analyze');
      await until(async () => (await state(a1)) === 'done' && (await state(a2)) === 'done' && (await state(a3)) === 'done');
      expect(seen.sort()).toEqual([a1, a2, a3].sort());
      expect(peak).toBe(2);
      expect(await q.hasActiveJob(a1)).toBe(false);
    });

    it('says an answer has an active job while it is queued or running', async () => {
      const q = queue();
      await q.enqueue(a1, 'analyze');
      expect(await q.hasActiveJob(a1)).toBe(true);
      expect(await q.hasActiveJob(a2)).toBe(false);
      let release!: () => void;
      q.start(() => new Promise<void>((r) => (release = r)), { concurrency: 1 });
      await until(async () => (await state(a1)) === 'running');
      expect(await q.hasActiveJob(a1)).toBe(true);
      release();
      await until(async () => (await state(a1)) === 'done');
      expect(await q.hasActiveJob(a1)).toBe(false);
    });

    it('retries a transient failure with growing backoff, then succeeds', async () => {
      const q = queue({ backoffBaseMs: 60 });
      const attempts: Array<[number, number]> = [];
      q.start(async (job) => {
        attempts.push([job.attempt, Date.now()]);
        if (job.attempt < 3) throw new Error('flaky');
      }, { concurrency: 1 });
      await q.enqueue(a1, 'analyze');
      await until(async () => (await state(a1)) === 'done');
      expect(attempts.map(([n]) => n)).toEqual([1, 2, 3]);
      const [t1, t2, t3] = attempts.map(([, t]) => t) as [number, number, number];
      expect(t2 - t1).toBeGreaterThanOrEqual(55); // 60 ms before retry 1
      expect(t3 - t2).toBeGreaterThanOrEqual(230); // 240 ms before retry 2
    });

    it('ends as failed with the reason after the retry budget, or at once for a permanent error', async () => {
      const q = queue({ maxAttempts: 2 });
      const calls: Record<string, number> = {};
      q.start(async (job: Job) => {
        calls[job.answerId] = (calls[job.answerId] ?? 0) + 1;
        expect(job.maxAttempts).toBe(2);
        if (job.answerId === a1) throw new Error('still broken');
        throw new PermanentJobError('not a video');
      }, { concurrency: 1 });
      await q.enqueue(a1, 'analyze');
      await q.enqueue(a2, 'analyze');
      await until(async () => (await state(a1)) === 'failed' && (await state(a2)) === 'failed');
      expect(await w.job(a1)).toMatchObject({ attempts: 2, error: 'still broken' });
      expect(await w.job(a2)).toMatchObject({ attempts: 1, error: 'not a video' });
      expect(calls).toEqual({ [a1]: 2, [a2]: 1 });
      expect(await q.hasActiveJob(a1)).toBe(false);
    });

    it("lets another worker take a dead worker's job, and runs it once there", async () => {
      const dead = queue();
      dead.start(hang, { concurrency: 1 });
      await dead.enqueue(a2, 'analyze');
      await until(async () => (await state(a2)) === 'running');
      await w.kill(dead);
      const other = queue();
      const ran: string[] = [];
      other.start(async (job) => void ran.push(job.answerId), { concurrency: 1 });
      await until(async () => (await state(a2)) === 'done', 15_000, 'the job taken over');
      expect(ran).toEqual([a2]);
    });

    it('hands a running job back without spending an attempt when stopped', async () => {
      const q = queue();
      q.start((_job, signal) => new Promise((_res, rej) => signal.addEventListener('abort', () => rej(new Error('aborted')))), { concurrency: 1 });
      await q.enqueue(a3, 'analyze');
      await until(async () => (await state(a3)) === 'running');
      await q.stop(50);
      expect(await w.job(a3)).toMatchObject({ state: 'queued', attempts: 0 });
      // and the next worker runs it as a first attempt
      const next = queue();
      const seen: number[] = [];
      next.start(async (job) => void seen.push(job.attempt), { concurrency: 1 });
      await until(async () => (await state(a3)) === 'done');
      expect(seen).toEqual([1]);
    });

    it('counts jobs per state, lists failed jobs with their reason, and retries one with a fresh budget', async () => {
      const q = queue({ maxAttempts: 1 });
      let fail = true;
      q.start(async (job) => {
        if (fail && job.answerId === a1) throw new Error('decoder crashed');
      }, { concurrency: 1 });
      await q.enqueue(a1, 'analyze');
      await q.enqueue(a2, 'analyze');
      await until(async () => (await state(a1)) === 'failed' && (await state(a2)) === 'done');
      const stats = await q.stats();
      expect(stats).toMatchObject({ queued: 0, running: 0, done: 1, failed: 1 });
      expect(stats.failedJobs).toHaveLength(1);
      const failed = stats.failedJobs[0]!;
      expect(failed).toMatchObject({ answerId: a1, kind: 'analyze', state: 'failed', attempts: 1, error: 'decoder crashed' });
      expect(await q.getJob(failed.id)).toMatchObject({ answerId: a1, state: 'failed' });
      expect(await q.getJob('no-such-job')).toBeNull();

      const done = (await q.stats()).failedJobs.length;
      expect(done).toBe(1);
      fail = false;
      expect(await q.retry(failed.id)).toBe(true);
      await until(async () => (await state(a1)) === 'done');
      expect(await q.retry(failed.id)).toBe(false); // done now: nothing to retry
      expect(await q.stats()).toMatchObject({ queued: 0, running: 0, done: 2, failed: 0, failedJobs: [] });
    });

    it('queues a failed answer again when it is enqueued again (the answer retry path)', async () => {
      const q = queue({ maxAttempts: 1 });
      const runs: number[] = [];
      q.start(async (job) => {
        runs.push(job.attempt);
        if (runs.length === 1) throw new PermanentJobError('bad upload');
      }, { concurrency: 1 });
      await q.enqueue(a1, 'analyze');
      await until(async () => (await state(a1)) === 'failed');
      await q.enqueue(a1, 'analyze');
      await until(async () => (await state(a1)) === 'done');
      expect(runs).toEqual([1, 1]);
    });
  });
}
