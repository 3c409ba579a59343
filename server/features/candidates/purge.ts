/**
 * Retention: candidates added more than their interview's retention period ago (or RETENTION_DAYS when the
 * interview sets none; 0 = keep forever) are erased with all their videos, reports, reviews and decisions.
 */
import type { Container } from '../../container.js';
import { AuditLog } from '../audit/audit.repository.js';
import { eraseCandidate } from './erase.js';

export async function purgeExpired(c: Container, now = new Date()): Promise<{ candidates: number; answers: number }> {
  const defaultDays = c.config.RETENTION_DAYS;
  const db = c.database.db;
  const rows = await db
    .selectFrom('candidates')
    .innerJoin('interviews', 'interviews.id', 'candidates.interview_id')
    .select(['candidates.id', 'candidates.interview_id', 'candidates.created_at', 'interviews.retention_days'])
    .execute();
  const audit = new AuditLog(db);
  let candidates = 0;
  let answers = 0;
  for (const r of rows) {
    const days = r.retention_days ?? defaultDays;
    if (days <= 0) continue;
    if (new Date(r.created_at).getTime() + days * 86_400_000 > now.getTime()) continue;
    const erased = await eraseCandidate(db, c.storage, r.id);
    await audit.record(null, 'candidate.purge', 'candidate', r.id, { interviewId: r.interview_id, retentionDays: days, answers: erased.answers });
    candidates++;
    answers += erased.answers;
  }
  if (candidates > 0) c.log.info({ candidates, answers }, 'retention purge erased expired candidates');
  return { candidates, answers };
}

/** Runs the purge now and then every `everyMs` (default 6 h). Returns a stop function. */
export function startPurgeTimer(c: Container, everyMs = 6 * 3600_000): () => void {
  const run = () => purgeExpired(c).catch((err: unknown) => c.log.error({ err }, 'retention purge failed'));
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
