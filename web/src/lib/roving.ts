/** Keyboard helpers for lists navigated with the arrow keys behind one tab stop (pure, no DOM). */

/** The index to move to for a key press in a list of `count` items, or null when the key does not move. */
export function rovingTarget(current: number, key: string, count: number, page = 10): number | null {
  if (count <= 0) return null;
  const at = Math.min(Math.max(current, 0), count - 1);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(count - 1, at + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, at - 1);
    case 'PageDown':
      return Math.min(count - 1, at + page);
    case 'PageUp':
      return Math.max(0, at - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export interface PartSpan<P extends string> {
  part: P;
  start: number;
  end: number;
}

/** The span (e.g. a STAR part) a moment falls in, by time; null outside every span. */
export function partAt<P extends string>(spans: readonly PartSpan<P>[], t: number): P | null {
  for (const s of spans) if (t >= s.start - 1e-6 && t <= s.end + 1e-6) return s.part;
  return null;
}
