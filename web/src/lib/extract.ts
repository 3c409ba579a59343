/**
 * Safe readers for the optional (non-core) parts of a report. Anything malformed is dropped rather
 * than trusted, so a partial or older report still renders (pure, no DOM).
 */
import type { PitchSample, VisualSample } from './series.js';
import type { FillerSpan, TimeSpan } from './marks.js';
import type { TimedWord } from './pace.js';

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function num(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** The named property of an object-like value, or undefined. */
export function field(x: unknown, key: string): unknown {
  return isObj(x) ? x[key] : undefined;
}

export function asSpans(x: unknown): TimeSpan[] {
  if (!Array.isArray(x)) return [];
  return x.filter((s): s is TimeSpan => isObj(s) && num(s.start) && num(s.end) && s.end >= s.start).map((s) => ({ start: s.start, end: s.end }));
}

export function asWords(x: unknown): TimedWord[] {
  if (!Array.isArray(x)) return [];
  return x
    .filter((w): w is TimedWord => isObj(w) && typeof w.text === 'string' && num(w.start) && num(w.end))
    .map((w) => ({ text: w.text, start: w.start, end: w.end }))
    .sort((a, b) => a.start - b.start);
}

export function asFillers(x: unknown): FillerSpan[] {
  if (!Array.isArray(x)) return [];
  return x
    .filter((f): f is FillerSpan => isObj(f) && typeof f.text === 'string' && num(f.start) && num(f.end))
    .map((f) => ({ text: f.text, start: f.start, end: f.end, kind: typeof f.kind === 'string' ? f.kind : undefined }));
}

export function asPitchTrack(x: unknown): PitchSample[] {
  if (!Array.isArray(x)) return [];
  return x.filter((p): p is Obj => isObj(p) && num(p.t)).map((p) => ({ t: p.t as number, hz: num(p.hz) ? p.hz : null }));
}

export function asVisualTimeline(x: unknown): VisualSample[] {
  if (!Array.isArray(x)) return [];
  return x.filter((s): s is Obj => isObj(s) && num(s.t)).map((s) => ({ t: s.t as number, facePresent: s.facePresent === true, facing: typeof s.facing === 'boolean' ? s.facing : null }));
}

/** Everything the report page needs beyond the scores, read defensively from a report-like object. */
export interface ReportTimelines {
  words: TimedWord[];
  fillers: FillerSpan[];
  pauses: TimeSpan[];
  lookingAwaySpans: TimeSpan[];
  noFaceSpans: TimeSpan[];
  pitchTrack: PitchSample[];
  visualTimeline: VisualSample[];
  /** speech span (first to last voice activity) and the one pace of the report, when present */
  speechSpan: TimeSpan | null;
  paceWpm: number | null;
  /** stretches the pace counted by their syllables (speech.paceRecounted) */
  paceRecounted: Array<{ start: number; end: number; words: number; counted: number }>;
}

export function readTimelines(report: unknown): ReportTimelines {
  const speech = field(report, 'speech');
  const visual = field(report, 'visual');
  return {
    words: asWords(field(field(report, 'transcript'), 'words')),
    fillers: asFillers(field(speech, 'fillers')),
    pauses: asSpans(field(speech, 'pauses')),
    lookingAwaySpans: asSpans(field(visual, 'lookingAwaySpans')),
    noFaceSpans: asSpans(field(visual, 'noFaceSpans')),
    pitchTrack: asPitchTrack(field(speech, 'pitchTrack')),
    visualTimeline: asVisualTimeline(field(visual, 'timeline')),
    speechSpan: (() => {
      const a = field(speech, 'speechStartSec');
      const b = field(speech, 'speechEndSec');
      return typeof a === 'number' && typeof b === 'number' && b > a ? { start: a, end: b } : null;
    })(),
    paceWpm: typeof field(speech, 'wpm') === 'number' ? (field(speech, 'wpm') as number) : null,
    paceRecounted: (() => {
      const x = field(speech, 'paceRecounted');
      if (!Array.isArray(x)) return [];
      return x
        .filter((r): r is { start: number; end: number; words: number; counted: number } => isObj(r) && num(r.start) && num(r.end) && num(r.words) && num(r.counted))
        .map((r) => ({ start: r.start, end: r.end, words: r.words, counted: r.counted }));
    })(),
  };
}
