import { useCallback, useEffect, useState } from 'react';
import { useAudioLevel } from './useAudioLevel';
import { useLatest } from './useLatest';
import { type AudioMode, useMediaStream } from './useMediaStream';
import { type Take, useRecorder } from './useRecorder';

/**
 * What a recording flow needs (practice and candidate): the camera and microphone while `cameraOn`, the
 * microphone level, a recorder stopping at `maxSec`, and the latest take (its object URL is released when a
 * new take replaces it or the page goes away). `onRecorded` runs when a take is ready; `onChunk` gets every piece
 * of the take while it is recorded (the streaming upload). `audioMode` says when only the microphone is recorded
 * (see useMediaStream); `media.audioOnly` says whether it is.
 */
export function useRecording(cameraOn: boolean, maxSec: number, onRecorded: (take: Take) => void, onChunk?: (chunk: Blob, mimeType: string) => void, audioMode: AudioMode = 'never') {
  const { state: media, retry: retryMedia } = useMediaStream(cameraOn, audioMode);
  const stream = media.status === 'ready' ? media.stream : null;
  const level = useAudioLevel(stream);
  const [take, setTake] = useState<Take | null>(null);
  const recorded = useLatest(onRecorded);
  const onTake = useCallback(
    (t: Take) => {
      setTake(t);
      recorded.current(t);
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
