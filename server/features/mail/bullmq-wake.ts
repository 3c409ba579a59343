/**
 * With REDIS_URL (scale-out): every outbox row also gets a BullMQ delayed job (`mail-<id>`, delayed to the row's
 * not-before time). The delayed job lives in Redis, so it survives restarts of every process, and BullMQ hands it
 * to one worker, which drains the outbox: the mail goes out on time without waiting for a poll. The outbox's own
 * claim (a conditional update in the database) still guarantees one send per row, whoever wakes first; the slow
 * poller stays as the safety net.
 */
import { Queue, Worker } from 'bullmq';
import type { OutboxWake } from './mail.outbox.js';

export class BullMqWake implements OutboxWake {
  private readonly queue: Queue;
  private worker: Worker | null = null;

  constructor(private readonly opts: { url: string; prefix?: string; queueName?: string; log?: { error(o: object, m?: string): void } }) {
    this.queue = new Queue(this.name, { connection: { url: opts.url, maxRetriesPerRequest: null }, prefix: this.prefix });
    this.queue.on('error', (err) => opts.log?.error({ err: err.message }, 'mail wake-up queue error'));
  }

  private get name() {
    return this.opts.queueName ?? 'hiring-mail';
  }

  private get prefix() {
    return this.opts.prefix ?? 'ia';
  }

  async schedule(id: string, at: Date): Promise<void> {
    // one job per outbox row; adding it twice (two processes) keeps one
    await this.queue.add('send', { id }, { jobId: `mail-${id}`, delay: Math.max(0, at.getTime() - Date.now()), removeOnComplete: true, removeOnFail: 100, attempts: 3, backoff: { type: 'exponential', delay: 5000 } });
  }

  start(drain: () => Promise<void>): void {
    this.worker = new Worker(this.name, async () => drain(), { connection: { url: this.opts.url, maxRetriesPerRequest: null }, prefix: this.prefix, concurrency: 1 });
    this.worker.on('error', (err) => this.opts.log?.error({ err: err.message }, 'mail wake-up worker error'));
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}
