/** Client of the admin API: session cookie + the CSRF token (ia_csrf cookie echoed in x-csrf-token). */
import { ApiError, errorFromBody } from '../lib/apiError';
import type { Candidate, CandidateDetail, Fairness, Interview, InterviewInput, Leaderboard, Me, QueueStats, User, AuditEntry } from './types';

export function csrfToken(): string {
  const m = /(?:^|;\s*)ia_csrf=([^;]+)/.exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : '';
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  let res: Response;
  try {
    res = await fetch(path, { method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError('Cannot reach the server. Check your connection and try again.', 0, 'NETWORK');
  }
  if (!res.ok) throw errorFromBody(res.status, await res.text());
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

const iv = (id: string) => `/api/admin/interviews/${encodeURIComponent(id)}`;
const cand = (id: string, c: string) => `${iv(id)}/candidates/${encodeURIComponent(c)}`;

export const adminApi = {
  me: () => request<Me>('GET', '/api/admin/me'),
  login: (email: string, password: string) => request<{ user: Me }>('POST', '/api/admin/login', { email, password }),
  logout: () => request<void>('POST', '/api/admin/logout'),
  users: () => request<{ items: User[] }>('GET', '/api/admin/users'),
  createUser: (u: { email: string; name: string; role: 'admin' | 'reviewer'; password: string }) => request<User>('POST', '/api/admin/users', u),
  updateUser: (id: string, patch: { active?: boolean; role?: 'admin' | 'reviewer' }) => request<User>('PATCH', `/api/admin/users/${encodeURIComponent(id)}`, patch),
  audit: () => request<{ items: AuditEntry[] }>('GET', '/api/admin/audit?limit=500'),
  bank: () => request<{ items: Array<{ id: string; text: string; category: string }> }>('GET', '/api/questions'),
  interviews: () => request<{ items: Array<Interview & { candidates: number }> }>('GET', '/api/admin/interviews'),
  interview: (id: string) => request<Interview>('GET', iv(id)),
  createInterview: (body: InterviewInput) => request<Interview>('POST', '/api/admin/interviews', body),
  updateInterview: (id: string, body: Partial<InterviewInput>) => request<Interview>('PATCH', iv(id), body),
  candidates: (id: string) => request<{ items: Candidate[] }>('GET', `${iv(id)}/candidates`),
  addCandidate: (id: string, body: { name: string; email: string; tags?: string[]; group?: string | null }) => request<Candidate>('POST', `${iv(id)}/candidates`, body),
  importCsv: (id: string, csv: string) => request<{ created: Candidate[]; errors: Array<{ line: number; message: string }> }>('POST', `${iv(id)}/candidates/import`, { csv }),
  candidate: (id: string, c: string) => request<CandidateDetail>('GET', cand(id, c)),
  updateCandidate: (id: string, c: string, body: { tags?: string[]; notes?: string; group?: string | null }) => request<Candidate>('PATCH', cand(id, c), body),
  deleteCandidate: (id: string, c: string) => request<void>('DELETE', cand(id, c)),
  invite: (id: string, c: string, expiresInDays?: number) => request<{ url: string; token: string }>('POST', `${cand(id, c)}/invites`, expiresInDays ? { expiresInDays } : {}),
  revokeInvite: (id: string, inviteId: string) => request<unknown>('POST', `${iv(id)}/invites/${encodeURIComponent(inviteId)}/revoke`),
  decide: (id: string, candidateIds: string[], decision: string, reason: string) => request<{ items: Candidate[] }>('POST', `${iv(id)}/decisions`, { candidateIds, decision, reason }),
  review: (id: string, c: string, answerId: string, ratings: Record<string, number>, comment: string) =>
    request<void>('PUT', `${cand(id, c)}/answers/${encodeURIComponent(answerId)}/review`, { ratings, comment }),
  override: (id: string, c: string, answerId: string, metric: string, value: number, reason: string) =>
    request<void>('POST', `${cand(id, c)}/answers/${encodeURIComponent(answerId)}/overrides`, { metric, value, reason }),
  leaderboard: (id: string, q: URLSearchParams) => request<Leaderboard>('GET', `${iv(id)}/leaderboard?${q.toString()}`),
  leaderboardCsvUrl: (id: string, q: URLSearchParams) => `${iv(id)}/leaderboard.csv?${q.toString()}`,
  queue: () => request<QueueStats>('GET', '/api/admin/queue'),
  retryJob: (jobId: string) => request<unknown>('POST', `/api/admin/queue/jobs/${encodeURIComponent(jobId)}/retry`),
  fairness: (id: string, selected: string) => request<Fairness>('GET', `${iv(id)}/fairness?selected=${encodeURIComponent(selected)}`),
};
