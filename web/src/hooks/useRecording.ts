import { useCallback, useEffect, useState } from 'react';
import { useAudioLevel } from './useAudioLevel';
import { useLatest } from './useLatest';
import { useMediaStream } from './useMediaStream';
import { type Take, useRecorder } from './useRecorder';

/**
 * What a recording flow needs (practice and candidate): the camera and microphone while `cameraOn`, the
 * microphone level, a recorder stopping at `maxSec`, and the latest take (its object URL is released when a
 * new take replaces it or the page goes away). `onRecorded` runs when a take is ready; `onChunk` gets every piece
 * of the take while it is recorded (the streaming upload).
 */
export function useRecording(cameraOn: boolean, maxSec: number, onRecorded: () => void, onChunk?: (chunk: Blob, mimeType: string) => void) {
  const { state: media, retry: retryMedia } = useMediaStream(cameraOn);
  const stream = media.status === 'ready' ? media.stream : null;
  const level = useAudioLevel(stream);
  const [take, setTake] = useState<Take | null>(null);
  const recorded = useLatest(onRecorded);
  const onTake = useCallback(
    (t: Take) => {
      setTake(t);
      recorded.current();
    },
    [recorded],
  );
  const recorder = useRecorder(stream, maxSec, onTake, onChunk);
  useEffect(() => {
    if (!take) return;
    return () => URL.revokeObjectURL(take.url);
  }, [take]);
  return { media, retryMedia, stream, level, recorder, take };
}
