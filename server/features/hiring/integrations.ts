/** Hiring mail, webhooks and API tokens (issue 15), built by the composition root and wired to the hiring events. */
import type { Container } from '../../container.js';
import type { AuditLog } from '../audit/audit.repository.js';
import type { CandidateService } from '../candidates/candidate.service.js';
import type { InviteService } from '../invites/invite.service.js';
import { BullMqWake } from '../mail/bullmq-wake.js';
import { MailOutbox } from '../mail/mail.outbox.js';
import { HiringMail, reminderCheck, smtpSender } from '../mail/mail.service.js';
import { TokenService } from '../tokens/token.service.js';
import { WebhookService } from '../webhooks/webhook.service.js';

export function createHiringIntegrations(c: Pick<Container, 'config' | 'database' | 'log'>, audit: AuditLog): { mail: HiringMail; webhooks: WebhookService; tokens: TokenService } {
  const db = c.database.db;
  const cfg = c.config;
  // With Redis, due mail is woken by BullMQ delayed jobs (bullmq-wake.ts); the poller is then a slow safety net.
  const wake = cfg.SMTP_URL && cfg.REDIS_URL ? new BullMqWake({ url: cfg.REDIS_URL, log: c.log }) : null;
  const outbox = cfg.SMTP_URL
    ? new MailOutbox(db, smtpSender(cfg.SMTP_URL), { from: cfg.MAIL_FROM, maxAttempts: cfg.MAIL_MAX_ATTEMPTS, log: c.log, pollMs: wake ? 60_000 : 5000 }, reminderCheck(db), wake)
    : null;
  return {
    mail: new HiringMail(db, outbox, { reminderHours: cfg.INVITE_REMINDER_HOURS, publicUrl: cfg.PUBLIC_URL }),
    webhooks: new WebhookService(db, audit, { maxAttempts: cfg.WEBHOOK_MAX_ATTEMPTS, timeoutMs: cfg.WEBHOOK_TIMEOUT_SEC * 1000, log: c.log }),
    tokens: new TokenService(db, audit),
  };
}

/** candidate.finished / candidate.decided -> webhooks; finished -> confirmation and owner mail. */
export function wireHiringEvents(h: { invites: InviteService; candidates: CandidateService; mail: HiringMail; webhooks: WebhookService }): void {
  const { invites, candidates, mail, webhooks } = h;
  invites.onFinished(async (o) => {
    await webhooks.emit('candidate.finished', { interviewId: o.interview.id, interviewTitle: o.interview.title, candidateId: o.invite.candidate_id, candidateName: o.candidateName, candidateEmail: o.candidateEmail });
  });
  candidates.onDecided(async (interview, cand, decision, reason) => {
    await webhooks.emit('candidate.decided', { interviewId: interview.id, interviewTitle: interview.title, candidateId: cand.id, candidateName: cand.name, candidateEmail: cand.email, decision, reason });
  });
  invites.onFinished(async (o, baseUrl) => {
    await mail.candidateFinished(o.interview, { id: o.invite.candidate_id, name: o.candidateName, email: o.candidateEmail }, o.invite.id, mail.adminLink(o.interview.id, o.invite.candidate_id, baseUrl));
  });
}
