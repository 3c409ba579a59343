/** The admin API (session cookie + CSRF header, see lib/http): queries cached under ['admin', ...] and the calls that change data. Types come from contracts/. */
import { queryOptions } from '@tanstack/react-query';
import type { AuditList } from '../../../contracts/audit';
import type { BulkDecision, Candidate, CandidateInput, CandidateList, ImportResult } from '../../../contracts/candidates';
import type { Fairness } from '../../../contracts/fairness';
import type { Interview, InterviewCreate, InterviewList, InterviewPatch } from '../../../contracts/interviews';
import type { BulkInvite, BulkInviteResult, InviteCreate, InviteCreated, InviteExtended } from '../../../contracts/invites';
import type { Leaderboard } from '../../../contracts/leaderboard';
import type { JobInfo, QueueStats } from '../../../contracts/queue';
import type { CandidateDetail, Comment, CommentInput, OverrideInput, ReviewInput } from '../../../contracts/reviews';
import type { MailTemplates, MailTemplatesView, OutboxItem, OutboxList } from '../../../contracts/mail';
import type { ApiToken, ApiTokenCreated, ApiTokenList, Delivery, DeliveryList, WebhookCreate, WebhookCreated, WebhookList } from '../../../contracts/webhooks';
import type { LoginReply, Me, User, UserCreate, UserList, UserPatch } from '../../../contracts/users';
import { ApiError } from '../lib/apiError';
import { request, seg } from '../lib/http';

const iv = (id: string) => `/api/admin/interviews/${seg(id)}`;
const cand = (id: string, c: string) => `${iv(id)}/candidates/${seg(c)}`;

export const adminKeys = {
  all: ['admin'] as const,
  me: ['admin', 'me'] as const,
  users: ['admin', 'users'] as const,
  audit: ['admin', 'audit'] as const,
  queue: ['admin', 'queue'] as const,
  /** Every interview and everything under one (candidates, leaderboard, fairness). */
  interviews: ['admin', 'interviews'] as const,
  interview: (id: string) => ['admin', 'interviews', id] as const,
};

