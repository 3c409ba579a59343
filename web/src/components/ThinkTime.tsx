import { useLatest } from '../hooks/useLatest';
import { useEffect, useRef, useState } from 'react';
import { formatTime } from '../lib/time';

/** Think time before recording: a countdown with an "I'm ready" button that skips it. */
export function ThinkTime({ seconds, onDone }: { seconds: number; onDone: () => void }) {
  const [left, setLeft] = useState(seconds);
  const btn = useRef<HTMLButtonElement>(null);
  useEffect(() => btn.current?.focus(), []);
  const done = useLatest(onDone);
  useEffect(() => {
    if (left <= 0) {
      done.current();
      return;
    }
    const id = window.setTimeout(() => setLeft((x) => x - 1), 1000);
    return () => window.clearTimeout(id);
  }, [left, done]);
  const announce = left === seconds || left % 10 === 0 || left <= 5 ? `${left} seconds to think` : null;
  return (
    <div className="step-panel" data-testid="think">
      <p className="step-title">Think time</p>
      <p className="big-timer" role="timer" aria-label="Think time left">
        {formatTime(left)}
      </p>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      <p className="muted">Plan your answer: the situation, what you did, and the result.</p>
      <button ref={btn} type="button" className="btn primary" onClick={onDone}>
        I’m ready
      </button>
    </div>
  );
}
