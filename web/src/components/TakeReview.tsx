import { useEffect, useRef } from 'react';
import type { Take } from '../hooks/useRecorder';
import { formatTime } from '../lib/time';

/** Playback of the take with Retake (limited) and Submit. */
export function TakeReview({
  take,
  retakesLeft,
  retakesTotal,
  onRetake,
  onSubmit,
  submitLabel = 'Submit for analysis',
}: {
  take: Take;
  retakesLeft: number;
  retakesTotal: number;
  onRetake: () => void;
  onSubmit: () => void;
  /** The hiring flow says "Submit answer": candidates never see an analysis. */
  submitLabel?: string;
}) {
  const submit = useRef<HTMLButtonElement>(null);
  useEffect(() => submit.current?.focus(), []);
  return (
    <section className="card" aria-labelledby="review-h" data-testid="review">
      <h2 id="review-h">Review your answer</h2>
      {/* biome-ignore lint/a11y/useMediaCaption: the candidate's own take, played back before sending; there is no caption track yet */}
      <video className="playback" src={take.url} controls playsInline aria-label="Your recorded answer" data-testid="playback" />
      <p className="muted">
        Length {formatTime(take.durationSec)} · {retakesLeft} of {retakesTotal} retakes left
      </p>
      <div className="actions">
        <button type="button" className="btn secondary" onClick={onRetake} disabled={retakesLeft <= 0}>
          Retake ({retakesLeft} left)
        </button>
        <button ref={submit} type="button" className="btn primary" onClick={onSubmit}>
          {submitLabel}
        </button>
      </div>
    </section>
  );
}
