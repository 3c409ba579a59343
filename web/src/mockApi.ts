/** Mock interviews and the question bank's filters: queries (TanStack Query) and calls. Types come from contracts/. */
import { queryOptions } from '@tanstack/react-query';
import type { QuestionFacets, QuestionSetList } from '../../contracts/questions';
import type { CreateSessionBody, Session, SessionList } from '../../contracts/sessions';
import { request, seg } from './lib/http';

export const mockKeys = {
  all: ['mock'] as const,
  sessions: ['mock', 'sessions'] as const,
  session: (id: string) => ['mock', 'session', id] as const,
  facets: ['mock', 'facets'] as const,
  sets: ['mock', 'sets'] as const,
};

export const facetsQuery = queryOptions({
  queryKey: mockKeys.facets,
  queryFn: ({ signal }) => request<QuestionFacets>('/api/questions/facets', { signal }),
});

export const questionSetsQuery = queryOptions({
  queryKey: mockKeys.sets,
  queryFn: ({ signal }) => request<QuestionSetList>('/api/question-sets', { signal }),
});

export const sessionsQuery = queryOptions({
  queryKey: mockKeys.sessions,
  queryFn: ({ signal }) => request<SessionList>('/api/sessions', { signal }),
});

/** One session; polled every 2 s while answers are still being recorded or analysed. */
export const sessionQuery = (id: string) =>
  queryOptions({
    queryKey: mockKeys.session(id),
    queryFn: ({ signal }) => request<Session>(`/api/sessions/${seg(id)}`, { signal }),
    refetchInterval: (q) => (q.state.data && q.state.data.status === 'complete' ? false : 2000),
  });

export const mockApi = {
  create: (body: CreateSessionBody) => request<Session>('/api/sessions', { method: 'POST', body }),
  remove: (id: string) => request<void>(`/api/sessions/${seg(id)}`, { method: 'DELETE' }),
  answerUrl: (id: string, position: number) => `/api/sessions/${seg(id)}/questions/${position}/answer`,
};
