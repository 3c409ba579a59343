/** Parses ffmpeg `silencedetect` output into silent spans (pure, unit-tested). */
import type { Span } from '../../analysis/report.js';

export function parseSilences(stderr: string, durationSec: number): Span[] {
  const spans: Span[] = [];
  let start: number | null = null;
  for (const line of stderr.split('\n')) {
    const s = /silence_start:\s*(-?[\d.]+)/.exec(line);
    if (s) start = Math.max(0, Number(s[1]));
    const e = /silence_end:\s*([\d.]+)/.exec(line);
    if (e && start !== null) {
      spans.push({ start, end: Number(e[1]) });
      start = null;
    }
  }
  if (start !== null && durationSec > start) spans.push({ start, end: durationSec });
  return spans;
}

/** Speech span = the time between leading and trailing silence; pauses = silences strictly inside it. */
export function speechSpan(silences: Span[], durationSec: number): { speech: Span | null; inner: Span[]; silentSec: number } {
  const silentSec = silences.reduce((t, s) => t + (s.end - s.start), 0);
  if (silentSec >= durationSec - 0.05) return { speech: null, inner: [], silentSec: durationSec };
  const first = silences[0];
  const last = silences[silences.length - 1];
  const start = first && first.start <= 0.05 ? first.end : 0;
  const end = last && last.end >= durationSec - 0.05 ? last.start : durationSec;
  const inner = silences.filter((s) => s.start > start && s.end < end);
  return { speech: { start, end }, inner, silentSec };
}
