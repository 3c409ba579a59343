import { type RefObject, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { StarPartName } from '../../../contracts/content-parts';
import { activeWordIndex, timelineMarks, transcriptTokens } from '../lib/marks';
import type { ReportTimelines } from '../lib/extract';
import type { PartSpan } from '../lib/roving';
import { Transcript } from './Transcript';
import { TimelineBar } from './TimelineBar';

/** What the rest of the report can do with the player: play from a moment (summary, content section). */
export interface PlayerControl {
  playFrom(t: number): void;
}

/** Video player with the transcript beside it and the marks timeline under it, kept in sync. */
export function PlayerTranscript({
  videoUrl,
  durationSec,
  data,
  control,
  starSpans,
}: {
  videoUrl: string;
  durationSec: number;
  data: ReportTimelines;
  control?: RefObject<PlayerControl | null>;
  /** STAR spans to highlight on the transcript (empty: none). */
  starSpans?: readonly PartSpan<StarPartName>[];
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [duration, setDuration] = useState(durationSec);

  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    const tick = (): void => {
      if (video.current) setTime(video.current.currentTime);
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing]);

  const seek = useCallback((t: number) => {
    const v = video.current;
    if (!v) return;
    v.currentTime = Math.max(0, t);
    setTime(v.currentTime);
  }, []);

  /** Seek and play (a click or Enter on a word, a moment in the summary). Muted autoplay rules may refuse play(): then it only seeks. */
  const playFrom = useCallback(
    (t: number) => {
      seek(t);
      void video.current?.play().catch(() => {});
    },
    [seek],
  );
  useImperativeHandle(control, () => ({ playFrom }), [playFrom]);

  const tokens = useMemo(() => transcriptTokens(data.words, data.fillers, data.pauses, data.lookingAwaySpans), [data]);
  const marks = useMemo(
    () => timelineMarks({ durationSec: duration, fillers: data.fillers, pauses: data.pauses, lookingAwaySpans: data.lookingAwaySpans, noFaceSpans: data.noFaceSpans }),
    [data, duration],
  );
  const active = activeWordIndex(data.words, time);

  return (
    <section className="player-grid" id="recording" aria-label="Recording and transcript">
      <div className="player-col">
        {videoUrl ? (
          <>
            {/* biome-ignore lint/a11y/useMediaCaption: a recorded answer has no caption track; the transcript beside it is the text alternative */}
            <video
              ref={video}
              className="player no-print"
              src={videoUrl}
              controls
              playsInline
              preload="metadata"
              data-testid="player"
              aria-label="Your recorded answer"
              onPlay={() => setPlaying(true)}
              onPause={() => setPlaying(false)}
              onEnded={() => setPlaying(false)}
              onSeeked={(e) => setTime(e.currentTarget.currentTime)}
              onTimeUpdate={(e) => {
                if (!playing) setTime(e.currentTarget.currentTime);
              }}
              onLoadedMetadata={(e) => {
                const d = e.currentTarget.duration;
                if (Number.isFinite(d) && d > 0 && !(durationSec > 0)) setDuration(d);
              }}
            />
          </>
        ) : (
          <p className="card muted" data-testid="no-video">
            The video is not shared.
          </p>
        )}
        <TimelineBar marks={marks} durationSec={duration} currentTime={time} onSeek={seek} />
      </div>
      <div className="transcript-col card">
        <h2>Transcript</h2>
        <p className="muted small no-print">
          Click a word (or move with the arrow keys and press Enter) to play from there. <span className="legend-filler">Fillers</span>, <span className="legend-pause">long pauses</span> and{' '}
          <span className="legend-away">looking away</span> are marked.
        </p>
        <Transcript tokens={tokens} activeIndex={active} follow={playing} onPlay={playFrom} starSpans={starSpans} />
      </div>
    </section>
  );
}
