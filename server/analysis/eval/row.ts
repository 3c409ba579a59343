/** Turns one report and its truth file into an eval row (pure). */
import type { Report } from '../report.js';
import { matchFillers, matchPauses, paceError, type FillerTruth, type TimedLabel } from './match.js';
import { pitchEval, pitchTruth } from './pitch.js';
import type { EvalRow } from './summary.js';
import { werIgnoringFillers } from './text.js';

/** The truth file schema shared by ../shared/fixtures/media and /real (X.truth.json beside X). */
export interface Truth {
  durationSec: number | null;
  text: string | null;
  wordCount: number | null;
  fillerWords: Array<string | TimedLabel> | null;
  speechStartSec: number | null;
  speechEndSec: number | null;
  pauses: Array<{ start: number; end: number }> | null;
  wpm: number | null;
  facePresent: boolean | null;
  facingCamera: boolean | null;
  kind?: string | null;
  expect: 'ok' | 'error';
  /** mean F0 of the voice (synthetic set); null for real recordings */
  pitchMeanHz?: number | null;
}

/** Reads a parsed truth JSON leniently (missing fields are null); throws on something that is not a truth file. */
export function parseTruth(json: unknown): Truth {
  if (typeof json !== 'object' || json === null) throw new Error('truth file is not a JSON object');
  const o = json as Record<string, unknown>;
  const n = (k: string): number | null => (typeof o[k] === 'number' ? (o[k] as number) : null);
  const b = (k: string): boolean | null => (typeof o[k] === 'boolean' ? (o[k] as boolean) : null);
  return {
    durationSec: n('durationSec'),
    text: typeof o.text === 'string' ? o.text : null,
    wordCount: n('wordCount'),
    fillerWords: Array.isArray(o.fillerWords) ? (o.fillerWords as Array<string | TimedLabel>) : null,
    speechStartSec: n('speechStartSec'),
    speechEndSec: n('speechEndSec'),
    pauses: Array.isArray(o.pauses) ? (o.pauses as Array<{ start: number; end: number }>) : null,
    wpm: n('wpm'),
    facePresent: b('facePresent'),
    facingCamera: b('facingCamera'),
    kind: typeof o.kind === 'string' ? o.kind : null,
    expect: o.expect === 'error' ? 'error' : 'ok',
    pitchMeanHz: pitchTruth(o),
  };
}

export interface RunMeta {
  file: string;
  set: string;
  wallSec: number;
}

const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;

/** A ratio of at least one half counts as "present"/"facing" when compared with the boolean truth. */
function ratioAgrees(ratio: number | null | undefined, truth: boolean | null): boolean | null {
  if (truth === null || ratio === null || ratio === undefined) return null;
  return ratio >= 0.5 === truth;
}

export function rowFromReport(truth: Truth, report: Report, meta: RunMeta): EvalRow {
  const s = report.speech;
  const w = truth.text !== null && truth.text.trim() !== '' ? werIgnoringFillers(truth.text, report.transcript?.text ?? '') : null;
  const filled = (s?.fillers ?? []).filter((f) => f.kind === 'filled');
  const fillerTruth: FillerTruth | null = truth.fillerWords;
  const shown = s?.wpm ?? null;
  const extra = s as Record<string, unknown> | null;
  const rel = (report.transcript as { reliability?: { level?: string } } | null)?.reliability?.level ?? null;
  return {
    file: meta.file,
    set: meta.set,
    kind: truth.kind ?? 'synthetic',
    durationSec: truth.durationSec ?? report.input.durationSec,
    outcome: 'ok',
    expect: truth.expect,
    message: null,
    wallSec: round(meta.wallSec, 2),
    rtf: report.input.durationSec > 0 ? round(meta.wallSec / report.input.durationSec, 3) : null,
    wer: w ? round(w.wer) : null,
    werErrors: w?.errors ?? 0,
    refWords: w?.refWords ?? 0,
    paceShown: shown,
    paceTruth: truth.wpm,
    paceError: (() => {
      const e = paceError(shown, truth.wpm);
      return e === null ? null : round(e);
    })(),
    fillers: fillerTruth ? matchFillers(fillerTruth, filled) : null,
    fillersFound: filled.map((f) => `${f.text}@${f.start.toFixed(2)}`),
    fillersTruth: (fillerTruth ?? []).map((f) => (typeof f === 'string' ? f : `${f.text}@${f.start.toFixed(2)}`)),
    pauses: truth.pauses && s ? matchPauses(truth.pauses, s.pauses) : null,
    facePresentOk: ratioAgrees(report.visual?.facePresentRatio, truth.facePresent),
    facingCameraOk: truth.facePresent === false ? null : ratioAgrees(report.visual?.facingCameraRatio, truth.facingCamera),
    pitch: pitchEval(truth.pitchMeanHz ?? null, report),
    notes: {
      paceSource: typeof extra?.paceSource === 'string' ? (extra.paceSource as string) : typeof extra?.speechRateSource === 'string' ? (extra.speechRateSource as string) : null,
      recognizerWpm: typeof extra?.recognizerWpm === 'number' ? (extra.recognizerWpm as number) : null,
      syllableRateWpm: s?.syllableRateWpm ?? null,
      reliability: rel,
      speechRateScore: report.scores.speechRate.value,
    },
  };
}

/** A row for a file the engine refused or failed on. */
export function rowFromError(truth: Truth, meta: RunMeta, outcome: 'rejected' | 'failed', message: string): EvalRow {
  return {
    file: meta.file, set: meta.set, kind: truth.kind ?? 'synthetic', durationSec: truth.durationSec, outcome, expect: truth.expect, message,
    wallSec: round(meta.wallSec, 2), rtf: null, wer: null, werErrors: 0, refWords: 0, paceShown: null, paceTruth: truth.wpm, paceError: null,
    fillers: null, fillersFound: [], fillersTruth: [], pauses: null, facePresentOk: null, facingCameraOk: null, notes: {},
  };
}
