import { Fragment, memo, useEffect, useRef } from 'react';
import type { Token } from '../lib/marks';
import { formatTime } from '../lib/time';

/** One transcript token as a button that seeks the video to its start. */
function TokenButton({ t, active, onSeek }: { t: Token; active: boolean; onSeek: (t: number) => void }) {
  const seek = (): void => onSeek(t.start);
  if (t.type === 'pause') {
    const len = (t.end - t.start).toFixed(1);
    return (
      <button type="button" className="tok pause" onClick={seek} title={`Pause of ${len} s at ${formatTime(t.start)}`}>
        pause {len} s
      </button>
    );
  }
  if (t.type === 'filler') {
    return (
      <button type="button" className="tok filler" onClick={seek} title={`Filler at ${formatTime(t.start)}`}>
        {t.text}
      </button>
    );
  }
  const cls = ['tok', 'word', t.filler ? 'filler' : '', t.away ? 'away' : '', active ? 'active' : ''].filter(Boolean).join(' ');
  return (
    <button type="button" className={cls} data-word={t.index} data-start={t.start} aria-current={active ? 'true' : undefined} onClick={seek}>
      {t.text}
    </button>
  );
}

/** Clickable transcript: each word seeks the video; fillers, long pauses and looking-away words are marked. */
export const Transcript = memo(function Transcript({ tokens, activeIndex, follow, onSeek }: { tokens: Token[]; activeIndex: number; follow: boolean; onSeek: (t: number) => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // While playing, keep the current word in view by scrolling the transcript box only (not the page).
    const c = box.current;
    if (!follow || activeIndex < 0 || !c) return;
    const el = c.querySelector<HTMLElement>(`[data-word="${activeIndex}"]`);
    if (!el) return;
    if (el.offsetTop < c.scrollTop || el.offsetTop > c.scrollTop + c.clientHeight - 40) c.scrollTop = el.offsetTop - c.clientHeight / 3;
  }, [activeIndex, follow]);

  if (tokens.length === 0) return <p className="muted">No words were recognised in this recording.</p>;
  return (
    <div className="transcript" ref={box} data-testid="transcript">
      {tokens.map((t, i) => (
        <Fragment key={`${t.type}${t.type === 'word' ? t.index : t.start}`}>
          {i > 0 ? ' ' : null}
          <TokenButton t={t} active={t.type === 'word' && t.index === activeIndex} onSeek={onSeek} />
        </Fragment>
      ))}
    </div>
  );
});
