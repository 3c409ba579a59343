/**
 * The Redis event bus after its subscriber connection is killed (CLIENT KILL on the Redis the test starts): ioredis
 * reconnects and subscribes again, the bus tells `onReconnect` listeners (answer streams re-read the database), and
 * later events arrive.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEvent } from '../../server/infra/events/event-bus.js';
import { RedisEventBus } from '../../server/infra/events/redis-event-bus.js';
import { type Service, startRedis } from '../helpers/services.js';

let redis: Service;
let admin: Redis;

beforeAll(async () => {
  redis = await startRedis();
  admin = new Redis(redis.url);
});
afterAll(async () => {
  admin?.disconnect();
  await redis?.stop();
});

async function until(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const event = (progress: number): AnswerEvent => ({ answerId: 'r1', status: 'processing', stage: 'transcribing', progress, error: null });

describe('RedisEventBus reconnects', () => {
  it('subscribes again after its connection is killed, tells onReconnect listeners, and delivers later events', async () => {
    const bus = new RedisEventBus({ url: redis.url, channel: 'ia-test-reconnect', log: { warn: () => {} } });
    await bus.ready();
    let reconnects = 0;
    bus.onReconnect(() => reconnects++);
    const got: number[] = [];
    bus.subscribe('r1', (e) => got.push(e.progress));
    try {
      await admin.publish('ia-test-reconnect', JSON.stringify(event(0.1)));
      await until('the first event', () => got.includes(0.1));
      expect(reconnects).toBe(0);
      for (const round of [1, 2]) {
        expect(await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub')).toBe(1);
        await until(`reconnect ${round}`, () => reconnects === round);
        const p = 0.2 * round;
        // the new connection's SUBSCRIBE may land just after 'ready': publish until it is heard
        await until(`an event after reconnect ${round}`, () => {
          void admin.publish('ia-test-reconnect', JSON.stringify(event(p)));
          return got.includes(p);
        });
      }
    } finally {
      await bus.close();
    }
  });
});
