/**
 * Hiring mail (issue 15): the invite with its deadline, reminders before the deadline, the confirmation to the
 * candidate, "candidate finished" to the interview's owners. Everything goes through the outbox (mail.outbox.ts).
 * Without SMTP_URL nothing is sent: the invite link is shown to copy, as before.
 */
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { type MailTemplateKind, type MailTemplates, mailTemplatesSchema } from '../../../contracts/mail.js';
import type { InterviewsTable } from '../../db/schema-hiring.js';
import type { DB } from '../../db/schema.js';
import type { MailOutbox, OutboxRow, SendMail } from './mail.outbox.js';
import { formatDeadline, reminderTimes, renderMail, type TemplateVars } from './templates.js';

export function smtpSender(url: string): SendMail {
  const transport = nodemailer.createTransport(url);
  return async (m) => {
    const info = await transport.sendMail({ from: m.from, to: m.to, subject: m.subject, text: m.text });
    return { messageId: String(info.messageId ?? '') };
  };
}

export function parseTemplates(json: string | null): MailTemplates | null {
  if (!json) return null;
  const parsed = mailTemplatesSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export function companyOf(i: Pick<InterviewsTable, 'brand_json'>): string {
  if (!i.brand_json) return 'The hiring team';
  const b = JSON.parse(i.brand_json) as { company?: string };
  return b.company?.trim() || 'The hiring team';
}

type InterviewLike = Pick<InterviewsTable, 'id' | 'title' | 'brand_json' | 'mail_templates_json' | 'created_by'>;
interface InviteLike {
  id: string;
  expires_at: string;
}
interface CandidateLike {
  id: string;
  name: string;
  email: string;
}

export class HiringMail {
  constructor(
    private readonly db: Kysely<DB>,
    /** null without SMTP_URL. */
    readonly outbox: MailOutbox | null,
    private readonly opts: { reminderHours: readonly number[]; publicUrl: string | undefined },
  ) {}

  get enabled(): boolean {
    return this.outbox !== null;
  }

  private vars(interview: InterviewLike, candidate: CandidateLike, extra: TemplateVars = {}): TemplateVars {
    return { candidateName: candidate.name, interviewTitle: interview.title, company: companyOf(interview), ...extra };
  }

  private render(kind: MailTemplateKind, interview: InterviewLike, vars: TemplateVars) {
    return renderMail(kind, parseTemplates(interview.mail_templates_json), vars);
  }

  /** Queues the invite now and one reminder per INVITE_REMINDER_HOURS before the deadline. Returns the reminders queued. */
  async inviteCreated(interview: InterviewLike, candidate: CandidateLike, invite: InviteLike, link: string): Promise<{ queued: boolean; reminders: string[] }> {
    if (!this.outbox) return { queued: false, reminders: [] };
    const vars = this.vars(interview, candidate, { link, deadline: formatDeadline(invite.expires_at) });
    const m = this.render('invite', interview, vars);
    await this.outbox.enqueue({ kind: 'invite', to: candidate.email, subject: m.subject, text: m.text, link, interviewId: interview.id, candidateId: candidate.id, inviteId: invite.id, dedupeKey: `invite:${invite.id}` });
    return { queued: true, reminders: await this.scheduleReminders(interview, candidate, invite, link) };
  }

  private async scheduleReminders(interview: InterviewLike, candidate: CandidateLike, invite: InviteLike, link: string): Promise<string[]> {
    const out: string[] = [];
    const vars = this.vars(interview, candidate, { link, deadline: formatDeadline(invite.expires_at) });
    const m = this.render('reminder', interview, vars);
    for (const r of reminderTimes(invite.expires_at, this.opts.reminderHours, new Date())) {
      await this.outbox!.enqueue({
        kind: 'reminder',
        to: candidate.email,
        subject: m.subject,
        text: m.text,
        link,
        runAfter: r.at,
        interviewId: interview.id,
        candidateId: candidate.id,
        inviteId: invite.id,
        dedupeKey: `reminder:${invite.id}:${invite.expires_at}:${r.hours}`,
      });
      out.push(r.at.toISOString());
    }
    return out;
  }

  /**
   * The deadline moved: queued reminders are replaced by ones for the new deadline. The link is only known while a
   * reminder is still queued (tokens are stored hashed); when none is, no new reminder can be written (returned empty).
   */
  async deadlineChanged(interview: InterviewLike, candidate: CandidateLike, invite: InviteLike): Promise<string[]> {
    if (!this.outbox) return [];
    const queued = await this.db.selectFrom('mail_outbox').select('body_text').where('invite_id', '=', invite.id).where('kind', '=', 'reminder').where('status', '=', 'queued').executeTakeFirst();
    const link = queued?.body_text.split('\u0000link:')[1];
    await this.outbox.cancelForInvite(invite.id, 'reminder');
    return link ? this.scheduleReminders(interview, candidate, invite, link) : [];
  }

  /** The candidate answered the last question: thank them, tell the owners, drop pending reminders. */
  async candidateFinished(interview: InterviewLike, candidate: CandidateLike, inviteId: string, adminLink: string): Promise<void> {
    if (!this.outbox) return;
    await this.outbox.cancelForInvite(inviteId, 'reminder');
    const vars = this.vars(interview, candidate, { adminLink });
    const c = this.render('confirmation', interview, vars);
    await this.outbox.enqueue({ kind: 'confirmation', to: candidate.email, subject: c.subject, text: c.text, interviewId: interview.id, candidateId: candidate.id, inviteId, dedupeKey: `confirmation:${inviteId}` });
    const f = this.render('finished', interview, vars);
    for (const to of await this.owners(interview)) {
      await this.outbox.enqueue({ kind: 'finished', to, subject: f.subject, text: f.text, interviewId: interview.id, candidateId: candidate.id, inviteId, dedupeKey: `finished:${inviteId}:${to}` });
    }
  }

  /** The interview's owners: its creator if still active, else every active admin. */
  async owners(interview: InterviewLike): Promise<string[]> {
    if (interview.created_by) {
      const u = await this.db.selectFrom('users').select('email').where('id', '=', interview.created_by).where('active', '=', 1).executeTakeFirst();
      if (u) return [u.email];
    }
    return (await this.db.selectFrom('users').select('email').where('role', '=', 'admin').where('active', '=', 1).execute()).map((u) => u.email);
  }

  adminLink(interviewId: string, candidateId: string, requestBase?: string): string {
    return `${(this.opts.publicUrl ?? requestBase ?? '').replace(/\/+$/, '')}/admin/interviews/${interviewId}/candidates/${candidateId}`;
  }
}

/** A reminder still makes sense: the invite is open (not finished, revoked, declined or expired). */
export function reminderCheck(db: Kysely<DB>): (row: OutboxRow) => Promise<boolean> {
  return async (row) => {
    if (!row.invite_id) return true;
    const inv = await db.selectFrom('invites').select(['revoked_at', 'completed_at', 'declined_at', 'expires_at']).where('id', '=', row.invite_id).executeTakeFirst();
    return Boolean(inv && !inv.revoked_at && !inv.completed_at && !inv.declined_at && inv.expires_at > new Date().toISOString());
  };
}
