/** The hiring side's services, built once from the container. */
import type { Container } from '../../container.js';
import { AuditLog } from '../audit/audit.repository.js';
import { AuthService } from '../auth/auth.service.js';
import { LoginLimiter } from '../auth/login-limiter.js';
import { SessionRepository } from '../auth/session.repository.js';
import { UserRepository } from '../auth/user.repository.js';
import { UserService } from '../auth/user.service.js';
import { CandidateRepository } from '../candidates/candidate.repository.js';
import { CandidateService } from '../candidates/candidate.service.js';
import { InterviewRepository } from '../interviews/interview.repository.js';
import { InterviewService } from '../interviews/interview.service.js';
import { InviteRepository } from '../invites/invite.repository.js';
import { InviteService } from '../invites/invite.service.js';
import { LeaderboardService } from '../leaderboard/leaderboard.service.js';
import { ReviewRepository } from '../reviews/review.repository.js';
import { ReviewService } from '../reviews/review.service.js';
import { BullMqWake } from '../mail/bullmq-wake.js';
import { MailOutbox } from '../mail/mail.outbox.js';
import { HiringMail, reminderCheck, smtpSender } from '../mail/mail.service.js';
import { TokenService } from '../tokens/token.service.js';
import { WebhookService } from '../webhooks/webhook.service.js';
import { type HiringSettings, loadHiringSettings } from './settings.js';

export interface Hiring {
  settings: HiringSettings;
  audit: AuditLog;
  auth: AuthService;
  users: UserService;
  interviews: InterviewService;
  candidates: CandidateService;
  invites: InviteService;
  reviews: ReviewService;
  leaderboard: LeaderboardService;
  mail: HiringMail;
  webhooks: WebhookService;
  tokens: TokenService;
}

export function createHiring(c: Container): Hiring {
  const db = c.database.db;
  const settings = loadHiringSettings(c.config.env);
  const audit = new AuditLog(db);
  const userRepo = new UserRepository(db);
  const sessions = new SessionRepository(db);
  const interviewRepo = new InterviewRepository(db);
  const reviewRepo = new ReviewRepository(db);
  const interviews = new InterviewService(interviewRepo, audit);
  const candidates = new CandidateService(new CandidateRepository(db), c.storage, audit);
  const cfg = c.config;
  // With Redis, due mail is woken by BullMQ delayed jobs (bullmq-wake.ts); the poller is then a slow safety net.
  const wake = cfg.SMTP_URL && cfg.REDIS_URL ? new BullMqWake({ url: cfg.REDIS_URL, log: c.log }) : null;
  const outbox = cfg.SMTP_URL
    ? new MailOutbox(db, smtpSender(cfg.SMTP_URL), { from: cfg.MAIL_FROM, maxAttempts: cfg.MAIL_MAX_ATTEMPTS, log: c.log, pollMs: wake ? 60_000 : 5000 }, reminderCheck(db), wake)
    : null;
  const mail = new HiringMail(db, outbox, { reminderHours: cfg.INVITE_REMINDER_HOURS, publicUrl: settings.PUBLIC_URL });
  const invites = new InviteService(new InviteRepository(db), interviewRepo, candidates, audit, settings.INVITE_DAYS, mail);
  const webhooks = new WebhookService(db, audit, { maxAttempts: cfg.WEBHOOK_MAX_ATTEMPTS, timeoutMs: cfg.WEBHOOK_TIMEOUT_SEC * 1000, log: c.log });
  invites.onFinished(async (o) => {
    await webhooks.emit('candidate.finished', { interviewId: o.interview.id, interviewTitle: o.interview.title, candidateId: o.invite.candidate_id, candidateName: o.candidateName, candidateEmail: o.candidateEmail });
  });
  candidates.onDecided(async (interview, cand, decision, reason) => {
    await webhooks.emit('candidate.decided', { interviewId: interview.id, interviewTitle: interview.title, candidateId: cand.id, candidateName: cand.name, candidateEmail: cand.email, decision, reason });
  });
  invites.onFinished(async (o, baseUrl) => {
    await mail.candidateFinished(o.interview, { id: o.invite.candidate_id, name: o.candidateName, email: o.candidateEmail }, o.invite.id, mail.adminLink(o.interview.id, o.invite.candidate_id, baseUrl));
  });
  return {
    settings,
    audit,
    auth: new AuthService({ users: userRepo, sessions, limiter: new LoginLimiter(settings.LOGIN_FAILURES_PER_EMAIL, 15 * 60_000), audit, sessionHours: settings.SESSION_HOURS }),
    users: new UserService(userRepo, sessions, audit),
    interviews,
    candidates,
    invites,
    mail,
    webhooks,
    tokens: new TokenService(db, audit),
    reviews: new ReviewService(c, reviewRepo, interviewRepo, candidates, audit),
    leaderboard: new LeaderboardService(interviews, candidates, reviewRepo, c.config.FAIRNESS_MIN_GROUP),
  };
}
