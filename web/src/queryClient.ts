import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './lib/apiError';

/** A refused request (4xx) will be refused again: only network and server errors are retried, twice. */
function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // A hiring-team session that ended (expired, signed out elsewhere): ask who is signed in, which shows the sign-in form.
        if (error instanceof ApiError && error.status === 401 && query.queryKey[0] === 'admin' && query.queryKey[1] !== 'me') void client.invalidateQueries({ queryKey: ['admin', 'me'] });
      },
    }),
    defaultOptions: { queries: { retry: shouldRetry }, mutations: { retry: false } },
  });
  return client;
}
