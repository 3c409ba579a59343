/**
 * The analysis budget of a client (issue 11: analysis was unmetered; a 590 s video of 578 KB cost 100 s of
 * worker time, 30 a minute). Per client: at most ANALYSIS_MINUTES_PER_HOUR minutes of media accepted in the
 * last hour, and at most ANALYSIS_MAX_QUEUED answers waiting or in analysis. The client is the caller's
 * address (behind TRUST_PROXY, the real one), so new anonymous cookies do not buy a new budget. Kept in the
 * database: every API process of a scale-out deployment sees the same budget. A job's queue priority is the
 * client's number of waiting answers, so one client's backlog does not starve another client's first answer.
 */
import { rateLimited } from '../../http/errors.js';
import type { BudgetRepository } from './budget.repository.js';

export interface BudgetSettings {
  minutesPerHour: number;
  maxQueued: number;
}

const HOUR = 3600_000;

export class AnalysisBudget {
  private lastPurge = 0;

  constructor(
    private readonly repo: BudgetRepository,
    private readonly s: BudgetSettings,
  ) {}

  /** Before receiving an upload: 429 when the client already has its queue full or its minutes spent. */
  async checkRoom(clientKey: string, now = new Date()): Promise<void> {
    const active = await this.repo.activeAnswers(clientKey);
    this.checkQueue(active);
    if (this.s.minutesPerHour > 0) {
      const used = await this.repo.secondsSince(clientKey, new Date(now.getTime() - HOUR));
      if (used >= this.s.minutesPerHour * 60) throw await this.spent(clientKey, used, 0, now);
    }
  }

  /**
   * Charges `seconds` of media to the client for `answerId` (the video is checked, not yet stored).
   * Returns the queue priority of its job. 429 when it would exceed the hour's minutes or the queue limit.
   */
  async charge(clientKey: string, answerId: string, seconds: number, now = new Date()): Promise<number> {
    await this.purgeOld(now);
    const active = await this.repo.activeAnswers(clientKey);
    this.checkQueue(active);
    if (this.s.minutesPerHour > 0) {
      const used = await this.repo.secondsSince(clientKey, new Date(now.getTime() - HOUR));
      if (used + seconds > this.s.minutesPerHour * 60) throw await this.spent(clientKey, used, seconds, now);
    }
    await this.repo.record(clientKey, answerId, seconds, now);
    return active;
  }

  private checkQueue(active: number): void {
    if (active >= this.s.maxQueued) {
      throw rateLimited(`You already have ${active} answer(s) waiting for analysis (the limit is ${this.s.maxQueued}). Wait until one is finished, then upload again.`, 30_000);
    }
  }

  /** 429 saying how much is left, with Retry-After = when enough of the last hour's usage has aged out. */
  private async spent(clientKey: string, usedSec: number, wantSec: number, now: Date) {
    const limitSec = this.s.minutesPerHour * 60;
    const left = Math.max(0, limitSec - usedSec);
    const mustFree = usedSec + Math.max(wantSec, 1) - limitSec;
    let freed = 0;
    let retryAt = now.getTime() + HOUR;
    for (const u of await this.repo.usageSince(clientKey, new Date(now.getTime() - HOUR))) {
      freed += u.seconds;
      if (freed >= mustFree) {
        retryAt = new Date(u.created_at).getTime() + HOUR;
        break;
      }
    }
    const what = wantSec > 0 ? `This ${Math.ceil(wantSec / 60)}-minute video would go over the limit of ${this.s.minutesPerHour} minute(s) of video analysed per hour` : `You have used the ${this.s.minutesPerHour} minute(s) of video analysed per hour`;
    const wait = Math.max(1000, retryAt - now.getTime());
    return rateLimited(`${what} (${Math.floor(left / 60)} min ${Math.round(left % 60)} s left). Try again in ${Math.ceil(wait / 60_000)} minute(s).`, wait);
  }

  private async purgeOld(now: Date): Promise<void> {
    if (now.getTime() - this.lastPurge < HOUR) return;
    this.lastPurge = now.getTime();
    await this.repo.purge(new Date(now.getTime() - 2 * HOUR));
  }
}
