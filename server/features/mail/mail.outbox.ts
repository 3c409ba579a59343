/**
 * The mail outbox: every hiring mail is a row first, then sent by a poller that claims due rows in a transaction
 * (server/infra/outbox.ts, shared with the webhook deliveries), so a mail survives a restart, a reminder queued days ahead goes
 * out once even with several worker processes (a compare-and-set claim), and
 * a failed send is retried with backoff (30 s x 4^(n-1), capped at 1 h) up to MAIL_MAX_ATTEMPTS.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { OutboxItem } from '../../../contracts/mail.js';
import type { MailKind, MailOutboxTable } from '../../db/schema-hiring.js';
import type { DB } from '../../db/schema.js';
import { OutboxPoller } from '../../infra/outbox.js';
import { redactLink } from './templates.js';

export type OutboxRow = Selectable<MailOutboxTable>;

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Sends one message; resolves with the SMTP message id. nodemailer in production, the same in tests (a real SMTP server). */
export type SendMail = (m: MailMessage) => Promise<{ messageId: string }>;

/** Checked just before a reminder goes out: false cancels it (the candidate finished, or the invite was revoked or expired). */
export type StillWanted = (row: OutboxRow) => Promise<boolean>;

export interface EnqueueMail {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  runAfter?: Date;
  interviewId?: string | null;
  candidateId?: string | null;
  inviteId?: string | null;
  dedupeKey?: string | null;
  /** Replaced in the stored body once the mail is sent or cancelled. */
  link?: string;
}

export interface OutboxOptions {
  from: string;
  maxAttempts: number;
  pollMs?: number;
  leaseMs?: number;
  backoffBaseMs?: number;
  log?: { info(o: object, m?: string): void; warn(o: object, m?: string): void; error(o: object, m?: string): void };
}

const LINK_MARK = '\u0000link:';

/** Wakes the sender when a row is due, across restarts and processes (BullMQ with REDIS_URL; bullmq-wake.ts). */
export interface OutboxWake {
  schedule(id: string, at: Date): Promise<void>;
  start(drain: () => Promise<void>): void;
  stop(): Promise<void>;
}

