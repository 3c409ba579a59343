import { type Question, QuestionRepository } from './question.repository.js';

export class QuestionService {
  private lastPurge = 0;

  constructor(
    private readonly repo: QuestionRepository,
    private readonly random: () => number = Math.random,
    /** Days a session's draws are kept; older ones are purged (at most once an hour, on a draw). */
    private readonly drawDays = 30,
  ) {}

  /**
   * A random bank question this session has not seen; when the bank is exhausted the session starts over
   * (avoiding, when possible, the question it saw last). Without a session (a browser with no cookie yet)
   * the draw is not recorded: nothing is stored for an unidentified client.
   */
  async drawRandom(sessionId: string | null, lastId?: string): Promise<Question> {
    if (sessionId === null) {
      const all = await this.repo.list();
      const pool = all.length > 1 ? all.filter((q) => q.id !== lastId) : all;
      const pick = pool[Math.floor(this.random() * pool.length)];
      if (!pick) throw new Error('the question bank is empty');
      return pick;
    }
    await this.purgeOldDraws();
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

  private async purgeOldDraws(now = Date.now()): Promise<void> {
    if (now - this.lastPurge < 3600_000) return;
    this.lastPurge = now;
    await this.repo.purgeDraws(new Date(now - this.drawDays * 86_400_000));
  }

  /** The public bank. */
  list(): Promise<Question[]> {
    return this.repo.list();
  }

  /** Any question, interview questions included. */
  get(id: string): Promise<Question | undefined> {
    return this.repo.get(id);
  }

  /** A question of the public bank (practice answers). */
  getPublic(id: string): Promise<Question | undefined> {
    return this.repo.getPublic(id);
  }
}
