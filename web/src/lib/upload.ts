/** The one uploader: a video (and its form fields) as multipart/form-data with progress and abort. */
import { ApiError, errorFromBody } from './apiError';
import { csrfToken } from './http';

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort(): void;
}

/**
 * POSTs the fields first, then the video (the server reads the fields before it streams the file to disk),
 * with XMLHttpRequest so upload progress (0..1) can be reported. Resolves with the JSON reply.
 */
export function uploadVideo<T>(url: string, fields: Record<string, string>, video: Blob, fileName: string, onProgress: (fraction: number) => void): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('video', video, fileName);
    xhr.open('POST', url);
    xhr.responseType = 'text';
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = csrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorFromBody(xhr.status, xhr.responseText));
      let body: T;
      try {
        body = JSON.parse(xhr.responseText) as T;
      } catch {
        return reject(new ApiError('The server accepted the upload but sent an unexpected reply.', xhr.status, 'BAD_REPLY'));
      }
      onProgress(1);
      resolve(body);
    };
    xhr.onerror = () => reject(new ApiError('The upload failed: the connection to the server was lost. Nothing was saved; please try again.', 0, 'NETWORK'));
    xhr.onabort = () => reject(new ApiError('The upload was cancelled.', 0, 'ABORTED'));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
