import { useCallback, useEffect, useRef, useState } from 'react';
import type { StreamProgress } from '../../../contracts/uploads';
import { startStreamingUpload, type StreamingUpload } from '../lib/upload';

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
}

/** The upload of a take while it is recorded (tus, see lib/upload.ts) and the live progress of its analysis. */
export function useStreamingUpload(endpoint = '/api/uploads'): StreamingTake {
  const ref = useRef<StreamingUpload | null>(null);
  const failedRef = useRef(false);
  const [bytes, setBytes] = useState({ sent: 0, recorded: 0 });
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [analysis, setAnalysis] = useState<StreamProgress | null>(null);
  const [active, setActive] = useState(false);

  const onChunk = useCallback(
    (chunk: Blob, mimeType: string) => {
      if (!ref.current) {
        failedRef.current = false;
        const up = startStreamingUpload(endpoint, mimeType, (sent, recorded) => {
          if (ref.current !== up) return;
          setBytes({ sent, recorded });
          if (up.id) setUploadId(up.id);
        });
        ref.current = up;
        setActive(true);
      }
      ref.current.push(chunk);
    },
    [endpoint],
  );

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
  }, []);

  // the page goes away mid-take: stop sending (the partial upload expires on the server)
  useEffect(() => () => void ref.current?.discard(), []);

  useEffect(() => {
    if (!uploadId) return;
    const es = new EventSource(`${endpoint}/${encodeURIComponent(uploadId)}/events`);
    es.addEventListener('progress', (e) => {
      const p = JSON.parse((e as MessageEvent<string>).data) as StreamProgress;
      if (!p.error) setAnalysis(p);
      if (p.finished) es.close();
    });
    // no streaming analysis on this server (another engine) or the stream ended: the upload goes on regardless
    es.onerror = () => es.close();
    return () => es.close();
  }, [uploadId, endpoint]);

  return { onChunk, active, sentBytes: bytes.sent, recordedBytes: bytes.recorded, analysis, finish, discard };
}
