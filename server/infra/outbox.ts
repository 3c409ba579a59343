/**
 * One outbox poller for every table of "things to send" (hiring mail, webhook deliveries): a row is written first,
 * then a poller claims due rows one at a time in a transaction with a lease, hands each to the feature's sender,
 * and on failure queues it again with backoff (base x 4^(n-1), capped) until `max_attempts`, then marks it failed.
 *
 * Sent once even with several senders: the claim is a compare-and-set on (status, attempts), so when two processes
 * pick the same row only one update matches (SQLite serialises writers; on Postgres the loser's update re-reads the
 * committed row and matches nothing). A row whose sender died is taken back when its lease expires.
 *
 * The table needs the columns of `OutboxColumns` (server/db/schema.ts); the feature keeps its own columns and final states.
 */
import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { OutboxColumns } from '../db/schema.js';

export type { OutboxColumns };

export interface OutboxLog {
  info(o: object, m?: string): void;
  warn(o: object, m?: string): void;
  error(o: object, m?: string): void;
}

export interface OutboxPollerOptions<R extends OutboxColumns> {
  table: string;
  /** Status of a row while a sender holds it ('sending', 'delivering'); a due row is 'queued'. */
  busyStatus: R['status'];
  /** Sends one claimed row and settles it (the feature's success state, or `retryOrFail`). */
  handle: (row: R) => Promise<void>;
  /** How long a claim holds before another sender may take the row back. */
  leaseMs: number;
  /** Backoff before attempt n+1: backoffBaseMs x 4^(n-1), capped at backoffCapMs (1 h). */
  backoffBaseMs: number;
  backoffCapMs?: number;
  pollMs?: number;
  /** Used in the worker id and the log lines ('mail', 'webhook'). */
  name: string;
  log?: OutboxLog;
}

type OutboxDb = Kysely<Record<string, OutboxColumns>>;

/** Claims due rows of `opts.table` (R: its row, D: the database's tables) with a lease and retries failures with backoff; the feature decides what "send" means. */
export class OutboxPoller<R extends OutboxColumns, D> {
  readonly workerId: string;
  private readonly db: OutboxDb;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    db: Kysely<D>,
    private readonly opts: OutboxPollerOptions<R>,
  ) {
    this.db = db as unknown as OutboxDb;
    this.workerId = `${opts.name}-${randomUUID()}`;
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.opts.pollMs ?? 5000);
    this.timer.unref();
    this.wake();
  }

  /** Stops polling and waits for the pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Starts a pass now unless one is running (or the poller is stopped). */
  wake(): void {
    if (this.stopped || this.running) return;
    this.running = this.drain()
      .catch((err: unknown) => this.opts.log?.error({ err: (err as Error).message }, `${this.opts.name} outbox pass failed`))
      .finally(() => {
        this.running = null;
      });
  }

  /** Handles every due row now; resolves when none is due. */
  async drain(): Promise<void> {
    for (;;) {
      const row = await this.claim();
      if (!row) return;
      await this.opts.handle(row);
    }
  }

  /**
   * Takes the next due row (queued and due, or held by a sender whose lease expired), or null when none is due.
   * One UPDATE ... WHERE id = (the first due row) AND (still due) RETURNING: on SQLite it takes the write lock at
   * once (a read-then-write transaction fails with "database is locked" when another connection wrote in between),
   * and on Postgres a sender that loses the race re-checks "still due" on the committed row and updates nothing.
   */
  async claim(): Promise<R | null> {
    const busy = this.opts.busyStatus;
    for (let tries = 0; tries < 20; tries++) {
      const now = new Date();
      const nowIso = now.toISOString();
      const due = (eb: ExpressionBuilder<Record<string, OutboxColumns>, string>) =>
        eb.or([eb.and([eb('status', '=', 'queued'), eb('run_after', '<=', nowIso)]), eb.and([eb('status', '=', busy), eb('locked_until', '<', nowIso)])]);
      const row = await this.db
        .updateTable(this.opts.table)
        .set((eb) => ({ status: busy, attempts: eb('attempts', '+', 1), locked_by: this.workerId, locked_until: new Date(now.getTime() + this.opts.leaseMs).toISOString(), updated_at: nowIso }))
        .where('id', '=', (eb) => eb.selectFrom(this.opts.table).select('id').where(due).orderBy('run_after').limit(1))
        .where(due)
        .returningAll()
        .executeTakeFirst();
      if (row) return { ...row, attempts: Number(row.attempts), max_attempts: Number(row.max_attempts) } as unknown as R;
      // Nothing updated: none due, or another sender took the row first (then try the next one).
      const left = await this.db.selectFrom(this.opts.table).select('id').where(due).limit(1).executeTakeFirst();
      if (!left) return null;
    }
    return null;
  }

  /** The wait before the next attempt after `attempt` failed ones. */
  backoffMs(attempt: number): number {
    return Math.min(this.opts.backoffBaseMs * 4 ** (attempt - 1), this.opts.backoffCapMs ?? 3_600_000);
  }

  /** Settles a claimed row in a final or new state, releasing its lease; `patch` may set the feature's own columns. */
  async release(row: Pick<R, 'id'>, patch: Partial<R>): Promise<void> {
    await this.db
      .updateTable(this.opts.table)
      .set({ ...(patch as Partial<OutboxColumns>), locked_by: null, locked_until: null, updated_at: new Date().toISOString() })
      .where('id', '=', row.id)
      .execute();
  }

  /**
   * A failed attempt: queued again after the backoff, or 'failed' once the row used its `max_attempts` (run_after is
   * then left as it was). `patch` adds the feature's own columns (the receiver's status, say).
   */
  async retryOrFail(row: R, error: string, patch: Partial<R> = {}): Promise<{ final: boolean; delayMs: number }> {
    const final = row.attempts >= row.max_attempts;
    const delayMs = final ? 0 : this.backoffMs(row.attempts);
    const next = final ? { status: 'failed' } : { status: 'queued', run_after: new Date(Date.now() + delayMs).toISOString() };
    await this.release(row, { ...patch, ...next, last_error: error } as Partial<R>);
    return { final, delayMs };
  }

  /** An admin's retry: a failed row (matching `scope`, e.g. its interview) is queued now with a fresh attempt budget. */
  async requeueFailed(id: string, scope: Partial<Record<keyof R & string, string>>, patch: Partial<R> = {}): Promise<boolean> {
    const now = new Date().toISOString();
    let q = this.db
      .updateTable(this.opts.table)
      .set({ ...(patch as Partial<OutboxColumns>), status: 'queued', attempts: 0, run_after: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'failed');
    for (const [col, value] of Object.entries(scope)) q = q.where(col as keyof OutboxColumns, '=', value as string);
    const res = await q.executeTakeFirst();
    const ok = Number(res.numUpdatedRows) > 0;
    if (ok) this.wake();
    return ok;
  }
}
