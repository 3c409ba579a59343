import type { Report } from '../../../contracts/report';

/** One row of the report's Measurements panel: a label, the value as shown, and why it is missing when it is. */
export interface Fact {
  label: string;
  value: string;
  /** set when the value is withheld: the measurement's own reason, in plain words */
  note?: string;
}

const NOT_MEASURED = 'not measured';

function pct(x: number | null | undefined): string {
  return x == null ? NOT_MEASURED : `${Math.round(x * 100)}%`;
}
function n(x: number | null | undefined, unit: string, digits = 0): string {
  return x == null ? NOT_MEASURED : `${x.toFixed(digits)} ${unit}`;
}

/**
 * The raw measurements the scores are built from, as the report page lists them. A figure the engine withheld
 * because its measurement was unreliable says "withheld" with the engine's reason (speech.pitchReliability,
 * transcript.reliability), never a bare "not measured" that reads like a missing feature.
 */
export function speechFacts(report: Report): Fact[] {
  const s = report.speech;
  const v = report.visual;
  const pitchLow = s?.pitchReliability?.level === 'low';
  const pitchNote = pitchLow ? `withheld: ${s?.pitchReliability?.reasons.join('; ') || 'pitch could not be measured reliably'}` : undefined;
  const pitch = (x: number | null | undefined, format: (x: number) => string): Fact['value'] => (x == null ? (pitchLow ? 'withheld' : NOT_MEASURED) : format(x));
  const reliability = report.transcript?.reliability;
  const facts: Fact[] = [
    { label: 'Pace', value: n(s?.wpm, 'wpm', s?.wpm != null && !Number.isInteger(s.wpm) ? 1 : 0) },
    {
      label: 'Transcript reliability',
      value: reliability ? reliability.level : NOT_MEASURED,
      note: reliability?.level === 'low' && reliability.reasons.length > 0 ? reliability.reasons.join('; ') : undefined,
    },
    { label: 'Fillers', value: s ? String(s.fillers.length) : NOT_MEASURED },
    { label: 'Long pauses (≥ 1.5 s)', value: s ? String(s.longPauseCount) : NOT_MEASURED },
    { label: 'Average pitch', value: pitch(s?.pitchMeanHz, (x) => `${x.toFixed(0)} Hz`), note: s?.pitchMeanHz == null ? pitchNote : undefined },
    { label: 'Pitch variation', value: pitch(s?.pitchVariation, (x) => x.toFixed(2)), note: s?.pitchVariation == null ? pitchNote : undefined },
    { label: 'Loudness', value: n(s?.loudnessDbfs, 'dBFS', 1) },
    { label: 'Face visible', value: pct(v?.facePresentRatio) },
    { label: 'Facing the camera', value: pct(v?.facingCameraRatio) },
  ];
  return facts;
}
