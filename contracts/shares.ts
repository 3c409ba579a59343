/** Read-only links to one practice report (issue 11): unguessable, revocable, optionally without the video. */
import { z } from 'zod';
import { answerSchema } from './answers.js';

export const shareCreate = z.object({ includeVideo: z.boolean().default(false) });
export type ShareCreate = z.input<typeof shareCreate>;

export const shareSchema = z.object({ id: z.string(), answerId: z.string(), includeVideo: z.boolean(), createdAt: z.string(), revokedAt: z.string().nullable() });
export type Share = z.infer<typeof shareSchema>;

/** POST /api/answers/:id/shares: the token and link are shown once (only their hash is stored). */
export const shareCreated = shareSchema.extend({ token: z.string(), url: z.string() });
export type ShareCreated = z.infer<typeof shareCreated>;

export const shareList = z.object({ items: z.array(shareSchema) });
export type ShareList = z.infer<typeof shareList>;

export const shareParams = z.object({ id: z.string().min(1).max(100), shareId: z.string().min(1).max(100) });
export const sharedTokenParams = z.object({ token: z.string().min(1).max(200) });

/** GET /api/shared/:token: the report as its owner sees it, read-only; videoUrl is null when the link excludes the video. */
export const sharedAnswer = answerSchema.omit({ videoUrl: true }).extend({ videoUrl: z.string().nullable(), includeVideo: z.boolean() });
export type SharedAnswer = z.infer<typeof sharedAnswer>;
