/** Resumable uploads (tus, /api/uploads) and the streaming analysis that runs while a take is uploaded. */
import { z } from 'zod';

export const uploadParams = z.object({ uploadId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'not an upload id') });

/** POST /api/uploads/:uploadId/submit: the finished upload becomes an answer (202 with its id). */
export const uploadSubmit = z.object({
  questionId: z.string().min(1).max(100),
  /** the take was cut short (a reload mid-recording) and resumed from what the browser kept: its end is kept as it is */
  interrupted: z.boolean().optional(),
});
export type UploadSubmit = z.infer<typeof uploadSubmit>;

/** One `event: progress` of GET /api/uploads/:uploadId/events: "analysed up to 1:42 of 1:50". */
export const streamProgressSchema = z.object({
  /** seconds of the take received and decoded so far */
  receivedSec: z.number(),
  /** seconds from the start up to which every measurement is done */
  analysedSec: z.number(),
  /** the upload is complete */
  complete: z.boolean(),
  /** the streaming analysis has measured everything */
  finished: z.boolean(),
  /** the streaming analysis stopped (the answer is then analysed from the file), meant for the log */
  error: z.string().nullable(),
});
export type StreamProgress = z.infer<typeof streamProgressSchema>;

/** An upload made through an invite link: /api/invite/:token/uploads/:uploadId (the token identifies the candidate). */
export const inviteUploadParams = uploadParams.extend({ token: z.string().min(1).max(200) });

/** POST /api/invite/:token/uploads/:uploadId/submit: the question is the one the upload was created for. */
export const inviteUploadSubmit = uploadSubmit.pick({ interrupted: true });
export type InviteUploadSubmit = z.infer<typeof inviteUploadSubmit>;
