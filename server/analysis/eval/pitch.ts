/**
 * Voice-tone figures of the accuracy harness (pure): the pitch mean against `pitchMeanHz` where the truth has it
 * (the synthetic set), and on recordings without pitch truth (real speakers) the internal evidence the report
 * carries in `speech.pitchReliability`: the share of speech that was voiced and the agreement of two trackers.
 */
import type { Report } from '../report.js';

export interface PitchEval {
  /** truth `pitchMeanHz`, null when the truth has none */
  truthHz: number | null;
  /** the report's `speech.pitchMeanHz` (null when not measured or not reliable) */
  shownHz: number | null;
  /** signed relative error of shownHz, null without truth or without a figure */
  error: number | null;
  pitchVariation: number | null;
  /** `speech.pitchReliability`: level, voiced ratio in speech, tracker agreement */
  level: 'good' | 'low' | null;
  voicedRatio: number | null;
  trackerAgreement: number | null;
  reasons: string[];
}

export interface PitchSummary {
  group: string;
  /** analysed rows with speech (a pitch reliability verdict) */
  clips: number;
  /** of those, with pitch figures shown (reliability good) */
  reliable: number;
  /** rows with a truth pitch */
  truthClips: number;
  within5: number;
  medianAbsError: number | null;
  voicedRatioMedian: number | null;
  voicedRatioMin: number | null;
  agreementMedian: number | null;
  agreementMin: number | null;
}

const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;

/** The truth file's pitch (lenient: anything but a positive number is "no truth"). */
export function pitchTruth(json: unknown): number | null {
  const v = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).pitchMeanHz : null;
  return typeof v === 'number' && v > 0 ? v : null;
}

export function pitchEval(truthHz: number | null, report: Report): PitchEval {
  const s = report.speech;
  const rel = s?.pitchReliability;
  const shown = s?.pitchMeanHz ?? null;
  return {
    truthHz,
    shownHz: shown,
    error: truthHz !== null && shown !== null ? round(shown / truthHz - 1) : null,
    pitchVariation: s?.pitchVariation ?? null,
    level: rel?.level ?? null,
    voicedRatio: rel?.voicedRatio ?? null,
    trackerAgreement: rel?.trackerAgreement ?? null,
    reasons: rel?.reasons ?? [],
  };
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A truth clip whose pitch was not shown counts as a miss (infinite error), as the pace figure does. */
export function summarisePitch(group: string, rows: ReadonlyArray<PitchEval | null | undefined>): PitchSummary {
  const p = rows.filter((r): r is PitchEval => !!r && r.level !== null);
  const truth = rows.filter((r): r is PitchEval => !!r && r.truthHz !== null);
  const errs = truth.map((r) => (r.error === null ? Infinity : Math.abs(r.error)));
  const voiced = p.map((r) => r.voicedRatio).filter((x): x is number => x !== null);
  const agree = p.map((r) => r.trackerAgreement).filter((x): x is number => x !== null);
  return {
    group,
    clips: p.length,
    reliable: p.filter((r) => r.level === 'good').length,
    truthClips: truth.length,
    within5: errs.filter((e) => e <= 0.05).length,
    medianAbsError: median(errs),
    voicedRatioMedian: median(voiced),
    voicedRatioMin: voiced.length ? Math.min(...voiced) : null,
    agreementMedian: median(agree),
    agreementMin: agree.length ? Math.min(...agree) : null,
  };
}

const pct = (x: number | null): string => (x === null ? '-' : Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'miss');

/** The "Voice tone" table `interview-analyzer eval` prints under the main one. */
export function formatPitchSummaries(sums: readonly PitchSummary[]): string {
  const head = ['group', 'clips w/ speech', 'pitch shown', 'pitch<=5% (truth)', 'pitch med err', 'voiced med', 'voiced min', 'agree med', 'agree min'];
  const rows = sums.map((s) => [
    s.group,
    String(s.clips),
    `${s.reliable}/${s.clips}`,
    s.truthClips ? `${s.within5}/${s.truthClips}` : '-',
    pct(s.medianAbsError),
    pct(s.voicedRatioMedian),
    pct(s.voicedRatioMin),
    pct(s.agreementMedian),
    pct(s.agreementMin),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return ['Voice tone (pitch)', line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Pitch summaries grouped as summariseAll() groups the main ones: per set, then per set and kind. */
export function summarisePitchAll(rows: ReadonlyArray<{ set: string; kind: string; pitch?: PitchEval | null }>): PitchSummary[] {
  const out: PitchSummary[] = [];
  for (const set of [...new Set(rows.map((r) => r.set))]) {
    const inSet = rows.filter((r) => r.set === set);
    out.push(summarisePitch(set, inSet.map((r) => r.pitch)));
    const kinds = [...new Set(inSet.map((r) => r.kind))].sort();
    if (kinds.length > 1) for (const k of kinds) out.push(summarisePitch(`${set}/${k}`, inSet.filter((r) => r.kind === k).map((r) => r.pitch)));
  }
  return out;
}

/** The voice-tone part of the eval's progress line, e.g. "pitch 103.2 Hz vs 102.5 (+0.7%), voiced 75%, agree 100%". */
export function pitchProgress(p: PitchEval | null | undefined): string | null {
  if (!p || p.level === null) return null;
  const share = (x: number | null): string => (x === null ? '-' : `${Math.round(x * 100)}%`);
  const shown = p.shownHz === null ? 'pitch withheld' : `pitch ${p.shownHz} Hz`;
  const truth = p.truthHz === null ? '' : ` vs ${p.truthHz}${p.error === null ? '' : ` (${p.error >= 0 ? '+' : ''}${(p.error * 100).toFixed(1)}%)`}`;
  return `${shown}${truth}, voiced ${share(p.voicedRatio)}, agree ${share(p.trackerAgreement)}`;
}
