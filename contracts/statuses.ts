/**
 * The closed lists of states both sides read at runtime: an answer's analysis status, a candidate's status,
 * an analysis job's state. No zod here: the web bundle imports this module at runtime.
 */

/** An answer's analysis: waiting for a worker, being analysed, finished with a report, or failed with a reason. */
export const ANSWER_STATUSES = ['queued', 'processing', 'done', 'failed'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/** True once the analysis has ended (done or failed): nothing will change without a retry. */
export const isSettled = (status: AnswerStatus): boolean => status === 'done' || status === 'failed';

/** Where a candidate stands: added without a link yet, then following their invite and answers; the last three are human decisions. */
export const CANDIDATE_STATUSES = ['not_invited', 'invited', 'in_progress', 'completed', 'shortlisted', 'rejected', 'hired'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** The decisions an admin records (completed: undo a shortlist or rejection). */
export const DECISIONS = ['shortlisted', 'rejected', 'hired', 'completed'] as const;
export type Decision = (typeof DECISIONS)[number];

/** An analysis job in the queue (what an admin sees in the queue page). */
export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];
