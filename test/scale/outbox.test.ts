/**
 * The generic outbox poller (server/infra/outbox.ts, used by the mail outbox and the webhook deliveries) on SQLite
 * and on a real Postgres, with a table of its own: each row handled once with several senders racing (separate
 * connections, as separate processes), backoff then 'failed' after max_attempts, an admin's requeue, and a row
 * whose sender died taken back when its lease expires.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openSqlite } from '../../server/db/database.js';
import { openPostgres } from '../../server/db/postgres.js';
import { type OutboxColumns, OutboxPoller } from '../../server/infra/outbox.js';
import { startPostgres } from '../helpers/services.js';

interface TestRow extends OutboxColumns {
  status: 'queued' | 'working' | 'done' | 'failed';
  grp: string;
  result: string | null;
}
type TestDB = { test_outbox: TestRow };

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function createTable(db: Kysely<TestDB>): Promise<void> {
  await db.schema
    .createTable('test_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('grp', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('result', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

function outboxContract(name: string, open: () => Promise<{ connect(): Database }>) {
  describe(`outbox poller on ${name}`, () => {
    let connect: () => Database;
    const conns: Database[] = [];
    const db = (i = 0): Kysely<TestDB> => conns[i]!.db.withTables<TestDB>();
    const insert = async (ids: string[], o: { grp?: string; maxAttempts?: number; runAfter?: Date } = {}) => {
      const now = new Date().toISOString();
      await db()
        .insertInto('test_outbox')
        .values(ids.map((id) => ({ id, grp: o.grp ?? 'g', status: 'queued' as const, attempts: 0, max_attempts: o.maxAttempts ?? 3, run_after: (o.runAfter ?? new Date(Date.now() - 1000)).toISOString(), locked_by: null, locked_until: null, last_error: null, result: null, updated_at: now })))
        .execute();
    };
    const row = (id: string) => db().selectFrom('test_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const poller = (conn: number, handle: (r: TestRow, p: OutboxPoller<TestRow, TestDB>) => Promise<void>, o: { leaseMs?: number; backoffBaseMs?: number } = {}) => {
      const p: OutboxPoller<TestRow, TestDB> = new OutboxPoller<TestRow, TestDB>(db(conn), { table: 'test_outbox', busyStatus: 'working', name: 'test', handle: (r) => handle(r, p), leaseMs: o.leaseMs ?? 60_000, backoffBaseMs: o.backoffBaseMs ?? 1000 });
      return p;
    };

    beforeEach(async () => {
      if (conns.length) await db().deleteFrom('test_outbox').execute();
    });

    it('sets up the table on four connections', async () => {
      ({ connect } = await open());
      for (let i = 0; i < 4; i++) conns.push(connect());
      cleanups.push(async () => {
        for (const c of conns) await c.close();
      });
      await createTable(db());
    });

    it('handles each due row exactly once with four senders racing on separate connections', async () => {
      const ids = Array.from({ length: 40 }, (_, i) => `race-${String(i).padStart(2, '0')}`);
      await insert(ids, { grp: 'race' });
      await insert(['later'], { grp: 'race', runAfter: new Date(Date.now() + 3_600_000) });
      const handled: Array<{ id: string; by: string }> = [];
      const senders = [0, 1, 2, 3].map((c) =>
        poller(c, async (r, p) => {
          handled.push({ id: r.id, by: p.workerId });
          await new Promise((res) => setTimeout(res, 2));
          await p.release(r, { status: 'done', result: `by ${p.workerId}` });
        }),
      );
      await Promise.all(senders.map((s) => s.drain()));
      expect(handled.map((h) => h.id).sort()).toEqual(ids);
      expect(new Set(handled.map((h) => h.by)).size).toBeGreaterThan(1);
      const rows = await db().selectFrom('test_outbox').selectAll().where('grp', '=', 'race').orderBy('id').execute();
      const done = rows.filter((r) => r.id !== 'later');
      expect(done.every((r) => r.status === 'done' && Number(r.attempts) === 1 && r.locked_by === null && r.locked_until === null)).toBe(true);
      // the row the sender recorded as its handler is the one stored
      for (const h of handled) expect(done.find((r) => r.id === h.id)!.result).toBe(`by ${h.by}`);
      // a row not yet due stays queued, untouched
      expect(await row('later')).toMatchObject({ status: 'queued', attempts: 0 });
    });

    it('retries a failing row with backoff (base x 4^(n-1)), then marks it failed keeping run_after; a requeue starts over', async () => {
      const base = 60_000;
      await insert(['flaky'], { grp: 'iv-1', maxAttempts: 3 });
      let calls = 0;
      const p = poller(
        0,
        async (r, self) => {
          calls++;
          const out = await self.retryOrFail(r, `refused ${r.attempts}`, { result: `attempt ${r.attempts}` });
          expect(out).toEqual(r.attempts >= 3 ? { final: true, delayMs: 0 } : { final: false, delayMs: base * 4 ** (r.attempts - 1) });
        },
        { backoffBaseMs: base },
      );
      // instead of waiting out the backoff, the row is made due by moving its run_after back
      const makeDue = () => db().updateTable('test_outbox').set({ run_after: new Date(Date.now() - 1000).toISOString() }).where('id', '=', 'flaky').execute();

      await p.drain();
      let r = await row('flaky');
      expect(r).toMatchObject({ status: 'queued', attempts: 1, last_error: 'refused 1', result: 'attempt 1', locked_by: null, locked_until: null });
      const wait1 = Date.parse(r.run_after) - Date.parse(r.updated_at);
      expect(wait1).toBeGreaterThan(base - 1000);
      expect(wait1).toBeLessThanOrEqual(base);
      await p.drain(); // not due yet: nothing happens
      expect(calls).toBe(1);

      await makeDue();
      await p.drain();
      r = await row('flaky');
      expect(r).toMatchObject({ status: 'queued', attempts: 2, last_error: 'refused 2' });
      const wait2 = Date.parse(r.run_after) - Date.parse(r.updated_at);
      expect(wait2).toBeGreaterThan(4 * base - 1000);
      expect(wait2).toBeLessThanOrEqual(4 * base);

      await makeDue();
      const runAfterBefore = (await row('flaky')).run_after;
      await p.drain();
      r = await row('flaky');
      expect(r).toMatchObject({ status: 'failed', attempts: 3, last_error: 'refused 3', result: 'attempt 3', locked_by: null, locked_until: null });
      expect(r.run_after).toBe(runAfterBefore); // a failed row keeps its last run_after
      expect(calls).toBe(3);
      await p.drain(); // a failed row is never taken again
      expect(calls).toBe(3);

      expect(await p.requeueFailed('flaky', { grp: 'iv-other' })).toBe(false);
      expect(await p.requeueFailed('missing', { grp: 'iv-1' })).toBe(false);
      expect(await p.requeueFailed('flaky', { grp: 'iv-1' }, { last_error: null })).toBe(true);
      expect(await row('flaky')).toMatchObject({ status: 'queued', attempts: 0, last_error: null });
      expect(await p.requeueFailed('flaky', { grp: 'iv-1' })).toBe(false); // only a failed row
      expect(p.backoffMs(10)).toBe(3_600_000); // capped at an hour
    });

    it('takes back a row whose sender died once its lease expires, and not before', async () => {
      await insert(['orphan'], { grp: 'lease' });
      const dead = poller(0, async () => {}, { leaseMs: 400 });
      const claimed = await dead.claim(); // claimed, then the sender "dies": never settled
      expect(claimed).toMatchObject({ id: 'orphan', status: 'working', attempts: 1 });
      expect(await row('orphan')).toMatchObject({ status: 'working', attempts: 1, locked_by: dead.workerId });
      const handled: string[] = [];
      const other = poller(1, async (r, self) => {
        handled.push(`${r.id}@${r.attempts}`);
        await self.release(r, { status: 'done' });
      });
      await other.drain();
      expect(handled).toEqual([]);
      await new Promise((res) => setTimeout(res, 450));
      await other.drain();
      expect(handled).toEqual(['orphan@2']);
      expect(await row('orphan')).toMatchObject({ status: 'done', attempts: 2, locked_by: null });
    });

    it('polls on its own once started, and stop() waits for the pass in progress', async () => {
      const seen: string[] = [];
      const p = poller(2, async (r, self) => {
        seen.push(r.id);
        await new Promise((res) => setTimeout(res, 50));
        await self.release(r, { status: 'done' });
      });
      p.start();
      await insert(['polled'], { grp: 'poll' });
      p.wake();
      const until = Date.now() + 10_000;
      while (!seen.includes('polled') && Date.now() < until) await new Promise((res) => setTimeout(res, 10));
      await p.stop();
      expect(seen).toEqual(['polled']);
      expect(await row('polled')).toMatchObject({ status: 'done', attempts: 1 });
      await insert(['after-stop'], { grp: 'poll' });
      p.wake();
      await new Promise((res) => setTimeout(res, 100));
      expect(await row('after-stop')).toMatchObject({ status: 'queued', attempts: 0 });
    });
  });
}

outboxContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ia-outbox-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return { connect: () => openSqlite(join(dir, 'outbox.sqlite')) };
});

outboxContract('Postgres', async () => {
  const pg = await startPostgres();
  cleanups.push(() => pg.stop());
  const url = await pg.createDatabase('outbox_test');
  return { connect: () => openPostgres(url, { maxConnections: 2 }) };
});
