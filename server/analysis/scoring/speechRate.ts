import type { Score, Span } from '../report.js';
import { PACE_MAX_WPM, PACE_MIN_WPM, PACE_SLOPE, clamp, round } from './bands.js';

export interface SpeechRateInput {
  wpm: number | null;
  articulationWpm: number | null;
  syllableRateWpm: number | null;
  usedWpm: number | null;
  wordCount?: number;
  spanSec?: number | null;
  span: Span | null;
  /** words as recognised, and the low-confidence stretches counted by their syllable nuclei (pace.ts) */
  recognizedWordCount?: number;
  recounted?: ReadonlyArray<{ words: number; nuclei: number; counted: number }>;
  /** why the pace may be off, when it could not be checked */
  caveat?: string | null;
}

/** 100 inside 100-165 wpm (Microsoft Speaker Coach), minus 1.5 points per wpm outside the band. */
export function paceValue(wpm: number): number {
  const off = wpm < PACE_MIN_WPM ? PACE_MIN_WPM - wpm : wpm > PACE_MAX_WPM ? wpm - PACE_MAX_WPM : 0;
  return round(clamp(100 - PACE_SLOPE * off));
}

export function scoreSpeechRate(p: SpeechRateInput): Score {
  if (p.usedWpm === null) return { value: null, evidence: ['pace could not be measured: too few words'], tip: 'Record an answer of at least a few sentences.' };
  const over = p.wordCount !== undefined && p.spanSec ? ` (${p.wordCount} words over ${p.spanSec.toFixed(1)} s of speech, first to last voice activity)` : '';
  const ev = [`${p.usedWpm} words per minute${over}`];
  const re = p.recounted ?? [];
  if (re.length > 0) {
    const w = re.reduce((a, r) => a + r.words, 0);
    const n = re.reduce((a, r) => a + r.nuclei, 0);
    const c = Math.round(re.reduce((a, r) => a + r.counted, 0) * 10) / 10;
    ev.push(
      `the transcript is unreliable, so ${w} of its ${p.recognizedWordCount ?? '?'} words, in ${re.length} low-confidence stretch${re.length === 1 ? '' : 'es'}, ${w === 1 ? 'was' : 'were'} counted by ${n === 1 ? 'its one syllable nucleus' : `their ${n} syllable nuclei`} as ${c} word${c === 1 ? '' : 's'} (the recognizer splits words it does not know and puts words on noise)`,
    );
  }
  if (p.caveat) ev.unshift(`pace not scored: ${p.caveat}`);
  if (p.articulationWpm !== null) ev.push(`${p.articulationWpm} wpm excluding pauses (articulation rate)`);
  if (p.syllableRateWpm !== null) ev.push(`syllable-nuclei cross-check: ${p.syllableRateWpm} wpm (a check on the transcript; it does not set the pace)`);
  ev.push(`reference band ${PACE_MIN_WPM}-${PACE_MAX_WPM} wpm`);
  // a pace from a weak transcript that could not be checked is shown, never scored (no claim from it)
  if (p.caveat) return { value: null, evidence: ev, tip: 'Record close to the microphone in a quiet room, so the words can be counted reliably.' };
  const w = p.usedWpm;
  const tip =
    w > PACE_MAX_WPM ? 'Slow down a little: pause briefly after each key point.'
    : w < PACE_MIN_WPM ? 'Pick up the pace slightly: prepare your main points so fewer long gaps are needed.'
    : 'Your pace is in the comfortable range; keep it.';
  return { value: paceValue(w), evidence: ev, tip };
}
