import { useCallback, useEffect, useRef, useState } from 'react';
import type { StreamProgress } from '../../../contracts/uploads';
import { csrfToken } from '../lib/http';
import { type StoredTake, takeStore } from '../lib/takeStore';
import { startStreamingUpload, type StreamingOptions, type StreamingUpload } from '../lib/upload';

export interface StreamingTake {
  /** Hand every MediaRecorder chunk here while recording. */
  onChunk(chunk: Blob, mimeType: string): void;
  /** A take is being (or was) uploaded while recorded. */
  active: boolean;
  /** bytes acknowledged by the server / bytes recorded */
  sentBytes: number;
  recordedBytes: number;
  /** the server's streaming analysis: "analysed up to 1:42 of 1:50" (null until it reports) */
  analysis: StreamProgress | null;
  /** No more chunks: resolves with the upload id when the server has the whole take (resumes after a failure). */
  finish(): Promise<string>;
  /** A retake: deletes the partial upload on the server. */
  discard(): void;
  /** A take this browser kept but the server never got in full (the page was reloaded or closed mid-upload). */
  unsent: StoredTake | null;
  /** Sends the rest of `unsent` (from the server's offset): resolves with the upload id when complete. */
  resumeUnsent(): Promise<string>;
  /** Forgets `unsent` (and deletes its partial upload on the server). */
  dropUnsent(): void;
}

/** The IndexedDB side of a take: chunks and upload URL saved as they come, removed when the server has it all. */
function persistence(take: StoredTake): NonNullable<StreamingOptions['persist']> {
  let saving: Promise<unknown> = takeStore.saveTake(take).catch(() => undefined);
  const after = (fn: () => Promise<unknown>) => {
    saving = saving.then(fn).catch(() => undefined); // private browsing without IndexedDB: the upload still works
  };
  return {
    chunk: (chunk, index) => after(() => takeStore.saveChunk(take.id, index, chunk)),
    url: (url) => after(() => takeStore.saveTake({ ...take, uploadUrl: url })),
    complete: () => after(() => takeStore.remove(take.id)),
  };
}

export interface StreamingSettings {
  /** whose takes these are in the browser's store (lib/takeStore.ts): 'practice' (default) or `invite:...` */
  scope?: string;
  /** follow the server's "analysed up to" events (practice); a candidate does not see the analysis */
  events?: boolean;
  /** more tus metadata (an invite upload names its question) */
  metadata?: Record<string, string>;
}

/**
 * The upload of a take while it is recorded (tus, see lib/upload.ts) and the live progress of its analysis. Used by
 * the practice page (`/api/uploads`) and a candidate's question (`/api/invite/:token/uploads`, no analysis events).
 */
export function useStreamingUpload(endpoint: string, questionId: string | null, settings: StreamingSettings = {}): StreamingTake {
  const scope = settings.scope ?? 'practice';
  const followEvents = settings.events !== false;
  const metadataKey = JSON.stringify(settings.metadata ?? {});
  const ref = useRef<StreamingUpload | null>(null);
  const failedRef = useRef(false);
  const [bytes, setBytes] = useState({ sent: 0, recorded: 0 });
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [analysis, setAnalysis] = useState<StreamProgress | null>(null);
  const [active, setActive] = useState(false);
  const takeIdRef = useRef<string | null>(null);
  const [unsent, setUnsent] = useState<StoredTake | null>(null);

  useEffect(() => {
    let live = true;
    takeStore
      .pending(scope)
      .then((takes) => {
        if (live) setUnsent(takes[0] ?? null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [scope]);

  const begin = useCallback(
    (mimeType: string, opts: StreamingOptions) => {
      failedRef.current = false;
      const up = startStreamingUpload(
        endpoint,
        mimeType,
        (sent, recorded) => {
          if (ref.current !== up) return;
          setBytes({ sent, recorded });
          if (up.id) setUploadId(up.id);
        },
        { ...opts, metadata: JSON.parse(metadataKey) as Record<string, string> },
      );
      ref.current = up;
      setActive(true);
      return up;
    },
    [endpoint, metadataKey],
  );

  const onChunk = useCallback(
    (chunk: Blob, mimeType: string) => {
      if (!ref.current) {
        const take: StoredTake = { id: `${Date.now()}-${Math.random().toString(36).slice(2)}`, questionId: questionId ?? '', mimeType, uploadUrl: null, createdAt: Date.now(), scope };
        takeIdRef.current = take.id;
        begin(mimeType, { persist: persistence(take) });
      }
      ref.current?.push(chunk);
    },
    [begin, questionId, scope],
  );

  const resumeUnsent = useCallback(async (): Promise<string> => {
    if (!unsent) throw new Error('There is no unsent recording.');
    const chunks = await takeStore.chunks(unsent.id);
    if (chunks.length === 0) throw new Error('The unsent recording is no longer in this browser.');
    takeIdRef.current = unsent.id;
    const up = begin(unsent.mimeType, { uploadUrl: unsent.uploadUrl, chunks, persist: persistence(unsent) });
    setUnsent(null);
    return up.finish();
  }, [unsent, begin]);

  const dropUnsent = useCallback(() => {
    if (!unsent) return;
    setUnsent(null);
    void takeStore.remove(unsent.id).catch(() => undefined);
    // a signed-in owner's DELETE carries the CSRF token, as every tus request of lib/upload.ts does
    const csrf = csrfToken();
    if (unsent.uploadUrl) void fetch(unsent.uploadUrl, { method: 'DELETE', headers: { 'tus-resumable': '1.0.0', ...(csrf ? { 'x-csrf-token': csrf } : {}) } }).catch(() => undefined);
  }, [unsent]);

  const finish = useCallback(async (): Promise<string> => {
    const up = ref.current;
    if (!up) throw new Error('No recording is being uploaded.');
    try {
      return await (failedRef.current ? up.retry() : up.finish());
    } catch (e) {
      failedRef.current = true;
      throw e;
    }
  }, []);

  const discard = useCallback(() => {
    const up = ref.current;
    ref.current = null;
    setActive(false);
    setUploadId(null);
    setAnalysis(null);
    setBytes({ sent: 0, recorded: 0 });
    void up?.discard();
    const takeId = takeIdRef.current;
    takeIdRef.current = null;
    if (takeId) void takeStore.remove(takeId).catch(() => undefined);
  }, []);

  // the page goes away: stop sending; an unfinished take stays in IndexedDB and is offered again next time
  useEffect(() => () => ref.current?.stop(), []);

  useEffect(() => {
    if (!uploadId || !followEvents) return;
    const es = new EventSource(`${endpoint}/${encodeURIComponent(uploadId)}/events`);
    es.addEventListener('progress', (e) => {
      const p = JSON.parse((e as MessageEvent<string>).data) as StreamProgress;
      if (!p.error) setAnalysis(p);
      if (p.finished) es.close();
    });
    // no streaming analysis on this server (another engine) or the stream ended: the upload goes on regardless
    es.onerror = () => es.close();
    return () => es.close();
  }, [uploadId, endpoint, followEvents]);

  return { onChunk, active, sentBytes: bytes.sent, recordedBytes: bytes.recorded, analysis, finish, discard, unsent, resumeUnsent, dropUnsent };
}
