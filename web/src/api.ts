/** The server API client. Every failure becomes an ApiError whose message can be shown to the user. */
import type { AnswerDetail, AppConfig, HistoryItem, Question } from './types';
import { ApiError, errorFromBody } from './lib/apiError';

export { ApiError, messageOf } from './lib/apiError';

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' }, ...init });
  } catch {
    throw new ApiError('Cannot reach the server. Check your connection and try again.', 0, 'NETWORK');
  }
  if (!res.ok) throw errorFromBody(res.status, await res.text());
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  config: () => request<AppConfig>('/api/config'),
  randomQuestion: () => request<Question>('/api/questions/random'),
  answer: (id: string) => request<AnswerDetail>(`/api/answers/${encodeURIComponent(id)}`),
  history: (limit = 50) => request<{ items: HistoryItem[] }>(`/api/answers?limit=${limit}`),
  retry: (id: string) => request<unknown>(`/api/answers/${encodeURIComponent(id)}/retry`, { method: 'POST' }),
  remove: (id: string) => request<void>(`/api/answers/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  eventsUrl: (id: string) => `/api/answers/${encodeURIComponent(id)}/events`,
};

export interface UploadHandle {
  promise: Promise<{ id: string }>;
  abort(): void;
}

/**
 * Uploads a recorded answer as multipart/form-data (questionId first, then the video file) with
 * XMLHttpRequest so upload progress (0..1) can be reported.
 */
export function uploadAnswer(questionId: string, video: Blob, fileName: string, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<{ id: string }>((resolve, reject) => {
    const form = new FormData();
    form.append('questionId', questionId);
    form.append('video', video, fileName);
    xhr.open('POST', '/api/answers');
    xhr.responseType = 'text';
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          const body = JSON.parse(xhr.responseText) as { id?: unknown };
          if (typeof body.id !== 'string') throw new Error('no id');
          onProgress(1);
          resolve({ id: body.id });
        } catch {
          reject(new ApiError('The server accepted the upload but sent an unexpected reply.', xhr.status, 'BAD_REPLY'));
        }
      } else reject(errorFromBody(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError('The upload failed: the connection to the server was lost.', 0, 'NETWORK'));
    xhr.onabort = () => reject(new ApiError('The upload was cancelled.', 0, 'ABORTED'));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