export const adminQueries = {
  /** The signed-in user, or null when signed out. */
  me: queryOptions({
    queryKey: adminKeys.me,
    queryFn: async ({ signal }) => {
      try {
        return await request<Me>('/api/admin/me', { signal });
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
  }),
  users: queryOptions({ queryKey: adminKeys.users, queryFn: ({ signal }) => request<UserList>('/api/admin/users', { signal }) }),
  audit: queryOptions({ queryKey: adminKeys.audit, queryFn: ({ signal }) => request<AuditList>('/api/admin/audit?limit=500', { signal }) }),
  webhooks: queryOptions({ queryKey: ['admin', 'webhooks'], queryFn: ({ signal }) => request<WebhookList>('/api/admin/webhooks', { signal }) }),
  deliveries: (webhookId: string) =>
    queryOptions({ queryKey: ['admin', 'webhooks', webhookId], queryFn: ({ signal }) => request<DeliveryList>(`/api/admin/webhooks/${seg(webhookId)}/deliveries`, { signal }) }),
  tokens: queryOptions({ queryKey: ['admin', 'tokens'], queryFn: ({ signal }) => request<ApiTokenList>('/api/admin/tokens', { signal }) }),
  mailTemplates: (id: string) =>
    queryOptions({ queryKey: [...adminKeys.interview(id), 'mail-templates'], queryFn: ({ signal }) => request<MailTemplatesView>(`${iv(id)}/mail-templates`, { signal }) }),
  mail: (id: string) => queryOptions({ queryKey: [...adminKeys.interview(id), 'mail'], queryFn: ({ signal }) => request<OutboxList>(`${iv(id)}/mail`, { signal }) }),
  queue: queryOptions({ queryKey: adminKeys.queue, queryFn: ({ signal }) => request<QueueStats>('/api/admin/queue', { signal }) }),
  interviews: queryOptions({ queryKey: [...adminKeys.interviews, 'list'], queryFn: ({ signal }) => request<InterviewList>('/api/admin/interviews', { signal }) }),
  interview: (id: string) => queryOptions({ queryKey: [...adminKeys.interview(id), 'detail'], queryFn: ({ signal }) => request<Interview>(iv(id), { signal }) }),
  candidates: (id: string) => queryOptions({ queryKey: [...adminKeys.interview(id), 'candidates'], queryFn: ({ signal }) => request<CandidateList>(`${iv(id)}/candidates`, { signal }) }),
  candidate: (id: string, c: string) => queryOptions({ queryKey: [...adminKeys.interview(id), 'candidates', c], queryFn: ({ signal }) => request<CandidateDetail>(cand(id, c), { signal }) }),
  leaderboard: (id: string, q: URLSearchParams) =>
    queryOptions({ queryKey: [...adminKeys.interview(id), 'leaderboard', q.toString()], queryFn: ({ signal }) => request<Leaderboard>(`${iv(id)}/leaderboard?${q.toString()}`, { signal }) }),
  fairness: (id: string, selected: string) =>
    queryOptions({
      queryKey: [...adminKeys.interview(id), 'fairness', selected],
      queryFn: ({ signal }) => request<Fairness>(`${iv(id)}/fairness?selected=${encodeURIComponent(selected)}`, { signal }),
    }),
};

export const adminApi = {
  login: (email: string, password: string) => request<LoginReply>('/api/admin/login', { method: 'POST', body: { email, password } }),
  logout: () => request<void>('/api/admin/logout', { method: 'POST' }),
  createUser: (u: UserCreate) => request<User>('/api/admin/users', { method: 'POST', body: u }),
  updateUser: (id: string, patch: UserPatch) => request<User>(`/api/admin/users/${seg(id)}`, { method: 'PATCH', body: patch }),
  createInterview: (body: InterviewCreate) => request<Interview>('/api/admin/interviews', { method: 'POST', body }),
  updateInterview: (id: string, body: InterviewPatch) => request<Interview>(iv(id), { method: 'PATCH', body }),
  addCandidate: (id: string, body: CandidateInput) => request<Candidate>(`${iv(id)}/candidates`, { method: 'POST', body }),
  importCsv: (id: string, csv: string) => request<ImportResult>(`${iv(id)}/candidates/import`, { method: 'POST', body: { csv } }),
  deleteCandidate: (id: string, c: string) => request<void>(cand(id, c), { method: 'DELETE' }),
  invite: (id: string, c: string, body: InviteCreate = {}) => request<InviteCreated>(`${cand(id, c)}/invites`, { method: 'POST', body }),
  revokeInvite: (id: string, inviteId: string) => request<unknown>(`${iv(id)}/invites/${seg(inviteId)}/revoke`, { method: 'POST' }),
  decide: (id: string, body: BulkDecision) => request<CandidateList>(`${iv(id)}/decisions`, { method: 'POST', body }),
  review: (id: string, c: string, answerId: string, body: ReviewInput) => request<void>(`${cand(id, c)}/answers/${seg(answerId)}/review`, { method: 'PUT', body }),
  override: (id: string, c: string, answerId: string, body: OverrideInput) => request<void>(`${cand(id, c)}/answers/${seg(answerId)}/overrides`, { method: 'POST', body }),
  comment: (id: string, c: string, answerId: string, body: CommentInput) => request<Comment>(`${cand(id, c)}/answers/${seg(answerId)}/comments`, { method: 'POST', body }),
  extendInvite: (id: string, inviteId: string, deadline: string) => request<InviteExtended>(`${iv(id)}/invites/${seg(inviteId)}/extend`, { method: 'POST', body: { deadline } }),
  bulkInvite: (id: string, body: BulkInvite) => request<BulkInviteResult>(`${iv(id)}/invites/bulk`, { method: 'POST', body }),
  leaderboardCsvUrl: (id: string, q: URLSearchParams) => `${iv(id)}/leaderboard.csv?${q.toString()}`,
  fairnessCsvUrl: (id: string, selected: string) => `${iv(id)}/fairness.csv?selected=${encodeURIComponent(selected)}`,
  createWebhook: (body: WebhookCreate) => request<WebhookCreated>('/api/admin/webhooks', { method: 'POST', body }),
  retryDelivery: (webhookId: string, deliveryId: string) => request<Delivery>(`/api/admin/webhooks/${seg(webhookId)}/deliveries/${seg(deliveryId)}/retry`, { method: 'POST' }),
  deleteWebhook: (webhookId: string) => request<void>(`/api/admin/webhooks/${seg(webhookId)}`, { method: 'DELETE' }),
  createToken: (name: string) => request<ApiTokenCreated>('/api/admin/tokens', { method: 'POST', body: { name } }),
  revokeToken: (tokenId: string) => request<ApiToken>(`/api/admin/tokens/${seg(tokenId)}/revoke`, { method: 'POST' }),
  saveMailTemplates: (id: string, body: MailTemplates) => request<MailTemplatesView>(`${iv(id)}/mail-templates`, { method: 'PUT', body }),
  retryMail: (id: string, mailId: string) => request<OutboxItem>(`${iv(id)}/mail/${seg(mailId)}/retry`, { method: 'POST' }),
  retryJob: (jobId: string) => request<JobInfo>(`/api/admin/queue/jobs/${seg(jobId)}/retry`, { method: 'POST' }),
};
