/** The one uploader: a video (and its form fields) as multipart/form-data with progress and abort. */
import { Upload } from 'tus-js-client';
import { ApiError, errorFromBody } from './apiError';
import { csrfToken } from './http';
import { uploadFileName } from './mime';

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

/**
 * A take uploaded while it is recorded (tus, resumable): MediaRecorder chunks are appended as they come and sent
 * in PATCH requests as soon as there are bytes; after a dropped connection tus-js-client asks the server for its
 * offset and resumes from there (retrying for about a minute). The chunks stay in memory and in IndexedDB
 * (lib/takeStore.ts) until the server has all of them. finish() sets the length and resolves when the upload is
 * complete; discard() deletes the partial upload on the server (a retake).
 */
export interface StreamingUpload {
  /** the upload's id on the server, once created */
  readonly id: string | null;
  /** bytes recorded and bytes the server acknowledged */
  readonly recordedBytes: number;
  readonly sentBytes: number;
  push(chunk: Blob): void;
  /** No more chunks: resolves with the upload id when the server has every byte. */
  finish(): Promise<string>;
  /** After finish() failed (the connection stayed down): resume from the server's offset and finish. */
  retry(): Promise<string>;
  discard(): Promise<void>;
  /** Stops sending (the page goes away) without deleting anything: the take can be resumed later. */
  stop(): void;
}

/** Retry for about a minute of outage: tus resumes from the server's offset each time. */
const RETRY_DELAYS = [0, 500, 1000, 2000, 3000, 5000, 5000, 5000, 5000, 5000, 10000, 10000];

export interface StreamingOptions {
  /** resume this upload (after a reload): tus asks the server for its offset */
  uploadUrl?: string | null;
  /** the chunks recorded before (after a reload) */
  chunks?: Blob[];
  /** more tus metadata for the server (an invite upload names its question: `questionId`) */
  metadata?: Record<string, string>;
  /** keeps the take in the browser until the server has it (lib/takeStore.ts) */
  persist?: { chunk(chunk: Blob, index: number): void; url(url: string): void; complete(): void };
}

export function startStreamingUpload(endpoint: string, mimeType: string, onSent: (sentBytes: number, recordedBytes: number) => void, opts: StreamingOptions = {}): StreamingUpload {
  const chunks: Blob[] = [...(opts.chunks ?? [])];
  let recorded = chunks.reduce((n, c) => n + c.size, 0);
  let sent = 0;
  let ended = false;
  let discarded = false;
  let complete = false;
  let wake: (() => void) | null = null;
  let id: string | null = opts.uploadUrl?.split('/').pop() ?? null;
  let doneResolve!: (id: string) => void;
  let doneReject!: (e: Error) => void;
  let done!: Promise<string>;
  const arm = (): void => {
    done = new Promise<string>((resolve, reject) => {
      doneResolve = resolve;
      doneReject = reject;
    });
    done.catch(() => undefined);
  };
  arm();

  // A source that grows: slice() waits until there are bytes past `start` (or the take has ended).
  const source = {
    size: null as unknown as number,
    async slice(start: number, end: number): Promise<{ value: Blob; done: boolean }> {
      while (!ended && recorded <= start) await new Promise<void>((r) => (wake = r));
      // a discarded take sends nothing more (tus-js-client ignores the failure of an aborted upload)
      if (discarded) throw new Error('discarded');
      const all = new Blob(chunks, { type: mimeType });
      const stop = Math.min(end, recorded);
      return { value: all.slice(start, stop), done: ended && stop >= recorded };
    },
    close() {},
  };
  const csrf = csrfToken();
  const upload = new Upload(new Blob(), {
    endpoint,
    uploadUrl: opts.uploadUrl ?? null,
    uploadLengthDeferred: true,
    chunkSize: 4 * 1024 * 1024,
    retryDelays: RETRY_DELAYS,
    storeFingerprintForResuming: false,
    metadata: { ...opts.metadata, filetype: mimeType, filename: uploadFileName(mimeType) },
    headers: csrf ? { 'x-csrf-token': csrf } : {},
    fileReader: { openFile: async () => source },
    onUploadUrlAvailable() {
      id = upload.url?.split('/').pop() ?? null;
      if (upload.url) opts.persist?.url(upload.url);
    },
    onProgress(bytes) {
      sent = Math.max(sent, bytes);
      onSent(sent, recorded);
    },
    onChunkComplete(_size, accepted) {
      sent = accepted;
      onSent(sent, recorded);
    },
    onSuccess() {
      complete = true;
      opts.persist?.complete();
      sent = recorded;
      onSent(sent, recorded);
      if (id) doneResolve(id);
      else doneReject(new ApiError('The server did not name the upload.', 0, 'BAD_REPLY'));
    },
    onError(e) {
      doneReject(new ApiError(`The upload failed: ${e.message.split('\n')[0] ?? 'the connection to the server was lost'}. Your recording is kept in this browser; try again.`, 0, 'NETWORK'));
    },
  });
  upload.start();
  return {
    get id() {
      return id;
    },
    get recordedBytes() {
      return recorded;
    },
    get sentBytes() {
      return sent;
    },
    push(chunk) {
      if (ended || chunk.size === 0) return;
      chunks.push(chunk);
      recorded += chunk.size;
      opts.persist?.chunk(chunk, chunks.length - 1);
      onSent(sent, recorded);
      wake?.();
    },
    finish() {
      ended = true;
      wake?.();
      return done;
    },
    retry() {
      arm();
      upload.start();
      return done;
    },
    stop() {
      if (!complete) void upload.abort(false).catch(() => undefined);
    },
    async discard() {
      ended = true;
      discarded = true;
      wake?.();
      if (complete) return; // the server has it (and may have made an answer of it): nothing to take back
      await upload.abort(true).catch(() => undefined);
    },
  };
}
