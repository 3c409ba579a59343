import { randomUUID } from 'node:crypto';
import type { CreateSessionBody, Session, SessionList, SessionStatus } from '../../../contracts/sessions.js';
import type { QuestionRole, QuestionType } from '../../../contracts/questions.js';
import type { Report } from '../../analysis/report.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import type { AnswerRepository } from '../answers/answer.repository.js';
import type { AnswerService } from '../answers/answer.service.js';
import type { QuestionService } from '../questions/question.service.js';
import type { SessionItemRow, MockSessionRepository, SessionRow } from './session.repository.js';
import { type SummaryItem, summarizeSession } from './session-summary.js';

/** Questions of this many of the owner's latest mock interviews are drawn again only when there are not enough others. */
export const RECENT_SESSIONS = 5;

/** A browser stops a little after the limit; the server allows this much over the answer time. */
export const ANSWER_GRACE_SEC = 5;

export interface MockSessionServiceDeps {
  repo: MockSessionRepository;
  questions: QuestionService;
  answers: AnswerService;
  answerRepo: AnswerRepository;
  /** The server's longest accepted recording (MAX_VIDEO_SEC). */
  maxVideoSec: number;
}

export type CreateSessionInput = Required<Pick<CreateSessionBody, 'count' | 'thinkTimeSec' | 'answerTimeSec' | 'extraTimePct' | 'audioOnly'>> & Omit<CreateSessionBody, 'count' | 'thinkTimeSec' | 'answerTimeSec' | 'extraTimePct' | 'audioOnly'>;

const withExtra = (sec: number, pct: number) => Math.round(sec * (1 + pct / 100));

export class MockSessionService {
  constructor(private readonly d: MockSessionServiceDeps) {}

  async create(owner: string, body: CreateSessionInput): Promise<Session> {
    const effectiveAnswer = withExtra(body.answerTimeSec, body.extraTimePct);
    if (effectiveAnswer > this.d.maxVideoSec) {
      throw badRequest('ANSWER_TIME_TOO_LONG', `The answer time with extra time is ${effectiveAnswer} s; this server accepts recordings of at most ${this.d.maxVideoSec} s.`);
    }
    const recent = await this.d.repo.recentQuestionIds(owner, RECENT_SESSIONS);
    const questions = await this.d.questions.drawForMock(owner, { count: body.count, role: body.role, categories: body.categories, setId: body.setId, recent });
    const id = randomUUID();
    const now = new Date().toISOString();
    await this.d.repo.create(
      {
        id,
        owner,
        role: body.role ?? null,
        categories: JSON.stringify(body.categories ?? []),
        set_id: body.setId ?? null,
        job_description: body.jobDescription ? body.jobDescription : null,
        think_time_sec: body.thinkTimeSec,
        answer_time_sec: body.answerTimeSec,
        extra_time_pct: body.extraTimePct,
        audio_only: body.audioOnly ? 1 : 0,
        created_at: now,
        updated_at: now,
      },
      questions.map((q, i) => ({ session_id: id, position: i + 1, question_id: q.id, question_text: q.text, question_type: q.type, category: q.category, answer_id: null, answered_at: null })),
    );
    return this.get(owner, id);
  }

  async get(owner: string, id: string): Promise<Session> {
    const s = await this.row(owner, id);
    const items = await this.d.repo.items(s.id);
    const answers = await Promise.all(items.map((i) => (i.answer_id ? this.d.answerRepo.get(i.answer_id) : Promise.resolve(undefined))));
    const summaryItems: SummaryItem[] = items.map((i, k) => {
      const a = answers[k];
      return {
        position: i.position,
        questionText: i.question_text,
        answerId: a?.id ?? null,
        status: a?.status ?? null,
        report: a?.status === 'done' && a.report_json ? (JSON.parse(a.report_json) as Report) : null,
      };
    });
    let status: SessionStatus = 'complete';
    if (answers.some((a) => !a)) status = 'recording';
    else if (answers.some((a) => a!.status === 'queued' || a!.status === 'processing')) status = 'analysing';
    return {
      ...this.header(s),
      status,
      items: items.map((i, k) => {
        const a = answers[k];
        return {
          position: i.position,
          questionId: i.question_id,
          questionText: i.question_text,
          questionType: i.question_type as QuestionType,
          category: i.category,
          answer: a ? { id: a.id, status: a.status, stage: a.stage, progress: a.progress, error: a.error, durationSec: a.duration_sec, audioOnly: a.has_video === 0 } : null,
        };
      }),
      summary: summarizeSession(summaryItems),
    };
  }

