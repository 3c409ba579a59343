import { useCallback, useEffect, useRef, useState } from 'react';

export type MediaState = { status: 'requesting' } | { status: 'ready'; stream: MediaStream } | { status: 'error'; name: string; message: string };

const CONSTRAINTS: MediaStreamConstraints = {
  video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: 'user' },
  audio: { echoCancellation: true, noiseSuppression: true },
};

/** Camera + microphone stream, requested while enabled; tracks are stopped when disabled or unmounted. */
export function useMediaStream(enabled = true): { state: MediaState; retry: () => void } {
  const [state, setState] = useState<MediaState>({ status: 'requesting' });
  const [attempt, setAttempt] = useState(0);
  const streamRef = useRef<MediaStream | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how retry() asks for the devices again
  useEffect(() => {
    if (!enabled) return;
    // The device request cannot be cancelled: a stream that arrives after this effect ended is stopped at once.
    const ended = new AbortController();
    setState({ status: 'requesting' });
    if (!navigator.mediaDevices?.getUserMedia) {
      setState({ status: 'error', name: 'NotSupportedError', message: 'getUserMedia is not available' });
      return;
    }
    navigator.mediaDevices.getUserMedia(CONSTRAINTS).then(
      (stream) => {
        if (ended.signal.aborted) {
          for (const t of stream.getTracks()) t.stop();
          return;
        }
        streamRef.current = stream;
        setState({ status: 'ready', stream });
      },
      (err: unknown) => {
        if (ended.signal.aborted) return;
        const e = err as { name?: string; message?: string };
        setState({ status: 'error', name: e.name ?? 'Error', message: e.message ?? String(err) });
      },
    );
    return () => {
      ended.abort();
      for (const t of streamRef.current?.getTracks() ?? []) t.stop();
      streamRef.current = null;
    };
  }, [attempt, enabled]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { state, retry };
}
