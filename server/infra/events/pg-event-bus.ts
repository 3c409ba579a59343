/**
 * Progress events across processes without Redis: Postgres LISTEN/NOTIFY on one channel.
 * Used when DATABASE_URL is set and REDIS_URL is not (the database queue on Postgres).
 *
 * The LISTEN connection can drop (a Postgres restart, a failover, an idle-connection killer): the bus then
 * reconnects with backoff (minDelayMs, doubling, capped at maxDelayMs) and LISTENs again. Notifications sent while
 * it was away are lost (NOTIFY keeps no history), so after a reconnect it tells `onReconnect` listeners, which read
 * the current state from the database again (answer.events.ts).
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { AnswerEvent, EventBus } from './event-bus.js';
import { parseEvent } from './redis-event-bus.js';

const CHANNEL = 'ia_answer_events';

export interface PgEventBusOptions {
  /** First wait before reconnecting (default 250 ms); doubles per failed attempt. */
  minDelayMs?: number;
  /** Longest wait between attempts (default 10 s). */
  maxDelayMs?: number;
}

type Log = { warn(o: object, m?: string): void; info?(o: object, m?: string): void };

export class PgEventBus implements EventBus {
  private readonly pool: pg.Pool;
  private listener: pg.Client | null = null;
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly reconnects = new EventEmitter().setMaxListeners(0);
  private readonly connected: Promise<void>;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly log?: Log,
    private readonly opts: PgEventBusOptions = {},
  ) {
    // One publishing connection: notifications from one session arrive in the order they were sent.
    this.pool = new pg.Pool({ connectionString: url, max: 1 });
    this.pool.on('error', () => {});
    this.connected = this.listen();
  }

  /** Resolves once this process receives events (the first LISTEN); rejects when Postgres cannot be reached at start. */
  async ready(): Promise<void> {
    await this.connected;
  }

  publish(event: AnswerEvent): void {
    this.pool.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]).catch((err: Error) => this.log?.warn({ err: err.message, answerId: event.answerId }, 'progress event not published'));
  }

  subscribe(answerId: string, listener: (e: AnswerEvent) => void): () => void {
    this.local.on(answerId, listener);
    return () => this.local.off(answerId, listener);
  }

  onReconnect(listener: () => void): () => void {
    this.reconnects.on('reconnect', listener);
    return () => this.reconnects.off('reconnect', listener);
  }

  /** True while the LISTEN connection is up. */
  get listening(): boolean {
    return this.listener !== null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.local.removeAllListeners();
    this.reconnects.removeAllListeners();
    const l = this.listener;
    this.listener = null;
    await Promise.allSettled([l?.end(), this.pool.end()]);
  }

  /** Opens a LISTEN connection; watches it so that losing it starts a reconnect. */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (n) => {
      const e = n.payload ? parseEvent(n.payload) : null;
      if (e) this.local.emit(e.answerId, e);
    });
    client.on('error', (err) => {
      this.log?.warn({ err: err.message }, 'event listener connection error');
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      client.removeAllListeners();
      client.on('error', () => {});
      void client.end().catch(() => {});
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.listener = client;
  }

  private lost(client: pg.Client): void {
    if (this.closed || client !== this.listener) return;
    this.listener = null;
    client.removeAllListeners('notification');
    void client.end().catch(() => {});
    this.log?.warn({}, 'event listener connection lost; reconnecting');
    this.retry();
  }

  private retry(): void {
    if (this.closed || this.retryTimer) return;
    const delay = Math.min((this.opts.minDelayMs ?? 250) * 2 ** this.failures, this.opts.maxDelayMs ?? 10_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.listen().then(
        () => {
          if (this.closed) return;
          this.log?.info?.({ after: this.failures + 1 }, 'event listener reconnected');
          this.failures = 0;
          this.reconnects.emit('reconnect');
        },
        (err: Error) => {
          this.failures++;
          this.log?.warn({ err: err.message, attempt: this.failures, nextDelayMs: Math.min((this.opts.minDelayMs ?? 250) * 2 ** this.failures, this.opts.maxDelayMs ?? 10_000) }, 'event listener reconnect failed; retrying');
          this.retry();
        },
      );
    }, delay);
    this.retryTimer.unref();
  }
}
