/** Interviews (job openings) with an ordered question set, consent text, retention and ranking weights. */
import { randomUUID } from 'node:crypto';
import { type Brand, brandSchema, type Interview, type InterviewQuestion } from '../../../contracts/interviews.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import type { Actor, AuditLog } from '../audit/audit.repository.js';
import { effectiveWeights, type Weights } from '../leaderboard/weights.js';
import { type InterviewQuestionRow, type InterviewRepository, type InterviewRow, type QuestionItem, rubricOf } from './interview.repository.js';

export const DEFAULT_CONSENT =
  'I agree that my video answers are recorded, stored and analysed by software that measures observable delivery ' +
  '(speaking pace, pauses, filler words, voice variation, eye contact and posture). The results are advice for the ' +
  'people reviewing my application; people make every decision. My recordings are deleted when the retention period ' +
  'ends or when I ask the hiring team to delete them.';

export interface InterviewInput {
  title: string;
  description: string;
  consentText?: string | undefined;
  retentionDays?: number | null | undefined;
  weights?: Partial<Weights> | null | undefined;
  brand?: Brand | null | undefined;
  questions: QuestionItem[];
}

export type InterviewQuestionDto = InterviewQuestion;
export type InterviewDto = Interview;

export const toQuestionDto = (q: InterviewQuestionRow): InterviewQuestionDto => ({
  questionId: q.question_id,
  text: q.text,
  category: q.category,
  position: q.position,
  thinkTimeSec: q.think_time_sec,
  answerTimeSec: q.answer_time_sec,
  retakes: q.retakes,
  rubric: rubricOf(q),
});

export class InterviewService {
  constructor(
    private readonly repo: InterviewRepository,
    private readonly audit: AuditLog,
  ) {}

  async setMailTemplates(id: string, json: string | null): Promise<void> {
    await this.repo.update(id, { mail_templates_json: json });
  }

  async row(id: string): Promise<InterviewRow> {
    const row = await this.repo.get(id);
    if (!row) throw notFound('INTERVIEW_NOT_FOUND', `No interview with id "${id.slice(0, 80)}".`);
    return row;
  }

  async get(id: string): Promise<InterviewDto> {
    const row = await this.row(id);
    return { ...toSummary(row), questions: (await this.repo.questions(id)).map(toQuestionDto) };
  }

  async list(): Promise<Array<Omit<InterviewDto, 'questions'> & { candidates: number }>> {
    return (await this.repo.list()).map((r) => ({ ...toSummary(r), candidates: Number(r.candidates) }));
  }

  async create(actor: Actor, input: InterviewInput): Promise<InterviewDto> {
    await this.checkQuestions(input.questions);
    const now = new Date().toISOString();
    const id = randomUUID();
    await this.repo.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('interviews')
        .values({
          id,
          title: input.title,
          description: input.description,
          consent_text: input.consentText?.trim() || DEFAULT_CONSENT,
          retention_days: input.retentionDays ?? null,
          weights_json: input.weights ? JSON.stringify(input.weights) : null,
          brand_json: input.brand ? JSON.stringify(input.brand) : null,
          created_by: actor.id,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.repo.setQuestions(trx, id, input.questions);
    });
    await this.audit.record(actor, 'interview.create', 'interview', id, { title: input.title, questions: input.questions.length });
    return this.get(id);
  }

  async update(actor: Actor, id: string, patch: Partial<InterviewInput>): Promise<InterviewDto> {
    await this.row(id);
    if (patch.questions) {
      await this.checkQuestions(patch.questions);
      if (await this.repo.hasAnswers(id)) throw conflict('QUESTIONS_LOCKED', 'Candidates have already answered this interview: its questions can no longer change.');
    }
    await this.repo.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('interviews')
        .set({
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          ...(patch.consentText !== undefined ? { consent_text: patch.consentText.trim() || DEFAULT_CONSENT } : {}),
          ...(patch.retentionDays !== undefined ? { retention_days: patch.retentionDays } : {}),
          ...(patch.weights !== undefined ? { weights_json: patch.weights ? JSON.stringify(patch.weights) : null } : {}),
          ...(patch.brand !== undefined ? { brand_json: patch.brand ? JSON.stringify(patch.brand) : null } : {}),
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      if (patch.questions) await this.repo.setQuestions(trx, id, patch.questions);
    });
    await this.audit.record(actor, 'interview.update', 'interview', id, { fields: Object.keys(patch) });
    return this.get(id);
  }

  private async checkQuestions(items: QuestionItem[]): Promise<void> {
    if (items.length === 0) throw badRequest('NO_QUESTIONS', 'An interview needs at least one question.');
    for (const [i, q] of items.entries()) {
      if (!q.questionId && !q.text?.trim()) throw badRequest('BAD_QUESTION', `Question ${i + 1}: pick a question from the bank (questionId) or write one (text).`);
    }
    const ids = items.flatMap((q) => (q.questionId ? [q.questionId] : []));
    if (new Set(ids).size !== ids.length) throw badRequest('DUPLICATE_QUESTION', 'The same question appears twice in this interview.');
    const missing = await this.repo.missingQuestionIds(ids);
    if (missing.length > 0) throw badRequest('QUESTION_NOT_FOUND', `Unknown question id(s): ${missing.slice(0, 5).join(', ')}.`);
  }
}

export function brandOf(json: string | null): Brand | null {
  if (!json) return null;
  const parsed = brandSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

function toSummary(r: InterviewRow): Omit<InterviewDto, 'questions'> {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    consentText: r.consent_text,
    retentionDays: r.retention_days,
    weights: effectiveWeights(r.weights_json),
    brand: brandOf(r.brand_json),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
