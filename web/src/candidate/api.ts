/** The candidate's API: everything goes through the invite token; no session, no admin data. */
import { ApiError, errorFromBody } from '../lib/apiError';

export interface InviteQuestion {
  questionId: string;
  position: number;
  text: string;
  thinkTimeSec: number;
  answerTimeSec: number;
  retakes: number;
  answered: boolean;
}

export interface InviteView {
  interview: { title: string; description: string; consentText: string };
  candidateName: string;
  consentGiven: boolean;
  completed: boolean;
  questions: InviteQuestion[];
  nextQuestionId: string | null;
}

const base = (token: string) => `/api/invite/${encodeURIComponent(token)}`;

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method, headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined, credentials: 'omit' });
  } catch {
    throw new ApiError('Cannot reach the server. Check your connection and try again.', 0, 'NETWORK');
  }
  if (!res.ok) throw errorFromBody(res.status, await res.text());
  return (await res.json()) as T;
}

export const inviteApi = {
  view: (token: string) => request<InviteView>('GET', base(token)),
  consent: (token: string) => request<InviteView>('POST', `${base(token)}/consent`, { accept: true }),
};

/** Uploads one answer with progress (0..1); resolves with the updated view (next question). */
export function uploadInviteAnswer(token: string, questionId: string, video: Blob, fileName: string, onProgress: (f: number) => void): { promise: Promise<InviteView>; abort(): void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<InviteView>((resolve, reject) => {
    const form = new FormData();
    form.append('questionId', questionId);
    form.append('video', video, fileName);
    xhr.open('POST', `${base(token)}/answers`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && e.total > 0 && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as InviteView);
        } catch {
          reject(new ApiError('The server sent an unexpected reply.', xhr.status, 'BAD_REPLY'));
        }
      } else reject(errorFromBody(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError('The upload failed: the connection was lost. Your answer was not saved; please try again.', 0, 'NETWORK'));
    xhr.onabort = () => reject(new ApiError('The upload was cancelled.', 0, 'ABORTED'));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
