/** The practice API: queries (cached by TanStack Query) and the calls that change answers. Types come from contracts/. */
import { queryOptions } from '@tanstack/react-query';
import type { AccountDelete, AccountDeleted, AccountState, PasswordChange, SignedIn, SignInBody, SignUpBody } from '../../contracts/account';
import type { Answer, AnswerAccepted, AnswerList } from '../../contracts/answers';
import type { HistoryList } from '../../contracts/history';
import type { Progress } from '../../contracts/progress';
import type { ShareCreate, ShareCreated, SharedAnswer, ShareList } from '../../contracts/shares';
import type { Question, QuestionList } from '../../contracts/questions';
import type { AppConfig } from '../../contracts/system';
import { request, seg } from './lib/http';

export const practiceKeys = {
  config: ['config'] as const,
  /** Every list of answers (history). */
  answers: ['answers'] as const,
  answer: (id: string) => ['answer', id] as const,
  questions: ['questions'] as const,
  /** Who practises in this browser (account or anonymous). */
  account: ['account'] as const,
  progress: ['answers', 'progress'] as const,
  shares: (id: string) => ['answer', id, 'shares'] as const,
  shared: (token: string) => ['shared', token] as const,
};

export const configQuery = queryOptions({
  queryKey: practiceKeys.config,
  queryFn: ({ signal }) => request<AppConfig>('/api/config', { signal }),
  staleTime: Number.POSITIVE_INFINITY,
});

/** A random question; `draw` counts "Another question" presses. Not kept after the page leaves: the next visit draws a new one. */
export const randomQuestionQuery = (draw: number) =>
  queryOptions({
    queryKey: [...practiceKeys.questions, 'random', draw],
    queryFn: ({ signal }) => request<Question>('/api/questions/random', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });

export const questionBankQuery = queryOptions({
  queryKey: [...practiceKeys.questions, 'bank'],
  queryFn: ({ signal }) => request<QuestionList>('/api/questions', { signal }),
});

export const answerQuery = (id: string) =>
  queryOptions({
    queryKey: practiceKeys.answer(id),
    queryFn: ({ signal }) => request<Answer>(`/api/answers/${seg(id)}`, { signal }),
  });

export const historyQuery = (limit = 50) =>
  queryOptions({
    queryKey: [...practiceKeys.answers, { limit }],
    queryFn: ({ signal }) => request<AnswerList>(`/api/answers?limit=${limit}`, { signal }),
  });

export const practiceApi = {
  uploadUrl: '/api/answers',
  /** Resumable uploads while recording (tus). */
  streamingUploadUrl: '/api/uploads',
  /** The complete streamed take becomes an answer. */
  submitUpload: (uploadId: string, questionId: string, interrupted = false) =>
    request<AnswerAccepted>(`/api/uploads/${seg(uploadId)}/submit`, { method: 'POST', body: { questionId, ...(interrupted ? { interrupted } : {}) } }),
  retry: (id: string) => request<AnswerAccepted>(`/api/answers/${seg(id)}/retry`, { method: 'POST' }),
  remove: (id: string) => request<void>(`/api/answers/${seg(id)}`, { method: 'DELETE' }),
  eventsUrl: (id: string) => `/api/answers/${seg(id)}/events`,
};

export const accountQuery = queryOptions({
  queryKey: practiceKeys.account,
  queryFn: ({ signal }) => request<AccountState>('/api/account', { signal }),
});

export const accountApi = {
  signUp: (body: SignUpBody) => request<SignedIn>('/api/account/signup', { method: 'POST', body }),
  signIn: (body: SignInBody) => request<SignedIn>('/api/account/login', { method: 'POST', body }),
  signOut: () => request<void>('/api/account/logout', { method: 'POST' }),
  changePassword: (body: PasswordChange) => request<SignedIn>('/api/account/password', { method: 'POST', body }),
  remove: (body: AccountDelete) => request<AccountDeleted>('/api/account', { method: 'DELETE', body }),
  exportUrl: '/api/account/export',
};

/** History filters as they appear in the page URL and in GET /api/history. */
export interface HistoryFilters {
  questionId?: string;
  category?: string;
  from?: string;
  to?: string;
  q?: string;
}

export const historySearchQuery = (f: HistoryFilters) =>
  queryOptions({
    queryKey: [...practiceKeys.answers, 'history', f],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(f)) if (v) params.set(k, v);
      params.set('limit', '200');
      return request<HistoryList>(`/api/history?${params}`, { signal });
    },
  });

export const progressQuery = queryOptions({
  queryKey: practiceKeys.progress,
  queryFn: ({ signal }) => request<Progress>('/api/progress', { signal }),
});

export const sharesQuery = (id: string) =>
  queryOptions({
    queryKey: practiceKeys.shares(id),
    queryFn: ({ signal }) => request<ShareList>(`/api/answers/${seg(id)}/shares`, { signal }),
  });

export const shareApi = {
  create: (id: string, body: ShareCreate) => request<ShareCreated>(`/api/answers/${seg(id)}/shares`, { method: 'POST', body }),
  revoke: (id: string, shareId: string) => request<void>(`/api/answers/${seg(id)}/shares/${seg(shareId)}`, { method: 'DELETE' }),
};

export const sharedQuery = (token: string) =>
  queryOptions({
    queryKey: practiceKeys.shared(token),
    queryFn: ({ signal }) => request<SharedAnswer>(`/api/shared/${seg(token)}`, { signal, credentials: 'omit' }),
    retry: false,
  });
