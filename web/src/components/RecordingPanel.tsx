import { useEffect, useRef } from 'react';
import { formatTime } from '../lib/time';

/** Recording in progress: elapsed/maximum time and a Stop button. */
export function RecordingPanel({ elapsedSec, maxSec, onStop }: { elapsedSec: number; maxSec: number; onStop: () => void }) {
  const btn = useRef<HTMLButtonElement>(null);
  useEffect(() => btn.current?.focus(), []);
  const left = Math.max(0, Math.ceil(maxSec - elapsedSec));
  const announce = left === 30 || left === 10 ? `${left} seconds left` : '';
  return (
    <div className="step-panel" data-testid="recording">
      <p className="step-title">
        <span className="rec-dot" aria-hidden="true" /> Recording
      </p>
      <p className="big-timer" role="timer" aria-label="Recording time">
        {formatTime(elapsedSec)} <span className="muted">/ {formatTime(maxSec)}</span>
      </p>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      <p className="muted">Recording stops automatically at {formatTime(maxSec)}.</p>
      <button ref={btn} type="button" className="btn danger" onClick={onStop}>
        Stop recording
      </button>
    </div>
  );
}
