import { randomUUID } from 'node:crypto';
import type { OwnQuestionPatch, QuestionFacets, QuestionRole, QuestionSet, QuestionSetBody, QuestionType } from '../../../contracts/questions.js';
import { questionRoles, questionTypes, roleLabels } from '../../../contracts/questions.js';
import { badRequest, notFound } from '../../http/errors.js';
import { type Question, type QuestionFilter, QuestionRepository } from './question.repository.js';

/** How many own questions and sets one practice owner may keep. */
export const MAX_OWN_QUESTIONS = 500;
export const MAX_SETS = 100;

export interface DrawPlan {
  count: number;
  role?: QuestionRole | undefined;
  categories?: string[] | undefined;
  setId?: string | undefined;
  /** Questions the owner had in recent mock interviews: drawn only when there are not enough others. */
  recent?: ReadonlySet<string> | undefined;
}

export class QuestionService {
  private lastPurge = 0;

  constructor(
    private readonly repo: QuestionRepository,
    private readonly random: () => number = Math.random,
    /** Days a session's draws are kept; older ones are purged (at most once an hour, on a draw). */
    private readonly drawDays = 30,
  ) {}

  /**
   * A random question this session has not seen (the bank, and `owner`'s own questions); when all were drawn
   * the session starts over (avoiding, when possible, the question it saw last). Without a session (a browser
   * with no cookie yet) the draw is not recorded: nothing is stored for an unidentified client.
   */
  async drawRandom(sessionId: string | null, lastId?: string, owner?: string | null): Promise<Question> {
    if (sessionId === null) {
      const all = await this.repo.list(owner);
      const pool = all.length > 1 ? all.filter((q) => q.id !== lastId) : all;
      const pick = pool[Math.floor(this.random() * pool.length)];
      if (!pick) throw new Error('the question bank is empty');
      return pick;
    }
    await this.purgeOldDraws();
    let pool = await this.repo.undrawn(sessionId, owner);
    if (pool.length === 0) {
      await this.repo.resetDraws(sessionId);
      const all = await this.repo.list(owner);
      pool = all.length > 1 ? all.filter((q) => q.id !== lastId) : all;
    }
    const pick = pool[Math.floor(this.random() * pool.length)];
    if (!pick) throw new Error('the question bank is empty');
    await this.repo.recordDraw(sessionId, pick.id);
    return pick;
  }

  private async purgeOldDraws(now = Date.now()): Promise<void> {
    if (now - this.lastPurge < 3600_000) return;
    this.lastPurge = now;
    await this.repo.purgeDraws(new Date(now - this.drawDays * 86_400_000));
  }

  list(owner?: string | null, filter: QuestionFilter = {}): Promise<Question[]> {
    return this.repo.list(owner, filter);
  }

  /** Any question, interview questions included. */
  get(id: string): Promise<Question | undefined> {
    return this.repo.get(id);
  }

  /** A question a practice answer may be given to: the bank, or `owner`'s own (never the hiring side's). */
  getPublic(id: string, owner: string | null = null): Promise<Question | undefined> {
    return this.repo.getVisible(id, owner);
  }

  /** What the filters can take, with counts over what `owner` sees. */
  async facets(owner: string | null): Promise<QuestionFacets> {
    const all = await this.repo.list(owner);
    const categories = new Map<string, number>();
    for (const q of all) categories.set(q.category, (categories.get(q.category) ?? 0) + 1);
    return {
      categories: [...categories].map(([id, count]) => ({ id, count })).sort((a, b) => a.id.localeCompare(b.id)),
      types: questionTypes.map((id) => ({ id, count: all.filter((q) => q.type === id).length })),
      roles: questionRoles
        .filter((r) => r !== 'any')
        .map((id) => ({ id, label: roleLabels[id], count: all.filter((q) => q.roles.includes(id)).length })),
    };
  }

  // --- own questions ---

  async createOwn(owner: string, body: { text: string; category: string; type: QuestionType; roles: QuestionRole[] }): Promise<Question> {
    const mine = await this.repo.list(owner, { origin: 'own' });
    if (mine.length >= MAX_OWN_QUESTIONS) throw badRequest('TOO_MANY_QUESTIONS', `You can keep at most ${MAX_OWN_QUESTIONS} questions of your own; delete some first.`);
    const id = `own-${randomUUID()}`;
    await this.repo.createOwn(owner, { id, ...body, roles: normaliseRoles(body.roles) });
    return (await this.repo.getVisible(id, owner))!;
  }

  async updateOwn(owner: string, id: string, patch: OwnQuestionPatch): Promise<Question> {
    const ok = await this.repo.updateOwn(owner, id, { ...patch, roles: patch.roles ? normaliseRoles(patch.roles) : undefined });
    if (!ok) throw ownNotFound(id);
    return (await this.repo.getVisible(id, owner))!;
  }

