/**
 * Progress events across processes: workers publish on one Redis pub/sub channel, every API process
 * subscribes to it and hands each event to the browsers (SSE) watching that answer. Pub/sub keeps
 * no history: a browser that connects late gets the current state from the database first, and after the
 * subscriber connection drops (ioredis reconnects and subscribes again by itself) `onReconnect` listeners read
 * the state they may have missed from the database.
 */
import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { AnswerEvent, EventBus } from './event-bus.js';

export interface RedisEventBusOptions {
  url: string;
  /** Channel name; several apps (or tests) on one Redis use different ones. */
  channel?: string;
  log?: { warn(o: object, m?: string): void };
}

export class RedisEventBus implements EventBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly channel: string;
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly subscribed: Promise<unknown>;
  private readonly reconnects = new EventEmitter().setMaxListeners(0);
  private wasReady = false;

  constructor(private readonly opts: RedisEventBusOptions) {
    this.channel = opts.channel ?? 'ia:answer-events';
    this.pub = new Redis(opts.url, { maxRetriesPerRequest: 3 });
    this.sub = new Redis(opts.url);
    for (const c of [this.pub, this.sub]) c.on('error', (err: Error) => this.opts.log?.warn({ err: err.message }, 'event bus connection error'));
    this.sub.on('message', (_channel: string, message: string) => this.deliver(message));
    this.sub.on('ready', () => {
      if (this.wasReady) this.reconnects.emit('reconnect');
      this.wasReady = true;
    });
    this.subscribed = this.sub.subscribe(this.channel);
  }

  /** Resolves once this process receives events. */
  async ready(): Promise<void> {
    await this.subscribed;
    await this.pub.ping();
  }

  publish(event: AnswerEvent): void {
    this.pub.publish(this.channel, JSON.stringify(event)).catch((err: Error) => this.opts.log?.warn({ err: err.message, answerId: event.answerId }, 'progress event not published'));
  }

  subscribe(answerId: string, listener: (e: AnswerEvent) => void): () => void {
    this.local.on(answerId, listener);
    return () => this.local.off(answerId, listener);
  }

  onReconnect(listener: () => void): () => void {
    this.reconnects.on('reconnect', listener);
    return () => this.reconnects.off('reconnect', listener);
  }

  private deliver(message: string): void {
    const event = parseEvent(message);
    if (event) this.local.emit(event.answerId, event);
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
    this.reconnects.removeAllListeners();
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
  }
}

/** An event from the channel, or null for anything malformed (the channel is shared; never throw on it). */
export function parseEvent(message: string): AnswerEvent | null {
  try {
    const e = JSON.parse(message) as Partial<AnswerEvent>;
    if (typeof e.answerId !== 'string' || typeof e.status !== 'string' || typeof e.progress !== 'number') return null;
    return { answerId: e.answerId, status: e.status, stage: e.stage ?? null, progress: e.progress, error: e.error ?? null };
  } catch {
    return null;
  }
}
