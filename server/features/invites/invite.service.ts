/**
 * Invite links: one unguessable token (256 bits from crypto.randomBytes) per candidate and interview; only its
 * SHA-256 is stored. Admins create and revoke them; a candidate uses one to consent and answer in order.
 */
import { randomUUID } from 'node:crypto';
import type { InviteView } from '../../../contracts/invites.js';
import { conflict, HttpError, notFound } from '../../http/errors.js';
import type { Actor, AuditLog } from '../audit/audit.repository.js';
import { newSecret, sha256 } from '../auth/tokens.js';
import type { CandidateService } from '../candidates/candidate.service.js';
import type { InterviewQuestionRow, InterviewRepository, InterviewRow } from '../interviews/interview.repository.js';
import { brandOf } from '../interviews/interview.service.js';
import type { HiringMail } from '../mail/mail.service.js';
import { type InviteDto, type InviteRepository, type InviteRow, inviteState, toInviteDto } from './invite.repository.js';

export interface InviteOptions {
  /** Days until the deadline (default INVITE_DAYS), or an exact deadline. */
  days?: number | undefined;
  deadline?: string | undefined;
  /** Mail the link (when SMTP is set). */
  sendEmail?: boolean | undefined;
  /** The public base URL of links (PUBLIC_URL, else the request's). */
  baseUrl: string;
}

export type InviteMail = { status: 'queued' | 'not_configured' | 'not_requested'; reminders: string[] };

/** Called when a candidate answers the last question (webhooks, mail): failures are logged, never lost answers. */
export type FinishedListener = (o: OpenInvite, baseUrl: string | undefined) => Promise<void>;

/** The first unanswered question (`nextQuestionId`) is where a returning candidate resumes; null when all are answered. */
export type CandidateView = InviteView;

export interface OpenInvite {
  invite: InviteRow;
  interview: InterviewRow;
  candidateName: string;
  candidateEmail: string;
  questions: InterviewQuestionRow[];
  answered: Set<string>;
}

export class InviteService {
  constructor(
    private readonly repo: InviteRepository,
    private readonly interviews: InterviewRepository,
    private readonly candidates: CandidateService,
    private readonly audit: AuditLog,
    private readonly defaultDays: number,
    private readonly mail: HiringMail,
    private readonly finishedListeners: FinishedListener[] = [],
  ) {}

  onFinished(listener: FinishedListener): void {
    this.finishedListeners.push(listener);
  }

  /**
   * A new link for the candidate; any earlier open link of theirs is revoked (and its reminders cancelled). The token
   * is returned only here. With SMTP, the link is mailed with its deadline and reminders are queued.
   */
  async create(actor: Actor, interviewId: string, candidateId: string, opts: InviteOptions): Promise<{ invite: InviteDto; token: string; url: string; mail: InviteMail }> {
    const candidate = await this.candidates.row(interviewId, candidateId);
    const interview = await this.interviews.get(interviewId);
    if (!interview) throw notFound('INTERVIEW_NOT_FOUND', 'No such interview.');
    const now = new Date();
    const token = newSecret(32);
    const expiresAt = opts.deadline ? new Date(opts.deadline).toISOString() : new Date(now.getTime() + (opts.days ?? this.defaultDays) * 86_400_000).toISOString();
    const row: InviteRow = {
      id: randomUUID(),
      candidate_id: candidate.id,
      interview_id: interviewId,
      token_hash: sha256(token),
      expires_at: expiresAt,
      revoked_at: null,
      consent_at: null,
      consent_text: null,
      completed_at: null,
      created_by: actor.id,
      created_at: now.toISOString(),
      sent_at: null,
      opened_at: null,
      started_at: null,
      declined_at: null,
    };
    for (const open of await this.repo.forCandidate(candidate.id)) if (!open.revoked_at && !open.completed_at) await this.mail.outbox?.cancelForInvite(open.id);
    await this.repo.revokeOpen(candidate.id, now.toISOString());
    await this.repo.insert(row);
    await this.candidates.markProgress(interviewId, candidate.id, 'invited');
    const url = `${opts.baseUrl.replace(/\/+$/, '')}/invite/${token}`;
    let mail: InviteMail = { status: 'not_requested', reminders: [] };
    if (opts.sendEmail !== false) {
      if (!this.mail.enabled) mail = { status: 'not_configured', reminders: [] };
      else mail = { status: 'queued', reminders: (await this.mail.inviteCreated(interview, candidate, row, url)).reminders };
    }
    await this.audit.record(actor, 'invite.create', 'candidate', candidate.id, { inviteId: row.id, expiresAt: row.expires_at, mail: mail.status });
    return { invite: toInviteDto(row), token, url, mail };
  }

