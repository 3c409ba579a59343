/** The candidate's API: everything goes through the invite token, without cookies (no session, no admin data). */
import { queryOptions } from '@tanstack/react-query';
import type { InviteView } from '../../../contracts/invites';
import { request, seg } from '../lib/http';

const base = (token: string) => `/api/invite/${seg(token)}`;

export const inviteQuery = (token: string) => queryOptions({ queryKey: ['invite', token], queryFn: ({ signal }) => request<InviteView>(base(token), { credentials: 'omit', signal }) });

export const inviteApi = {
  consent: (token: string) => request<InviteView>(`${base(token)}/consent`, { method: 'POST', body: { accept: true }, credentials: 'omit' }),
  decline: (token: string) => request<InviteView>(`${base(token)}/decline`, { method: 'POST', credentials: 'omit' }),
  /** Where one answer is uploaded (multipart: questionId, then video); the reply is the updated view. */
  answerUrl: (token: string) => `${base(token)}/answers`,
  /** Where an answer is uploaded while it is recorded (tus); the upload names its question in its metadata. */
  uploadsUrl: (token: string) => `${base(token)}/uploads`,
  /** The complete streamed upload becomes the answer to its question; the reply is the updated view. */
  submitUpload: (token: string, uploadId: string, interrupted = false) =>
    request<InviteView>(`${base(token)}/uploads/${seg(uploadId)}/submit`, { method: 'POST', body: interrupted ? { interrupted } : {}, credentials: 'omit' }),
  /** Whose takes these are in this browser's store (lib/takeStore.ts): one scope per invite link. */
  takeScope: (token: string) => `invite:${token.slice(0, 16)}`,
};