  async list(owner: string, limit = 50): Promise<SessionList['items']> {
    const rows = await this.d.repo.list(owner, limit);
    return Promise.all(
      rows.map(async (r) => {
        const total = Number(r.total);
        const answered = Number(r.answered);
        // The list shows whether each session is finished; "analysing" needs the answers' states.
        const status: SessionStatus = answered < total ? 'recording' : (await this.get(owner, r.id)).status;
        return { id: r.id, createdAt: r.created_at, role: r.role as QuestionRole | null, categories: parseList(r.categories), status, total, answered };
      }),
    );
  }

  /**
   * Stores the recording for question `position` and queues its analysis (it runs while the next question
   * is answered). A question can be answered again only when its analysis failed or its answer was deleted.
   */
  async submitAnswer(owner: string, id: string, position: number, file: { path: string; size: number } | null, audioOnly: boolean, client?: string): Promise<{ id: string }> {
    const s = await this.row(owner, id);
    const item = (await this.d.repo.items(s.id)).find((i) => i.position === position);
    if (!item) throw notFound('SESSION_QUESTION_NOT_FOUND', `This mock interview has no question ${position}.`);
    await this.checkAnswerable(item);
    const limit = withExtra(s.answer_time_sec, s.extra_time_pct) + ANSWER_GRACE_SEC;
    const { id: answerId } = await this.d.answers.submit({
      file,
      // The session's own copy of the question (an own question may have been edited or deleted since).
      question: { id: item.question_id, text: item.question_text },
      audioOnly: audioOnly || s.audio_only === 1,
      maxDurationSec: limit,
      // The mock interview's owner owns its answers (and may use its own questions).
      owner,
      questionOwner: owner,
      // The client's analysis budget pays for it, as for any practice upload.
      ...(client ? { client } : {}),
    });
    await this.d.repo.attachAnswer(s.id, position, answerId);
    return { id: answerId };
  }

  async delete(owner: string, id: string): Promise<void> {
    if (!(await this.d.repo.delete(owner, id))) throw sessionNotFound(id);
  }

  /** For the analysis job: the job description and question type of an answer given in a mock interview. */
  async analysisContext(answerId: string): Promise<{ jobDescription?: string; questionType?: QuestionType }> {
    const ctx = await this.d.repo.analysisContext(answerId);
    if (!ctx) return {};
    return { ...(ctx.job_description ? { jobDescription: ctx.job_description } : {}), questionType: ctx.question_type as QuestionType };
  }

  private async checkAnswerable(item: SessionItemRow): Promise<void> {
    if (!item.answer_id) return;
    const a = await this.d.answerRepo.get(item.answer_id);
    if (a && a.status !== 'failed') throw conflict('ALREADY_ANSWERED', `Question ${item.position} of this mock interview is already answered.`);
  }

  private async row(owner: string, id: string): Promise<SessionRow> {
    const s = await this.d.repo.get(owner, id);
    if (!s) throw sessionNotFound(id);
    return s;
  }

  private header(s: SessionRow): Omit<Session, 'status' | 'items' | 'summary'> {
    return {
      id: s.id,
      createdAt: s.created_at,
      role: s.role as QuestionRole | null,
      categories: parseList(s.categories),
      setId: s.set_id,
      jobDescription: s.job_description,
      thinkTimeSec: s.think_time_sec,
      answerTimeSec: s.answer_time_sec,
      extraTimePct: s.extra_time_pct,
      effectiveThinkSec: withExtra(s.think_time_sec, s.extra_time_pct),
      effectiveAnswerSec: withExtra(s.answer_time_sec, s.extra_time_pct),
      audioOnly: s.audio_only === 1,
    };
  }
}

function parseList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

function sessionNotFound(id: string) {
  return notFound('SESSION_NOT_FOUND', `No mock interview with id "${id.slice(0, 80)}".`);
}
