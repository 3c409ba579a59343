import type { Mark } from '../lib/marks';
import { formatTime } from '../lib/time';

const KIND_LABEL: Record<Mark['kind'], string> = {
  filler: 'Filler',
  pause: 'Long pause',
  lookingAway: 'Looking away',
  noFace: 'No face',
};

/** A bar under the video showing fillers, long pauses and looking-away spans; clicking a mark seeks. */
export function TimelineBar({ marks, durationSec, currentTime, onSeek }: { marks: Mark[]; durationSec: number; currentTime: number; onSeek: (t: number) => void }) {
  const pos = durationSec > 0 ? Math.min(100, (currentTime / durationSec) * 100) : 0;
  const kinds = [...new Set(marks.map((m) => m.kind))];
  return (
    <div className="timeline no-print">
      <div className="timeline-bar" data-testid="timeline">
        {marks.map((m) => (
          <button
            key={`${m.kind}-${m.start}`}
            type="button"
            className={`mark mark-${m.kind}`}
            style={{ left: `${m.leftPct}%`, width: `max(6px, ${m.widthPct}%)` }}
            onClick={() => onSeek(m.start)}
            aria-label={`${m.label} at ${formatTime(m.start)}`}
            title={`${m.label} at ${formatTime(m.start)}`}
          />
        ))}
        <div className="playhead" style={{ left: `${pos}%` }} aria-hidden="true" />
      </div>
      <div className="timeline-ends" aria-hidden="true">
        <span>0:00</span>
        <span>{formatTime(durationSec)}</span>
      </div>
      <div className="timeline-legend">
        {kinds.length === 0 ? <span>No fillers, long pauses or looking-away moments were marked.</span> : null}
        {kinds.map((k) => (
          <span key={k} className="legend-item">
            <i className={`swatch mark-${k}`} aria-hidden="true" /> {KIND_LABEL[k]} ({marks.filter((m) => m.kind === k).length})
          </span>
        ))}
      </div>
    </div>
  );
}
