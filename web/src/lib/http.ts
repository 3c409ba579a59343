/** The one HTTP client of the web app: JSON in and out, every failure an ApiError whose message can be shown to the user. */
import { ApiError, errorFromBody } from './apiError';

export { ApiError, messageOf } from './apiError';

/** The CSRF token the server set with the session (cookie ia_csrf); echoed in x-csrf-token on every change. */
export function csrfToken(): string {
  const m = /(?:^|;\s*)ia_csrf=([^;]+)/.exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** 'omit' for the candidate's invite flow, which must not carry a hiring-team session. */
  credentials?: RequestCredentials;
  /** Cancels the request (TanStack Query passes one to every query). */
  signal?: AbortSignal | undefined;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const csrf = method === 'GET' ? '' : csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: opts.credentials ?? 'same-origin', body: opts.body === undefined ? undefined : JSON.stringify(opts.body), signal: opts.signal ?? null });
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw new ApiError('Cannot reach the server. Check your connection and try again.', 0, 'NETWORK');
  }
  if (!res.ok) throw errorFromBody(res.status, await res.text());
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A path segment, encoded. */
export const seg = (s: string): string => encodeURIComponent(s);
