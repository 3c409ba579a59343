import { useLatest } from '../hooks/useLatest';
import { useEffect, useState } from 'react';

/** 3-2-1 countdown, one second per step, then onDone. */
export function Countdown({ from = 3, onDone }: { from?: number; onDone: () => void }) {
  const [n, setN] = useState(from);
  const done = useLatest(onDone);
  useEffect(() => {
    if (n <= 0) {
      done.current();
      return;
    }
    const id = window.setTimeout(() => setN((x) => x - 1), 1000);
    return () => window.clearTimeout(id);
  }, [n, done]);
  return (
    <div className="countdown" role="status" aria-live="assertive" data-testid="countdown">
      {n > 0 ? n : 'Go'}
    </div>
  );
}
