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
import { type InviteDto, type InviteRepository, type InviteRow, inviteState, toInviteDto } from './invite.repository.js';

/** The first unanswered question (`nextQuestionId`) is where a returning candidate resumes; null when all are answered. */
export type CandidateView = InviteView;

export interface OpenInvite {
  invite: InviteRow;
  interview: InterviewRow;
  candidateName: string;
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
  ) {}

  /** A new link for the candidate; any earlier open link of theirs is revoked. The token is returned only here. */
  async create(actor: Actor, interviewId: string, candidateId: string, days = this.defaultDays): Promise<{ invite: InviteDto; token: string }> {
    const candidate = await this.candidates.row(interviewId, candidateId);
    const now = new Date();
    const token = newSecret(32);
    const row: InviteRow = {
      id: randomUUID(),
      candidate_id: candidate.id,
      interview_id: interviewId,
      token_hash: sha256(token),
      expires_at: new Date(now.getTime() + days * 86_400_000).toISOString(),
      revoked_at: null,
      consent_at: null,
      consent_text: null,
      completed_at: null,
      created_by: actor.id,
      created_at: now.toISOString(),
    };
    await this.repo.revokeOpen(candidate.id, now.toISOString());
    await this.repo.insert(row);
    await this.audit.record(actor, 'invite.create', 'candidate', candidate.id, { inviteId: row.id, expiresAt: row.expires_at });
    return { invite: toInviteDto(row), token };
  }

  async list(interviewId: string, candidateId: string): Promise<InviteDto[]> {
    await this.candidates.row(interviewId, candidateId);
    return (await this.repo.forCandidate(candidateId)).map(toInviteDto);
  }

  async revoke(actor: Actor, interviewId: string, inviteId: string): Promise<InviteDto> {
    const row = await this.repo.get(interviewId, inviteId);
    if (!row) throw notFound('INVITE_NOT_FOUND', 'No such invite in this interview.');
    if (!row.revoked_at) await this.repo.set(row.id, { revoked_at: new Date().toISOString() });
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
    return { invite, interview, candidateName: candidate.name, questions: await this.interviews.questions(interview.id), answered: await this.repo.answered(candidate.id) };
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
      interview: { title: o.interview.title, description: o.interview.description, consentText: o.interview.consent_text },
      candidateName: o.candidateName,
      consentGiven: o.invite.consent_at !== null,
      completed: o.invite.completed_at !== null,
      questions,
      nextQuestionId: questions.find((q) => !q.answered)?.questionId ?? null,
    };
  }

  async consent(o: OpenInvite): Promise<void> {
    if (o.invite.consent_at) return;
    await this.repo.set(o.invite.id, { consent_at: new Date().toISOString(), consent_text: o.interview.consent_text });
    await this.candidates.markProgress(o.invite.interview_id, o.invite.candidate_id, 'in_progress');
    await this.audit.record(null, 'invite.consent', 'candidate', o.invite.candidate_id, { inviteId: o.invite.id });
  }

  /** Checks that `questionId` may be answered now: consent given, question of this interview, next in order. */
  checkAnswerable(o: OpenInvite, questionId: string | undefined): InterviewQuestionRow {
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
  async linkAnswer(o: OpenInvite, questionId: string, answerId: string): Promise<CandidateView> {
    const linked = await this.repo.linkAnswer({ answer_id: answerId, invite_id: o.invite.id, candidate_id: o.invite.candidate_id, interview_id: o.invite.interview_id, question_id: questionId });
    if (!linked) this.checkAnswerable({ ...o, answered: new Set([...o.answered, questionId]) }, questionId); // throws "already answered"
    const answered = new Set([...o.answered, questionId]);
    let invite = o.invite;
    if (o.questions.every((q) => answered.has(q.question_id))) {
      const now = new Date().toISOString();
      await this.repo.set(o.invite.id, { completed_at: now });
      await this.candidates.markProgress(o.invite.interview_id, o.invite.candidate_id, 'completed');
      invite = { ...invite, completed_at: now };
    }
    return this.view({ ...o, invite, answered });
  }
}
