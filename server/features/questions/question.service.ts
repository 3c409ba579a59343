import { type Question, QuestionRepository } from './question.repository.js';

export class QuestionService {
  constructor(
    private readonly repo: QuestionRepository,
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * A random question this session has not seen; when the bank is exhausted the session starts over
   * (avoiding, when possible, the question it saw last).
   */
  async drawRandom(sessionId: string, lastId?: string): Promise<Question> {
    let pool = await this.repo.undrawn(sessionId);
    if (pool.length === 0) {
      await this.repo.resetDraws(sessionId);
      const all = await this.repo.list();
      pool = all.length > 1 ? all.filter((q) => q.id !== lastId) : all;
    }
    const pick = pool[Math.floor(this.random() * pool.length)];
    if (!pick) throw new Error('the question bank is empty');
    await this.repo.recordDraw(sessionId, pick.id);
    return pick;
  }

  list(): Promise<Question[]> {
    return this.repo.list();
  }

  get(id: string): Promise<Question | undefined> {
    return this.repo.get(id);
  }
}
