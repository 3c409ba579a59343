import { Fragment, memo, useEffect, useRef, useState } from 'react';
import { STAR_LABELS, type StarPartName } from '../../../contracts/content-parts';
import type { Token } from '../lib/marks';
import { type PartSpan, partAt, rovingTarget } from '../lib/roving';
import { formatTime } from '../lib/time';

interface TokenProps {
  t: Token;
  i: number;
  active: boolean;
  focusable: boolean;
  star: StarPartName | null;
  starStart: boolean;
  onPlay: (t: number) => void;
}

/** One transcript token as a button that plays the video from its start. Only the focusable one is in the tab order. */
function TokenButton({ t, i, active, focusable, star, starStart, onPlay }: TokenProps) {
  const play = (): void => onPlay(t.start);
  const common = { type: 'button' as const, 'data-tok': i, tabIndex: focusable ? 0 : -1, onClick: play };
  const label =
    starStart && star ? (
      <span className={`star-label star-${star}`} aria-hidden="true">
        {STAR_LABELS[star]}
      </span>
    ) : null;
  if (t.type === 'pause') {
    const len = (t.end - t.start).toFixed(1);
    return (
      <button {...common} className="tok pause" title={`Pause of ${len} s at ${formatTime(t.start)}`}>
        pause {len} s
      </button>
    );
  }
  if (t.type === 'filler') {
    return (
      <button {...common} className="tok filler" title={`Filler at ${formatTime(t.start)}`}>
        {t.text}
      </button>
    );
  }
  const cls = ['tok', 'word', t.filler ? 'filler' : '', t.away ? 'away' : '', active ? 'active' : '', star ? `star star-${star}` : ''].filter(Boolean).join(' ');
  return (
    <>
      {label}
      <button {...common} className={cls} data-word={t.index} data-start={t.start} data-star={star ?? undefined} aria-current={active ? 'true' : undefined}>
        {t.text}
      </button>
    </>
  );
}

/**
 * The transcript as one tab stop: Tab enters at the current (or last focused) word, the arrow keys move between
 * words (Page Up/Down by ten, Home/End to the ends), Enter or a click plays the video from that word.
 * Fillers, long pauses, looking-away words and (optionally) STAR spans are marked.
 */
export const Transcript = memo(function Transcript({
  tokens,
  activeIndex,
  follow,
  onPlay,
  starSpans = [],
}: {
  tokens: Token[];
  activeIndex: number;
  follow: boolean;
  onPlay: (t: number) => void;
  starSpans?: readonly PartSpan<StarPartName>[];
}) {
  const box = useRef<HTMLDivElement>(null);
  const [cursor, setCursor] = useState(0);
  const activeTok = tokens.findIndex((t) => t.type === 'word' && t.index === activeIndex);
  // While playing (and the keyboard is elsewhere), the tab stop follows the spoken word.
  useEffect(() => {
    if (follow && activeTok >= 0 && !box.current?.contains(document.activeElement)) setCursor(activeTok);
  }, [activeTok, follow]);
  useEffect(() => {
    // Keep the current word in view inside the box when the box scrolls (desktop); never scroll the page.
    const c = box.current;
    if (!follow || activeIndex < 0 || !c || c.scrollHeight <= c.clientHeight) return;
    const el = c.querySelector<HTMLElement>(`[data-word="${activeIndex}"]`);
    if (!el) return;
    if (el.offsetTop < c.scrollTop || el.offsetTop > c.scrollTop + c.clientHeight - 40) c.scrollTop = el.offsetTop - c.clientHeight / 3;
  }, [activeIndex, follow]);

  if (tokens.length === 0) return <p className="muted">No words were recognised in this recording.</p>;
  const focusIndex = Math.min(cursor, tokens.length - 1);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    const from = Number((e.target as HTMLElement).dataset.tok ?? focusIndex);
    const to = rovingTarget(from, e.key, tokens.length);
    if (to === null) return;
    e.preventDefault();
    setCursor(to);
    box.current?.querySelector<HTMLElement>(`[data-tok="${to}"]`)?.focus();
  };

  let prevStar: StarPartName | null = null;
  return (
    <div
      className="transcript"
      ref={box}
      data-testid="transcript"
      role="toolbar"
      aria-label="Transcript: arrow keys move between words, Enter plays from a word"
      aria-orientation="horizontal"
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const n = Number((e.target as HTMLElement).dataset.tok);
        if (Number.isFinite(n)) setCursor(n);
      }}
    >
      {tokens.map((t, i) => {
        const star = t.type === 'word' && starSpans.length ? partAt(starSpans, t.start) : null;
        const starStart = star !== null && star !== prevStar;
        if (t.type === 'word') prevStar = star;
        return (
          <Fragment key={`${t.type}${t.type === 'word' ? t.index : t.start}`}>
            {i > 0 ? ' ' : null}
            <TokenButton t={t} i={i} active={t.type === 'word' && t.index === activeIndex} focusable={i === focusIndex} star={star} starStart={starStart} onPlay={onPlay} />
          </Fragment>
        );
      })}
    </div>
  );
});