  async deleteOwn(owner: string, id: string): Promise<void> {
    if (!(await this.repo.deleteOwn(owner, id))) throw ownNotFound(id);
  }

  // --- question sets ---

  async listSets(owner: string): Promise<QuestionSet[]> {
    const sets = await this.repo.listSets(owner);
    return Promise.all(sets.map(async (s) => ({ id: s.id, name: s.name, questions: await this.repo.setQuestions(s.id), createdAt: s.created_at, updatedAt: s.updated_at })));
  }

  async getSet(owner: string, id: string): Promise<QuestionSet> {
    const s = await this.repo.getSet(owner, id);
    if (!s) throw notFound('SET_NOT_FOUND', `No question set with id "${id.slice(0, 80)}".`);
    return { id: s.id, name: s.name, questions: await this.repo.setQuestions(s.id), createdAt: s.created_at, updatedAt: s.updated_at };
  }

  async createSet(owner: string, body: QuestionSetBody): Promise<QuestionSet> {
    if ((await this.repo.listSets(owner)).length >= MAX_SETS) throw badRequest('TOO_MANY_SETS', `You can keep at most ${MAX_SETS} question sets; delete some first.`);
    await this.checkUsable(owner, body.questionIds);
    const id = randomUUID();
    await this.repo.saveSet(owner, { id, name: body.name, questionIds: body.questionIds }, true);
    return this.getSet(owner, id);
  }

  async updateSet(owner: string, id: string, patch: Partial<QuestionSetBody>): Promise<QuestionSet> {
    await this.getSet(owner, id);
    if (patch.questionIds) await this.checkUsable(owner, patch.questionIds);
    await this.repo.saveSet(owner, { id, name: patch.name, questionIds: patch.questionIds }, false);
    return this.getSet(owner, id);
  }

  async deleteSet(owner: string, id: string): Promise<void> {
    if (!(await this.repo.deleteSet(owner, id))) throw notFound('SET_NOT_FOUND', `No question set with id "${id.slice(0, 80)}".`);
  }

  /** Every id must be a bank question or one of `owner`'s own, once. */
  private async checkUsable(owner: string, ids: string[]): Promise<void> {
    if (new Set(ids).size !== ids.length) throw badRequest('DUPLICATE_QUESTION', 'A question appears twice in the set.');
    for (const id of ids) {
      if (!(await this.repo.getVisible(id, owner))) throw badRequest('UNKNOWN_QUESTION', `There is no question "${id.slice(0, 80)}" you can use.`);
    }
  }

  // --- mock interview draws ---

  /**
   * The questions of a mock interview: a set's questions in order, or `count` random ones from the chosen
   * categories or role (role: about 60% questions for the role, the rest for any role, opening with a
   * general question when there is one).
   */
  async drawForMock(owner: string, plan: DrawPlan): Promise<Question[]> {
    if (plan.setId) {
      const set = await this.getSet(owner, plan.setId);
      if (set.questions.length < 3) throw badRequest('SET_TOO_SMALL', `The set "${set.name}" has ${set.questions.length} question(s); a mock interview needs at least 3.`);
      return set.questions.slice(0, plan.count);
    }
    const pool = await this.repo.list(owner, { category: plan.categories, role: plan.role });
    if (pool.length < plan.count) {
      const what = plan.categories?.length ? `the categories ${plan.categories.join(', ')}` : plan.role ? `the role ${roleLabels[plan.role]}` : 'the bank';
      throw badRequest('NOT_ENOUGH_QUESTIONS', `Only ${pool.length} question(s) match ${what}; choose fewer questions or more categories.`);
    }
    const fresh = (qs: Question[]) => {
      const shuffled = this.shuffle(qs);
      return [...shuffled.filter((q) => !plan.recent?.has(q.id)), ...shuffled.filter((q) => plan.recent?.has(q.id))];
    };
    if (!plan.role) return fresh(pool).slice(0, plan.count);
    const forRole = fresh(pool.filter((q) => q.roles.includes(plan.role!)));
    const forAny = fresh(pool.filter((q) => !q.roles.includes(plan.role!)));
    const want = Math.min(forRole.length, Math.ceil(plan.count * 0.6));
    const picked = [...forRole.slice(0, want), ...forAny.slice(0, plan.count - want)];
    if (picked.length < plan.count) picked.push(...forRole.slice(want, want + plan.count - picked.length));
    const rest = this.shuffle(picked);
    const opener = rest.findIndex((q) => q.type === 'general' && q.roles.includes('any'));
    if (opener > 0) rest.unshift(...rest.splice(opener, 1));
    return rest;
  }

  private shuffle<T>(items: T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }
}

function normaliseRoles(roles: QuestionRole[]): QuestionRole[] {
  const unique = [...new Set(roles)];
  return unique.length === 0 || unique.includes('any') ? ['any'] : unique;
}

function ownNotFound(id: string) {
  return notFound('QUESTION_NOT_FOUND', `You have no question with id "${id.slice(0, 80)}".`);
}
