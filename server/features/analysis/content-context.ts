/**
 * What the content analysis needs to know about an answer besides its report: the question's type (from the
 * bank's `type` column when present, otherwise guessed from its category) and the job description, if any.
 */
import type { Kysely } from 'kysely';
import { type QuestionType, questionTypeSchema } from '../../../contracts/questions.js';
import type { ContentContext } from '../../analysis/summary/index.js';
import type { DB } from '../../db/schema.js';

const BY_CATEGORY: Record<string, QuestionType> = {
  behavioral: 'behavioural',
  behavioural: 'behavioural',
  leadership: 'behavioural',
  teamwork: 'behavioural',
  situational: 'situational',
  technical: 'technical',
  career: 'motivation',
  motivation: 'motivation',
};

export function questionTypeOf(row: { category?: unknown; type?: unknown } | undefined): QuestionType {
  const t = questionTypeSchema.safeParse(row?.type);
  if (t.success) return t.data;
  return (typeof row?.category === 'string' && BY_CATEGORY[row.category.toLowerCase()]) || 'general';
}

export function contentContextResolver(db: Kysely<DB>): (answer: { id: string; question_id: string | null }) => Promise<ContentContext> {
  return async (answer) => {
    const row = answer.question_id ? await db.selectFrom('questions').selectAll().where('id', '=', answer.question_id).executeTakeFirst() : undefined;
    // A job description travels with the answer when its session has one (mock interviews); absent otherwise.
    const jd = (answer as { job_description?: unknown }).job_description;
    return { questionType: questionTypeOf(row as { category?: unknown; type?: unknown } | undefined), jobDescription: typeof jd === 'string' ? jd : null };
  };
}
