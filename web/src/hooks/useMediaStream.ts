import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * `audioOnly`: the stream has no camera track, because the user chose to answer without camera or because no
 * camera was found (`noCamera`).
 */
export type MediaState = { status: 'requesting' } | { status: 'ready'; stream: MediaStream; audioOnly: boolean; noCamera: boolean } | { status: 'error'; name: string; message: string };

const AUDIO: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true };
const CONSTRAINTS: MediaStreamConstraints = {
  video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: 'user' },
  audio: AUDIO,
};

/** getUserMedia errors that mean "there is no camera" (as opposed to "not allowed"): then the microphone alone is asked for. */
const NO_CAMERA = new Set(['NotFoundError', 'DevicesNotFoundError', 'OverconstrainedError', 'NotReadableError']);

async function hasCamera(): Promise<boolean | null> {
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return devices.some((d) => d.kind === 'videoinput');
  } catch {
    return null;
  }
}

/**
 * How the microphone-only mode is used: 'never' (camera required: the hiring flow), 'fallback' (when no camera
 * is found, the microphone alone is used and `noCamera` says so), 'only' (the user chose to answer without camera).
 */
export type AudioMode = 'never' | 'fallback' | 'only';

/** Camera + microphone stream, requested while enabled; tracks are stopped when disabled or unmounted. */
export function useMediaStream(enabled = true, audioMode: AudioMode = 'never'): { state: MediaState; retry: () => void } {
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
    const accept = (stream: MediaStream, noCamera: boolean) => {
      if (ended.signal.aborted) {
        for (const t of stream.getTracks()) t.stop();
        return;
      }
      streamRef.current = stream;
      setState({ status: 'ready', stream, audioOnly: stream.getVideoTracks().length === 0, noCamera });
    };
    const fail = (err: unknown) => {
      if (ended.signal.aborted) return;
      const e = err as { name?: string; message?: string };
      setState({ status: 'error', name: e.name ?? 'Error', message: e.message ?? String(err) });
    };
    const micOnly = (noCamera: boolean) => navigator.mediaDevices.getUserMedia({ audio: AUDIO, video: false }).then((s) => accept(s, noCamera), fail);
    void (async () => {
      if (audioMode === 'only') return micOnly(false);
      if (audioMode === 'fallback' && (await hasCamera()) === false) return micOnly(true);
      try {
        accept(await navigator.mediaDevices.getUserMedia(CONSTRAINTS), false);
      } catch (err) {
        if (audioMode === 'fallback' && NO_CAMERA.has((err as { name?: string }).name ?? '')) return micOnly(true);
        fail(err);
      }
    })();
    return () => {
      ended.abort();
      for (const t of streamRef.current?.getTracks() ?? []) t.stop();
      streamRef.current = null;
    };
  }, [attempt, enabled, audioMode]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { state, retry };
}