export class MailOutbox {
  private readonly poller: OutboxPoller<OutboxRow, DB>;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly send: SendMail,
    private readonly opts: OutboxOptions,
    private readonly stillWanted: StillWanted = async () => true,
    private readonly wakeUp: OutboxWake | null = null,
  ) {
    this.poller = new OutboxPoller<OutboxRow, DB>(db, {
      table: 'mail_outbox',
      busyStatus: 'sending',
      name: 'mail',
      handle: (row) => this.deliver(row),
      leaseMs: opts.leaseMs ?? 120_000,
      backoffBaseMs: opts.backoffBaseMs ?? 30_000,
      pollMs: opts.pollMs ?? 5000,
      log: opts.log,
    });
  }

  /** Stores the mail (once per dedupe key); returns its id, or null when a mail with that key already exists. */
  async enqueue(m: EnqueueMail): Promise<string | null> {
    const now = new Date().toISOString();
    const id = randomUUID();
    // The link is kept after a marker so it can be removed from the body once sent; the marker never leaves the server.
    const body = m.link ? `${m.text}${LINK_MARK}${m.link}` : m.text;
    const res = await this.db
      .insertInto('mail_outbox')
      .values({
        id,
        kind: m.kind,
        to_addr: m.to,
        subject: m.subject,
        body_text: body,
        status: 'queued',
        attempts: 0,
        max_attempts: this.opts.maxAttempts,
        run_after: (m.runAfter ?? new Date()).toISOString(),
        locked_by: null,
        locked_until: null,
        last_error: null,
        message_id: null,
        interview_id: m.interviewId ?? null,
        candidate_id: m.candidateId ?? null,
        invite_id: m.inviteId ?? null,
        dedupe_key: m.dedupeKey ?? null,
        created_at: now,
        updated_at: now,
        sent_at: null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 1) === 0) return null;
    if (this.wakeUp) await this.wakeUp.schedule(id, m.runAfter ?? new Date()).catch((err: unknown) => this.opts.log?.warn({ mailId: id, err: (err as Error).message }, 'mail wake-up not scheduled; the poller sends it'));
    this.wake();
    return id;
  }

  /** Cancels queued mail of an invite (all kinds, or one kind), removing the link from the stored bodies. */
  async cancelForInvite(inviteId: string, kind?: MailKind): Promise<number> {
    const rows = await this.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('invite_id', '=', inviteId)
      .where('status', '=', 'queued')
      .$if(kind !== undefined, (q) => q.where('kind', '=', kind!))
      .execute();
    for (const r of rows) await this.settle(r, { status: 'cancelled', last_error: null });
    return rows.length;
  }

  async list(interviewId: string, limit = 200): Promise<OutboxItem[]> {
    const rows = await this.db.selectFrom('mail_outbox').selectAll().where('interview_id', '=', interviewId).orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map(toItem);
  }

  /** Sends again a mail that failed, with a fresh attempt budget. */
  async retry(interviewId: string, id: string): Promise<OutboxItem | null> {
    if (!(await this.poller.requeueFailed(id, { interview_id: interviewId }, { last_error: null }))) return null;
    const row = await this.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return toItem(row);
  }

  start(): void {
    this.wakeUp?.start(() => this.drain());
    this.poller.start();
  }

  async stop(): Promise<void> {
    await this.wakeUp?.stop();
    await this.poller.stop();
  }

  /** Sends every due mail now (also what the poller runs); resolves when none is due. */
  async drain(): Promise<void> {
    await this.poller.drain();
  }

  private wake(): void {
    this.poller.wake();
  }

  private async deliver(row: OutboxRow): Promise<void> {
    if (row.kind === 'reminder' && !(await this.stillWanted(row))) {
      await this.settle(row, { status: 'cancelled', last_error: 'not needed any more (finished, revoked or expired)' });
      return;
    }
    const [text] = row.body_text.split(LINK_MARK);
    try {
      const { messageId } = await this.send({ from: this.opts.from, to: row.to_addr, subject: row.subject, text: text! });
      const sentAt = new Date().toISOString();
      await this.settle(row, { status: 'sent', message_id: messageId, sent_at: sentAt, last_error: null });
      // invite tracking: "sent" once the SMTP server accepted the invite
      if (row.kind === 'invite' && row.invite_id) await this.db.updateTable('invites').set({ sent_at: sentAt }).where('id', '=', row.invite_id).where('sent_at', 'is', null).execute();
      this.opts.log?.info({ mailId: row.id, kind: row.kind }, 'mail sent');
    } catch (err) {
      const message = (err as Error).message || String(err);
      // A failed mail keeps its link in the body, so an admin can send it again.
      const { final, delayMs } = await this.poller.retryOrFail(row, message);
      if (final) this.opts.log?.error({ mailId: row.id, kind: row.kind, attempts: row.attempts, err: message }, 'mail failed for good');
      else this.opts.log?.warn({ mailId: row.id, kind: row.kind, attempt: row.attempts, delay: delayMs, err: message }, 'mail not sent, will retry');
    }
  }

  /** Final state; the link leaves the stored body (a failed mail keeps it so an admin can retry). */
  private async settle(row: OutboxRow, patch: Partial<Pick<OutboxRow, 'status' | 'message_id' | 'sent_at' | 'last_error'>>): Promise<void> {
    const [text, link = ''] = row.body_text.split(LINK_MARK);
    const body = patch.status === 'failed' ? row.body_text : redactLink(text!, link);
    await this.poller.release(row, { ...patch, body_text: body });
  }
}

function toItem(r: OutboxRow): OutboxItem {
  return { id: r.id, kind: r.kind, to: r.to_addr, subject: r.subject, status: r.status, attempts: r.attempts, runAfter: r.run_after, lastError: r.last_error, sentAt: r.sent_at, candidateId: r.candidate_id, createdAt: r.created_at };
}
