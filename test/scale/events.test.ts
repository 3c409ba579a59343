/** Progress events across processes: Redis pub/sub and Postgres LISTEN/NOTIFY, real servers. */
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll } from 'vitest';
import { PgEventBus } from '../../server/infra/events/pg-event-bus.js';
import { RedisEventBus } from '../../server/infra/events/redis-event-bus.js';
import { startPostgres, startRedis } from '../helpers/services.js';
import { eventBusContract } from './events-contract.js';

const redis = startRedis();
const postgres = startPostgres();
afterAll(async () => {
  await (await redis).stop();
  await (await postgres).stop();
});

eventBusContract(
  'Redis pub/sub',
  async () => new RedisEventBus({ url: (await redis).url }),
  async (raw) => {
    const r = new Redis((await redis).url);
    await r.publish('ia:answer-events', raw);
    await r.quit();
  },
);

eventBusContract(
  'Postgres LISTEN/NOTIFY',
  async () => new PgEventBus((await postgres).url),
  async (raw) => {
    const client = new pg.Client({ connectionString: (await postgres).url });
    await client.connect();
    await client.query('select pg_notify($1, $2)', ['ia_answer_events', raw]);
    await client.end();
  },
);