  /** Invites several candidates of the interview; unknown ids fail the whole request before anything is sent. */
  async bulk(actor: Actor, interviewId: string, candidateIds: string[], opts: InviteOptions) {
    const unique = [...new Set(candidateIds)];
    const rows = [];
    for (const id of unique) rows.push(await this.candidates.row(interviewId, id));
    const items = [];
    for (const c of rows) {
      const r = await this.create(actor, interviewId, c.id, opts);
      items.push({ candidateId: c.id, name: c.name, email: c.email, url: r.url, invite: r.invite, mail: r.mail });
    }
    return { items };
  }

  /** A new deadline (in the future); reopens an expired link; pending reminders follow it. */
  async extend(actor: Actor, interviewId: string, inviteId: string, deadline: string): Promise<{ invite: InviteDto; reminders: string[] }> {
    const row = await this.repo.get(interviewId, inviteId);
    if (!row) throw notFound('INVITE_NOT_FOUND', 'No such invite in this interview.');
    if (row.revoked_at) throw conflict('INVITE_REVOKED', 'This invite was revoked: create a new one instead.');
    if (row.completed_at) throw conflict('INVITE_COMPLETED', 'The candidate has already finished: there is nothing to extend.');
    const expiresAt = new Date(deadline).toISOString();
    await this.repo.set(row.id, { expires_at: expiresAt });
    const interview = (await this.interviews.get(interviewId))!;
    const candidate = await this.candidates.row(interviewId, row.candidate_id);
    const reminders = await this.mail.deadlineChanged(interview, candidate, { id: row.id, expires_at: expiresAt });
    await this.audit.record(actor, 'invite.extend', 'candidate', row.candidate_id, { inviteId, from: row.expires_at, to: expiresAt });
    return { invite: toInviteDto((await this.repo.get(interviewId, inviteId))!), reminders };
  }

  async list(interviewId: string, candidateId: string): Promise<InviteDto[]> {
    await this.candidates.row(interviewId, candidateId);
    return (await this.repo.forCandidate(candidateId)).map(toInviteDto);
  }

  async revoke(actor: Actor, interviewId: string, inviteId: string): Promise<InviteDto> {
    const row = await this.repo.get(interviewId, inviteId);
    if (!row) throw notFound('INVITE_NOT_FOUND', 'No such invite in this interview.');
    if (!row.revoked_at) await this.repo.set(row.id, { revoked_at: new Date().toISOString() });
    await this.mail.outbox?.cancelForInvite(row.id);
    await this.audit.record(actor, 'invite.revoke', 'candidate', row.candidate_id, { inviteId });
    return toInviteDto((await this.repo.get(interviewId, inviteId))!);
  }

  /** The invite behind a token: 404 when unknown, 410 when revoked or expired. */
  async open(token: string, now = new Date()): Promise<OpenInvite> {
    const invite = token.length >= 20 && token.length <= 100 ? await this.repo.byTokenHash(sha256(token)) : undefined;
    if (!invite) throw notFound('INVITE_NOT_FOUND', 'This invitation link is not valid. Check that you copied the whole link, or ask the hiring team for a new one.');
    const state = inviteState(invite, now);
    if (state === 'revoked') throw new HttpError(410, 'INVITE_REVOKED', 'This invitation link has been withdrawn. Please contact the hiring team if you think this is a mistake.');
    if (state === 'expired') throw new HttpError(410, 'INVITE_EXPIRED', `This invitation link expired on ${invite.expires_at.slice(0, 10)}. Ask the hiring team for a new one.`);
    const interview = await this.interviews.get(invite.interview_id);
    const candidate = await this.candidates.row(invite.interview_id, invite.candidate_id).catch(() => undefined);
    if (!interview || !candidate) throw notFound('INVITE_NOT_FOUND', 'This invitation link is no longer valid.');
    return { invite, interview, candidateName: candidate.name, candidateEmail: candidate.email, questions: await this.interviews.questions(interview.id), answered: await this.repo.answered(candidate.id) };
  }

  /** The first time the link is opened (tracking). */
  async markOpened(o: OpenInvite): Promise<void> {
    if (!o.invite.opened_at) await this.repo.stampOnce(o.invite.id, 'opened_at', new Date().toISOString());
  }

