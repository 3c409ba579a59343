/** Invite links (admin side) and the candidate's interview behind a link (candidate side, by token). */
import { z } from 'zod';
import { resourceId } from './ids.js';

export const INVITE_STATES = ['active', 'expired', 'revoked', 'completed'] as const;

export const inviteSchema = z.object({
  id: z.string(),
  candidateId: z.string(),
  state: z.enum(INVITE_STATES),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  consentAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Invite = z.infer<typeof inviteSchema>;

export const inviteCreate = z.object({ expiresInDays: z.number().int().min(1).max(365).optional() }).default({});
/** The token and its URL are shown once, in this reply; only a hash is stored. */
export const inviteCreated = z.object({ invite: inviteSchema, token: z.string(), url: z.string() });
export type InviteCreated = z.infer<typeof inviteCreated>;
export const inviteList = z.object({ items: z.array(inviteSchema) });
export const inviteParams = z.object({ id: resourceId, inviteId: resourceId });

/** The candidate side: everything goes through the token. */
export const tokenParams = z.object({ token: z.string().min(1).max(200) });
export const consentBody = z.object({ accept: z.literal(true) });

export const inviteQuestionSchema = z.object({
  questionId: z.string(),
  position: z.number(),
  text: z.string(),
  thinkTimeSec: z.number(),
  answerTimeSec: z.number(),
  retakes: z.number(),
  answered: z.boolean(),
});
export type InviteQuestion = z.infer<typeof inviteQuestionSchema>;

/** GET /api/invite/:token: the interview, consent, and where to resume. Never scores or other candidates. */
export const inviteViewSchema = z.object({
  interview: z.object({ title: z.string(), description: z.string(), consentText: z.string() }),
  candidateName: z.string(),
  consentGiven: z.boolean(),
  completed: z.boolean(),
  questions: z.array(inviteQuestionSchema),
  nextQuestionId: z.string().nullable(),
});
export type InviteView = z.infer<typeof inviteViewSchema>;
