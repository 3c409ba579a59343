/** The practice API: queries (cached by TanStack Query) and the calls that change answers. Types come from contracts/. */
import { queryOptions } from '@tanstack/react-query';
import type { Answer, AnswerAccepted, AnswerList } from '../../contracts/answers';
import type { Question, QuestionList } from '../../contracts/questions';
import type { AppConfig } from '../../contracts/system';
import { request, seg } from './lib/http';

export const practiceKeys = {
  config: ['config'] as const,
  /** Every list of answers (history). */
  answers: ['answers'] as const,
  answer: (id: string) => ['answer', id] as const,
  questions: ['questions'] as const,
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