  /** The candidate declines: recorded with the time; no recording is possible with this link afterwards; reminders stop. */
  async decline(o: OpenInvite): Promise<void> {
    if (o.invite.consent_at) throw conflict('CONSENT_ALREADY_GIVEN', 'You have already agreed and started. Contact the hiring team if you want to withdraw.');
    if (o.invite.declined_at) return;
    await this.repo.set(o.invite.id, { declined_at: new Date().toISOString() });
    await this.mail.outbox?.cancelForInvite(o.invite.id);
    await this.audit.record(null, 'invite.decline', 'candidate', o.invite.candidate_id, { inviteId: o.invite.id });
  }

  view(o: OpenInvite): CandidateView {
    const questions = o.questions.map((q) => ({
      questionId: q.question_id,
      position: q.position,
      text: q.text,
      thinkTimeSec: q.think_time_sec,
      answerTimeSec: q.answer_time_sec,
      retakes: q.retakes,
      answered: o.answered.has(q.question_id),
    }));
    return {
      interview: { title: o.interview.title, description: o.interview.description, consentText: o.interview.consent_text, brand: brandOf(o.interview.brand_json) },
      candidateName: o.candidateName,
      consentGiven: o.invite.consent_at !== null,
      declined: o.invite.declined_at !== null,
      completed: o.invite.completed_at !== null,
      deadline: o.invite.expires_at,
      questions,
      nextQuestionId: questions.find((q) => !q.answered)?.questionId ?? null,
    };
  }

  async consent(o: OpenInvite): Promise<void> {
    if (o.invite.consent_at) return;
    if (o.invite.declined_at) throw new HttpError(409, 'CONSENT_DECLINED', 'You declined to take part with this link. Contact the hiring team if you changed your mind.');
    await this.repo.set(o.invite.id, { consent_at: new Date().toISOString(), consent_text: o.interview.consent_text });
    await this.candidates.markProgress(o.invite.interview_id, o.invite.candidate_id, 'in_progress');
    await this.audit.record(null, 'invite.consent', 'candidate', o.invite.candidate_id, { inviteId: o.invite.id });
  }

  /** Checks that `questionId` may be answered now: consent given, question of this interview, next in order. */
  checkAnswerable(o: OpenInvite, questionId: string | undefined): InterviewQuestionRow {
    if (o.invite.declined_at) throw new HttpError(409, 'CONSENT_DECLINED', 'You declined to take part with this link. Contact the hiring team if you changed your mind.');
    if (!o.invite.consent_at) throw new HttpError(403, 'CONSENT_REQUIRED', 'Please read and accept the consent statement before recording.');
    const q = o.questions.find((x) => x.question_id === questionId);
    if (!q) throw notFound('QUESTION_NOT_IN_INTERVIEW', 'This question is not part of your interview.');
    if (o.answered.has(q.question_id)) throw conflict('ALREADY_ANSWERED', 'You have already answered this question.');
    const next = o.questions.find((x) => !o.answered.has(x.question_id));
    if (next && next.question_id !== q.question_id) throw conflict('OUT_OF_ORDER', 'Please answer the questions in order.');
    return q;
  }

  /** Records the answer as the candidate's; the last answer completes the invite. Returns the updated view. */
  /** Links the stored answer to its question; 409 (the first answer kept) when two uploads for one question raced. */
  async linkAnswer(o: OpenInvite, questionId: string, answerId: string, baseUrl?: string): Promise<CandidateView> {
    const linked = await this.repo.linkAnswer({ answer_id: answerId, invite_id: o.invite.id, candidate_id: o.invite.candidate_id, interview_id: o.invite.interview_id, question_id: questionId });
    if (!linked) this.checkAnswerable({ ...o, answered: new Set([...o.answered, questionId]) }, questionId); // throws "already answered"
    const answered = new Set([...o.answered, questionId]);
    let invite = o.invite;
    await this.repo.stampOnce(o.invite.id, 'started_at', new Date().toISOString());
    if (o.questions.every((q) => answered.has(q.question_id))) {
      const now = new Date().toISOString();
      await this.repo.set(o.invite.id, { completed_at: now });
      await this.candidates.markProgress(o.invite.interview_id, o.invite.candidate_id, 'completed');
      invite = { ...invite, completed_at: now };
      for (const listener of this.finishedListeners) await listener({ ...o, invite, answered }, baseUrl).catch(() => {});
    }
    return this.view({ ...o, invite, answered });
  }
}
