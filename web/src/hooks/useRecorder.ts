import { useCallback, useEffect, useRef, useState } from 'react';
import { pickMimeType } from '../lib/mime';

export interface Take {
  blob: Blob;
  mimeType: string;
  url: string;
  durationSec: number;
}

export interface Recorder {
  recording: boolean;
  elapsedSec: number;
  error: string | null;
  start(): void;
  stop(): void;
}

/**
 * MediaRecorder around a stream. Negotiates the format, collects 1 s chunks (each also handed to onChunk as it
 * comes, for the upload during recording), stops automatically at maxSec, and hands the finished take to onTake.
 */
export function useRecorder(stream: MediaStream | null, maxSec: number, onTake: (take: Take) => void, onChunk?: (chunk: Blob, mimeType: string) => void): Recorder {
  const [recording, setRecording] = useState(false);
  const [elapsedSec, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const recRef = useRef<MediaRecorder | null>(null);
  const onTakeRef = useRef(onTake);
  onTakeRef.current = onTake;
  const onChunkRef = useRef(onChunk);
  onChunkRef.current = onChunk;

  const stop = useCallback(() => {
    const rec = recRef.current;
    if (rec && rec.state !== 'inactive') rec.stop();
  }, []);

  const start = useCallback(() => {
    if (!stream) return;
    setError(null);
    const mimeType = pickMimeType((t) => MediaRecorder.isTypeSupported(t));
    let rec: MediaRecorder;
    try {
      rec = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    } catch (e) {
      setError(`Recording could not start: ${(e as Error).message}`);
      return;
    }
    const chunks: Blob[] = [];
    const began = performance.now();
    rec.ondataavailable = (e) => {
      if (e.data.size > 0) {
        chunks.push(e.data);
        onChunkRef.current?.(e.data, rec.mimeType || mimeType || 'video/webm');
      }
    };
    rec.onerror = () => setError('Recording failed. Please try again.');
    rec.onstop = () => {
      setRecording(false);
      const type = rec.mimeType || mimeType || 'video/webm';
      const blob = new Blob(chunks, { type });
      if (blob.size === 0) {
        setError('Nothing was recorded. Check the camera and microphone and try again.');
        return;
      }
      onTakeRef.current({ blob, mimeType: type, url: URL.createObjectURL(blob), durationSec: (performance.now() - began) / 1000 });
    };
    recRef.current = rec;
    rec.start(1000);
    setElapsed(0);
    setRecording(true);
  }, [stream]);

  useEffect(() => {
    if (!recording) return;
    const began = performance.now();
    const id = window.setInterval(() => {
      const s = (performance.now() - began) / 1000;
      setElapsed(s);
      if (s >= maxSec) stop();
    }, 250);
    return () => window.clearInterval(id);
  }, [recording, maxSec, stop]);

  useEffect(() => () => stop(), [stop]);

  return { recording, elapsedSec, error, start, stop };
}
