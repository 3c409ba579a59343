/** Per-file eval rows and their summary per set and per kind (pure: no I/O). */
import { addTally, emptyTally, precisionRecall, type Tally } from './match.js';
import type { PitchEval } from './pitch.js';

/** Clips at least this long count for the pace figure (shorter ones give too few words for a rate). */
export const PACE_MIN_CLIP_SEC = 5;

export interface EvalRow {
  file: string;
  /** the directory the file came from (its basename), e.g. media or real */
  set: string;
  /** truth `kind` (read, spontaneous, speech) or "synthetic" when the truth has none */
  kind: string;
  durationSec: number | null;
  /** ok: analysed; rejected: the engine refused it (expected for bad input); failed: crashed */
  outcome: 'ok' | 'rejected' | 'failed';
  expect: 'ok' | 'error';
  message: string | null;
  wallSec: number;
  rtf: number | null;
  wer: number | null;
  werErrors: number;
  refWords: number;
  paceShown: number | null;
  paceTruth: number | null;
  /** signed relative error of the shown pace */
  paceError: number | null;
  fillers: Tally | null;
  fillersFound: string[];
  fillersTruth: string[];
  pauses: Tally | null;
  facePresentOk: boolean | null;
  facingCameraOk: boolean | null;
  /** voice-tone figures (eval/pitch.ts); absent for files that did not analyse */
  pitch?: PitchEval | null;
  /** anything else worth reading (pace source, reliability level, ...) */
  notes: Record<string, string | number | boolean | null>;
}

export interface EvalSummary {
  group: string;
  files: number;
  expectedErrorsRejected: string | null;
  failures: number;
  werMedian: number | null;
  werPooled: number | null;
  paceClips: number;
  paceWithin15: number;
  paceWithin5: number;
  paceMedianAbsError: number | null;
  fillerTally: Tally;
  fillerPrecision: number | null;
  fillerRecall: number | null;
  pauseTally: Tally | null;
  pausePrecision: number | null;
  pauseRecall: number | null;
  facePresentAccuracy: number | null;
  facingCameraAccuracy: number | null;
  rtfMedian: number | null;
  rtfMax: number | null;
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function accuracy(xs: ReadonlyArray<boolean | null>): number | null {
  const v = xs.filter((x): x is boolean => x !== null);
  return v.length === 0 ? null : v.filter(Boolean).length / v.length;
}

export function summarise(group: string, rows: readonly EvalRow[]): EvalSummary {
  const ok = rows.filter((r) => r.outcome === 'ok' && r.expect === 'ok');
  const bad = rows.filter((r) => r.expect === 'error');
  const wers = ok.filter((r) => r.wer !== null && r.refWords > 0);
  const refTotal = wers.reduce((a, r) => a + r.refWords, 0);
  const pace = ok.filter((r) => r.paceTruth !== null && (r.durationSec ?? 0) >= PACE_MIN_CLIP_SEC);
  const errs = pace.map((r) => (r.paceError === null ? Infinity : Math.abs(r.paceError)));
  const fillerTally = ok.reduce((a, r) => (r.fillers ? addTally(a, r.fillers) : a), emptyTally());
  const pauseRows = ok.filter((r) => r.pauses !== null);
  const pauseTally = pauseRows.length ? pauseRows.reduce((a, r) => addTally(a, r.pauses!), emptyTally()) : null;
  const fp = precisionRecall(fillerTally);
  const pp = pauseTally ? precisionRecall(pauseTally) : { precision: null, recall: null };
  const rtfs = ok.map((r) => r.rtf).filter((x): x is number => x !== null);
  return {
    group,
    files: rows.length,
    expectedErrorsRejected: bad.length ? `${bad.filter((r) => r.outcome === 'rejected').length}/${bad.length}` : null,
    failures: rows.filter((r) => r.outcome === 'failed' || (r.expect === 'ok' && r.outcome !== 'ok')).length,
    werMedian: median(wers.map((r) => r.wer!)),
    werPooled: refTotal ? wers.reduce((a, r) => a + r.werErrors, 0) / refTotal : null,
    paceClips: pace.length,
    paceWithin15: errs.filter((e) => e <= 0.15).length,
    paceWithin5: errs.filter((e) => e <= 0.05).length,
    paceMedianAbsError: median(errs),
    fillerTally,
    fillerPrecision: fp.precision,
    fillerRecall: fp.recall,
    pauseTally,
    pausePrecision: pp.precision,
    pauseRecall: pp.recall,
    facePresentAccuracy: accuracy(ok.map((r) => r.facePresentOk)),
    facingCameraAccuracy: accuracy(ok.map((r) => r.facingCameraOk)),
    rtfMedian: median(rtfs),
    rtfMax: rtfs.length ? Math.max(...rtfs) : null,
  };
}

/** One summary per set, then per set and kind (only when a set has more than one kind). */
export function summariseAll(rows: readonly EvalRow[]): EvalSummary[] {
  const out: EvalSummary[] = [];
  const sets = [...new Set(rows.map((r) => r.set))];
  for (const set of sets) {
    const inSet = rows.filter((r) => r.set === set);
    out.push(summarise(set, inSet));
    const kinds = [...new Set(inSet.map((r) => r.kind))].sort();
    if (kinds.length > 1) for (const k of kinds) out.push(summarise(`${set}/${k}`, inSet.filter((r) => r.kind === k)));
  }
  return out;
}

const pct = (x: number | null): string => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, d = 2): string => (x === null ? '-' : x.toFixed(d));

/** A plain-text table of the summaries (what `interview-analyzer eval` prints). */
export function formatSummaries(sums: readonly EvalSummary[]): string {
  const head = ['group', 'files', 'WER med', 'WER pooled', 'pace<=15%', 'pace<=5%', 'pace med err', 'filler P', 'filler R', 'fillers tp/fp/fn', 'pause P', 'pause R', 'face acc', 'facing acc', 'RTF med', 'RTF max', 'bad input rejected'];
  const rows = sums.map((s) => [
    s.group,
    String(s.files),
    pct(s.werMedian),
    pct(s.werPooled),
    s.paceClips ? `${s.paceWithin15}/${s.paceClips}` : '-',
    s.paceClips ? `${s.paceWithin5}/${s.paceClips}` : '-',
    pct(s.paceMedianAbsError),
    num(s.fillerPrecision),
    num(s.fillerRecall),
    `${s.fillerTally.tp}/${s.fillerTally.fp}/${s.fillerTally.fn}`,
    num(s.pausePrecision),
    num(s.pauseRecall),
    pct(s.facePresentAccuracy),
    pct(s.facingCameraAccuracy),
    num(s.rtfMedian),
    num(s.rtfMax),
    s.expectedErrorsRejected ?? '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
