/**
 * The Postgres event bus survives losing its LISTEN connection (pg_terminate_backend on the Postgres the test
 * starts): it reconnects with backoff, LISTENs again and delivers later events; while Postgres refuses connections
 * it keeps retrying with growing waits; and a browser following an answer (SSE) gets the state it missed meanwhile
 * from the database.
 */
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEvent } from '../../server/infra/events/event-bus.js';
import { PgEventBus } from '../../server/infra/events/pg-event-bus.js';
import { createTestApp, multipart, type TestApp } from '../helpers/app.js';
import { fixture } from '../helpers/fixtures.js';
import { type Service, startPostgres } from '../helpers/services.js';

let pgServer: Service & { createDatabase(name: string): Promise<string> };
let admin: pg.Client;

beforeAll(async () => {
  pgServer = await startPostgres();
  admin = new pg.Client({ connectionString: pgServer.url });
  await admin.connect();
}, 120_000);
afterAll(async () => {
  await admin?.end();
  await pgServer?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ends every backend LISTENing on the events channel in `db`; returns how many. */
async function killListeners(db: string): Promise<number> {
  const r = await admin.query("select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and query like 'LISTEN%' and pid <> pg_backend_pid()", [db]);
  return r.rows.filter((x: { ok: boolean }) => x.ok).length;
}

async function listeners(db: string): Promise<number> {
  const r = await admin.query("select count(*)::int as n from pg_stat_activity where datname = $1 and query like 'LISTEN%'", [db]);
  return r.rows[0].n as number;
}

async function notify(url: string, e: AnswerEvent): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('select pg_notify($1, $2)', ['ia_answer_events', JSON.stringify(e)]);
  await c.end();
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const event = (answerId: string, progress: number): AnswerEvent => ({ answerId, status: 'processing', stage: 'transcribing', progress, error: null });

describe('PgEventBus reconnects', () => {
  it('LISTENs again after its connection is terminated, and again after a second drop', async () => {
    const url = await pgServer.createDatabase('bus_reconnect');
    const warnings: string[] = [];
    const bus = new PgEventBus(url, { warn: (_o, m) => warnings.push(m ?? ''), info: () => {} }, { minDelayMs: 50, maxDelayMs: 400 });
    await bus.ready();
    let reconnects = 0;
    bus.onReconnect(() => reconnects++);
    const got: number[] = [];
    bus.subscribe('a1', (e) => got.push(e.progress));
    try {
      await notify(url, event('a1', 0.1));
      await until('the first event', () => got.includes(0.1));

      for (const round of [1, 2]) {
        expect(await killListeners('bus_reconnect')).toBe(1);
        await until(`reconnect ${round}`, () => reconnects === round);
        expect(bus.listening).toBe(true);
        expect(await listeners('bus_reconnect')).toBe(1); // one LISTEN connection, not a growing pile
        const p = 0.2 * round;
        await notify(url, event('a1', p));
        await until(`an event after reconnect ${round}`, () => got.includes(p));
        // publishing through the bus works too (its pool replaces a dead connection by itself)
        bus.publish(event('a1', p + 0.05));
        await until(`a published event after reconnect ${round}`, () => got.includes(p + 0.05));
      }
      expect(warnings.filter((w) => w.includes('connection lost'))).toHaveLength(2);
    } finally {
      await bus.close();
    }
    expect(await listeners('bus_reconnect')).toBe(0);
  });

  it('keeps retrying with growing waits while Postgres refuses connections, then LISTENs again', async () => {
    const url = await pgServer.createDatabase('bus_refused');
    const failures: Array<{ attempt: number; nextDelayMs: number }> = [];
    const bus = new PgEventBus(url, { warn: (o, m) => m?.includes('reconnect failed') && failures.push(o as { attempt: number; nextDelayMs: number }), info: () => {} }, { minDelayMs: 50, maxDelayMs: 300 });
    await bus.ready();
    let reconnects = 0;
    bus.onReconnect(() => reconnects++);
    const got: number[] = [];
    bus.subscribe('a2', (e) => got.push(e.progress));
    try {
      await admin.query('alter database bus_refused with allow_connections false');
      expect(await killListeners('bus_refused')).toBe(1);
      await until('three failed attempts', () => failures.length >= 3);
      expect(bus.listening).toBe(false);
      expect(failures.slice(0, 3).map((f) => f.nextDelayMs)).toEqual([100, 200, 300]); // doubling, capped
      await admin.query('alter database bus_refused with allow_connections true');
      await until('the reconnect', () => reconnects === 1);
      await notify(url, event('a2', 0.5));
      await until('an event after the outage', () => got.includes(0.5));
    } finally {
      await admin.query('alter database bus_refused with allow_connections true');
      await bus.close();
    }
  });

  describe('a browser following an answer', () => {
    let t: TestApp;
    let db: string;
    beforeAll(async () => {
      db = 'bus_app';
      t = await createTestApp({ DATABASE_URL: await pgServer.createDatabase(db) }, { worker: false });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('gets the state it missed while the listener was away once the bus is back', async () => {
      const cookies = { ia_practice: 'owner-of-the-bus-reconnect-test-00000000000' };
      const data = await readFile(fixture('short.webm'));
      const res = await t.app.inject({ method: 'POST', url: '/api/answers', cookies, ...multipart({ questionId: 'q-gen-01' }, { name: 'a.webm', type: 'video/webm', data }) });
      expect(res.statusCode).toBe(202);
      const id = res.json().id as string;
      // no worker: the answer stays queued, and the stream stays open
      expect((await t.app.inject({ method: 'GET', url: `/api/answers/${id}`, cookies })).json().status).toBe('queued');
      const stream = t.app.inject({ method: 'GET', url: `/api/answers/${id}/events`, cookies });
      await sleep(300);
      // The listener drops; meanwhile the answer finishes and its event is lost (nobody is listening).
      await until('the app listening', async () => (await listeners(db)) === 1);
      expect(await killListeners(db)).toBe(1);
      await t.c.database.db.updateTable('answers').set({ status: 'failed', error: 'finished while the bus was away', progress: 1 }).where('id', '=', id).execute();
      const body = (await Promise.race([stream, sleep(30_000).then(() => null)]))?.body;
      expect(body, 'the stream did not end after the bus reconnected').toBeTruthy();
      const statuses = body!
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => JSON.parse(l.slice(6)).status);
      expect(statuses[0]).toBe('queued');
      expect(statuses.at(-1)).toBe('failed');
    });
  });
});
