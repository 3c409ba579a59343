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
};
