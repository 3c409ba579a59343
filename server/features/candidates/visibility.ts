/** The candidate's self-described fairness group is for admins (the fairness report) only: reviewers never see it (issue 11). */
import type { SessionUser } from '../auth/guard.js';

export const seesFairnessGroup = (viewer: Pick<SessionUser, 'role'>): boolean => viewer.role === 'admin';

/** The candidate as `viewer` may see it: without the group unless an admin. */
export function candidateFor<T extends { group: string | null }>(viewer: Pick<SessionUser, 'role'>, candidate: T): T {
  return seesFairnessGroup(viewer) ? candidate : { ...candidate, group: null };
}
