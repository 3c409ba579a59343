/**
 * Progress events across processes without Redis: Postgres LISTEN/NOTIFY on one channel.
 * Used when DATABASE_URL is set and REDIS_URL is not (the database queue on Postgres).
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { AnswerEvent, EventBus } from './event-bus.js';
import { parseEvent } from './redis-event-bus.js';

const CHANNEL = 'ia_answer_events';

export class PgEventBus implements EventBus {
  private readonly pool: pg.Pool;
  private readonly listener: pg.Client;
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly connected: Promise<void>;

  constructor(
    url: string,
    private readonly log?: { warn(o: object, m?: string): void },
  ) {
    // One publishing connection: notifications from one session arrive in the order they were sent.
    this.pool = new pg.Pool({ connectionString: url, max: 1 });
    this.pool.on('error', () => {});
    this.listener = new pg.Client({ connectionString: url });
    this.listener.on('error', (err) => this.log?.warn({ err: err.message }, 'event listener connection error'));
    this.listener.on('notification', (n) => {
      const e = n.payload ? parseEvent(n.payload) : null;
      if (e) this.local.emit(e.answerId, e);
    });
    this.connected = this.listener.connect().then(() => this.listener.query(`LISTEN ${CHANNEL}`)).then(() => {});
  }

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

  async close(): Promise<void> {
    this.local.removeAllListeners();
    await Promise.allSettled([this.listener.end(), this.pool.end()]);
  }
}
