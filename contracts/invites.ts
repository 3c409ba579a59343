/** Invite links (admin side) and the candidate's interview behind a link (candidate side, by token). */
import { z } from 'zod';
import { resourceId } from './ids.js';
import { brandSchema } from './interviews.js';

export const INVITE_STATES = ['active', 'expired', 'revoked', 'completed'] as const;
/** Tracking: created (link exists) -> sent (mail accepted by SMTP) -> opened -> started (first answer) -> finished; or expired, revoked, declined. */
export const INVITE_TRACKING = ['created', 'sent', 'opened', 'started', 'finished', 'expired', 'revoked', 'declined'] as const;

export const inviteSchema = z.object({
  id: z.string(),
  candidateId: z.string(),
  state: z.enum(INVITE_STATES),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  consentAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  tracking: z.enum(INVITE_TRACKING),
  sentAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
});
export type Invite = z.infer<typeof inviteSchema>;

const futureDeadline = z.iso
  .datetime({ offset: true })
  .refine((s) => new Date(s).getTime() > Date.now() + 60_000, 'deadline: must be in the future')
  .refine((s) => new Date(s).getTime() < Date.now() + 366 * 86_400_000, 'deadline: at most a year ahead');

/** `deadline` (ISO time) or `expiresInDays`; `sendEmail` false shows the link without mailing it (default: mail when SMTP is set). */
export const inviteCreate = z
  .object({ expiresInDays: z.number().int().min(1).max(365).optional(), deadline: futureDeadline.optional(), sendEmail: z.boolean().default(true) })
  .refine((b) => !(b.expiresInDays && b.deadline), 'give either expiresInDays or deadline, not both')
  .default({ sendEmail: true });
export type InviteCreate = z.input<typeof inviteCreate>;
/** What happened to the mail: queued (with the reminder times), not_configured (no SMTP_URL: copy the link), not_requested. */
export const inviteMailSchema = z.object({ status: z.enum(['queued', 'not_configured', 'not_requested']), reminders: z.array(z.string()) });
/** The token and its URL are shown once, in this reply; only a hash is stored. */
export const inviteCreated = z.object({ invite: inviteSchema, token: z.string(), url: z.string(), mail: inviteMailSchema });
export type InviteCreated = z.infer<typeof inviteCreated>;
export const inviteList = z.object({ items: z.array(inviteSchema) });
export const inviteParams = z.object({ id: resourceId, inviteId: resourceId });

/** Move an invite's deadline (also reopens an expired one); queued reminders follow the new deadline. */
export const inviteExtend = z.object({ deadline: futureDeadline });
export const inviteExtended = z.object({ invite: inviteSchema, reminders: z.array(z.string()) });
export type InviteExtended = z.infer<typeof inviteExtended>;

/** Invite several candidates at once (each gets their own link; an earlier open link of theirs is revoked). */
export const bulkInvite = z
  .object({ candidateIds: z.array(resourceId).min(1).max(500), expiresInDays: z.number().int().min(1).max(365).optional(), deadline: futureDeadline.optional(), sendEmail: z.boolean().default(true) })
  .refine((b) => !(b.expiresInDays && b.deadline), 'give either expiresInDays or deadline, not both');
export type BulkInvite = z.input<typeof bulkInvite>;
export const bulkInviteResult = z.object({
  items: z.array(z.object({ candidateId: z.string(), name: z.string(), email: z.string(), url: z.string(), invite: inviteSchema, mail: inviteMailSchema })),
});
export type BulkInviteResult = z.infer<typeof bulkInviteResult>;

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
  interview: z.object({ title: z.string(), description: z.string(), consentText: z.string(), brand: brandSchema.nullable() }),
  candidateName: z.string(),
  consentGiven: z.boolean(),
  /** The candidate declined consent: nothing is recorded; the page ends politely. */
  declined: z.boolean(),
  completed: z.boolean(),
  /** The deadline (ISO time). */
  deadline: z.string(),
  questions: z.array(inviteQuestionSchema),
  nextQuestionId: z.string().nullable(),
});
export type InviteView = z.infer<typeof inviteViewSchema>;
