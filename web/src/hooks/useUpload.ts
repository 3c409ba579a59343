import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../lib/apiError';
import { uploadVideo } from '../lib/upload';

export interface Upload<T> {
  /** 0..1 of the current upload. */
  progress: number;
  /** The last failure, meant for the user. */
  error: string | null;
  /** Sends a recording; resolves with the reply, or null when it failed (the reason is in `error`). */
  send(url: string, fields: Record<string, string>, video: Blob, fileName: string): Promise<T | null>;
}

/** Upload state for a recording flow (practice and candidate); an upload still running when the page goes away is aborted. */
export function useUpload<T>(): Upload<T> {
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const abortRef = useRef<(() => void) | null>(null);
  useEffect(() => () => abortRef.current?.(), []);
  const send = useCallback(async (url: string, fields: Record<string, string>, video: Blob, fileName: string): Promise<T | null> => {
    abortRef.current?.();
    setError(null);
    setProgress(0);
    const handle = uploadVideo<T>(url, fields, video, fileName, setProgress);
    abortRef.current = handle.abort;
    try {
      return await handle.promise;
    } catch (e) {
      setError(messageOf(e));
      return null;
    } finally {
      if (abortRef.current === handle.abort) abortRef.current = null;
    }
  }, []);
  return { progress, error, send };
}
