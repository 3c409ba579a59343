/**
 * The mock interview's session report, from the answers' own reports only (a pure function):
 * - each measure followed across the answers (first -> last, judged against its reference band);
 * - the strongest and weakest answer by the mean of their measured 0-100 scores (a score that was not
 *   measured is left out, never counted as zero; answers are compared on the scores measured in all of them);
 * - what to practise next: measures whose session mean is outside the reference band or low, or that got
 *   worse during the session, each with the figures and one tip.
 * Rules and bands: docs/mock-interviews.md (bands as in docs/scoring.md).
 */
import type { AnswerStatus } from '../../../contracts/statuses.js';
import type { AnswerRank, MeasureTrend, PractiseNext, SessionSummary } from '../../../contracts/sessions.js';
import { SCORE_LABELS, SCORE_NAMES, type ScoreName } from '../../../contracts/scores.js';
import type { Report } from '../../analysis/report.js';
import { FILLERS_OK_PER_MIN, MONOTONE_PITCH_VARIATION, PACE_MAX_WPM, PACE_MIN_WPM } from '../../analysis/scoring/bands.js';

export interface SummaryItem {
  position: number;
  questionText: string;
  answerId: string | null;
  status: AnswerStatus | null;
  report: Report | null;
}

/** A score mean below this is worth practising even when it did not get worse. */
export const LOW_SCORE = 60;

interface MeasureDef {
  key: string;
  label: string;
  unit: string;
  better: MeasureTrend['better'];
  band: MeasureTrend['band'];
  /** Smallest change that counts as a change (smaller is "steady"). */
  tolerance: number;
  /** Decimals kept in the points. */
  digits: number;
  value(r: Report): number | null;
  format(v: number): string;
  tip: string;
}

const perMinute = (n: number, r: Report): number | null => (r.input.durationSec >= 5 ? (n / r.input.durationSec) * 60 : null);
const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const roundTo = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

const SCORE_TIPS: Record<ScoreName, string> = {
  confidence: 'Keep a steady pace, finish sentences without trailing off, and keep your voice at a level volume.',
  clarity: 'Use short sentences and pause briefly between ideas instead of filling the gap.',
  speechRate: 'Aim for a conversational pace of 100-165 words per minute; pause after each key point.',
  voiceTone: 'Vary your pitch: stress the key word of each sentence.',
  eyeContact: 'Look at the camera lens while you speak, not at your own picture.',
  bodyLanguage: 'Sit upright, face the camera and keep your hands visible and calm.',
};

export const MEASURES: MeasureDef[] = [
  ...SCORE_NAMES.map(
    (name): MeasureDef => ({
      key: `score.${name}`,
      label: SCORE_LABELS[name],
      unit: 'points of 100',
      better: 'higher',
      band: null,
      tolerance: 5,
      digits: 0,
      value: (r) => r.scores[name]?.value ?? null,
      format: (v) => `${Math.round(v)}/100`,
      tip: SCORE_TIPS[name],
    }),
  ),
  {
    key: 'speech.wpm',
    label: 'Speaking pace',
    unit: 'words per minute',
    better: 'band',
    band: { low: PACE_MIN_WPM, high: PACE_MAX_WPM, source: 'Microsoft Speaker Coach pace guidance' },
    tolerance: 5,
    digits: 0,
    value: (r) => r.speech?.wpm ?? null,
    format: (v) => `${Math.round(v)} wpm`,
    tip: SCORE_TIPS.speechRate,
  },
  {
    key: 'speech.fillersPerMin',
    label: 'Filler words',
    unit: 'per minute',
    better: 'lower',
    band: { low: null, high: FILLERS_OK_PER_MIN, source: 'usual range for fluent speakers' },
    tolerance: 0.5,
    digits: 1,
    value: (r) => (r.speech?.speechDetected ? perMinute(r.speech.fillers.length, r) : null),
    format: (v) => `${round1(v)} per minute`,
    tip: 'When you feel an "um" coming, close your mouth and pause instead: a short silence sounds more composed.',
  },
  {
    key: 'speech.longPausesPerMin',
    label: 'Long pauses (1.5 s or more)',
    unit: 'per minute',
    better: 'lower',
    band: null,
    tolerance: 0.5,
    digits: 1,
    value: (r) => (r.speech?.speechDetected ? perMinute(r.speech.longPauseCount, r) : null),
    format: (v) => `${round1(v)} per minute`,
    tip: 'Outline your answer in the think time (situation, action, result) so you know what comes next.',
  },
  {
    key: 'speech.pitchVariation',
    label: 'Pitch variation',
    unit: 'sd/mean of pitch',
    better: 'band',
    band: { low: MONOTONE_PITCH_VARIATION, high: null, source: 'Hincks 2005: below ~0.11 reads as monotone' },
    tolerance: 0.01,
    digits: 2,
    value: (r) => r.speech?.pitchVariation ?? null,
    format: (v) => round2(v).toFixed(2),
    tip: SCORE_TIPS.voiceTone,
  },
];

/** How far a value is outside the band (0 inside). */
function outside(def: MeasureDef, v: number): number {
  const lo = def.band?.low ?? null;
  const hi = def.band?.high ?? null;
  if (lo !== null && v < lo) return lo - v;
  if (hi !== null && v > hi) return v - hi;
  return 0;
}

function judge(def: MeasureDef, first: number, last: number): 'improved' | 'worse' | 'steady' {
  let gain: number;
  if (def.better === 'higher') gain = last - first;
  else if (def.better === 'lower') gain = first - last;
  else gain = outside(def, first) - outside(def, last);
  if (Math.abs(gain) < def.tolerance) return 'steady';
  return gain > 0 ? 'improved' : 'worse';
}

function bandText(def: MeasureDef): string {
  const b = def.band;
  if (!b) return '';
  if (b.low !== null && b.high !== null) return `${b.low}-${b.high} ${def.unit}`;
  if (b.low !== null) return `at least ${def.format(b.low)}`;
  return `at most ${def.format(b.high!)}`;
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function summarizeSession(items: SummaryItem[]): SessionSummary | null {
  const analysed = items.filter((i): i is SummaryItem & { report: Report; answerId: string } => i.status === 'done' && i.report !== null && i.answerId !== null);
  if (analysed.length === 0) return null;
  const notes: string[] = [];
  const failed = items.filter((i) => i.status === 'failed');
  const pending = items.filter((i) => i.status === 'queued' || i.status === 'processing');
  const unanswered = items.filter((i) => i.answerId === null);
  if (failed.length) notes.push(`Left out: the analysis of question ${failed.map((i) => i.position).join(', ')} failed.`);
  if (pending.length) notes.push(`Still being analysed: question ${pending.map((i) => i.position).join(', ')}; this summary will update.`);
  if (unanswered.length) notes.push(`Not answered: question ${unanswered.map((i) => i.position).join(', ')}.`);
  const audioOnly = analysed.filter((i) => !i.report.input.hasVideo);
  if (audioOnly.length) notes.push(`Eye contact and body language were not measured in ${audioOnly.length} audio-only answer(s) (question ${audioOnly.map((i) => i.position).join(', ')}); they are left out, not counted against you.`);

  const measures: MeasureTrend[] = [];
  for (const def of MEASURES) {
    const points = items.map((i) => {
      const done = i.status === 'done' && i.report;
      const v = done ? def.value(i.report!) : null;
      return { position: i.position, value: v === null || !Number.isFinite(v) ? null : roundTo(v, def.digits) };
    });
    const measured = points.filter((p): p is { position: number; value: number } => p.value !== null);
    if (measured.length === 0) continue;
    const first = measured[0]!;
    const last = measured.at(-1)!;
    const m = mean(measured.map((p) => p.value));
    const direction = measured.length >= 2 ? judge(def, first.value, last.value) : null;
    const evidence =
      measured.length >= 2
        ? `${def.format(first.value)} in question ${first.position}, ${def.format(last.value)} in question ${last.position} (${measured.length} answers measured, mean ${def.format(m!)})${def.band ? `; reference ${bandText(def)}` : ''}.`
        : `${def.format(first.value)} in question ${first.position} (the only answer where it was measured).`;
    measures.push({ key: def.key, label: def.label, unit: def.unit, better: def.better, band: def.band, points, first: first.value, last: last.value, mean: m === null ? null : round2(m), direction, evidence });
  }

  // Strongest and weakest: compared on the scores measured in every analysed answer (when at least two are), else each answer's own measured scores.
  const measuredScores = (r: Report) => SCORE_NAMES.filter((n) => r.scores[n]?.value !== null && r.scores[n]?.value !== undefined);
  const common = SCORE_NAMES.filter((n) => analysed.every((i) => measuredScores(i.report).includes(n)));
  const basis = common.length >= 2 ? common : null;
  const ranks: AnswerRank[] = [];
  for (const i of analysed) {
    const names = basis ?? measuredScores(i.report);
    if (names.length === 0) continue;
    const vals = names.map((n) => i.report.scores[n]!.value!);
    const avg = mean(vals)!;
    ranks.push({
      position: i.position,
      answerId: i.answerId,
      questionText: i.questionText,
      meanScore: Math.round(avg * 10) / 10,
      scoresUsed: names.length,
      evidence: `Mean of ${names.length} measured scores: ${names.map((n) => `${SCORE_LABELS[n]} ${Math.round(i.report.scores[n]!.value!)}`).join(', ')}.`,
    });
  }
  if (!basis && ranks.length >= 2) notes.push('The answers were measured on different scores (e.g. audio-only answers have no visual scores), so each is ranked on the scores measured in it.');
  const sorted = [...ranks].sort((a, b) => b.meanScore - a.meanScore || a.position - b.position);
  const strongest = sorted[0] ?? null;
  const weakest = sorted.length >= 2 ? sorted.at(-1)! : null;

  return { total: items.length, analysed: analysed.length, measures, strongest, weakest, practiseNext: practiseNext(measures), notes };
}

/** Up to three measures to work on, most serious first, each with its figures. */
export function practiseNext(measures: MeasureTrend[]): PractiseNext[] {
  const found: Array<PractiseNext & { severity: number }> = [];
  for (const t of measures) {
    const def = MEASURES.find((d) => d.key === t.key)!;
    if (t.mean === null) continue;
    const reasons: string[] = [];
    let severity = 0;
    if (def.better === 'higher') {
      if (t.mean < LOW_SCORE) {
        reasons.push(`averaged ${def.format(t.mean)} across the session (below ${LOW_SCORE})`);
        severity += (LOW_SCORE - t.mean) / 10;
      }
    } else if (def.band) {
      const off = outside(def, t.mean);
      if (off > 0) {
        reasons.push(`averaged ${def.format(t.mean)}, outside the reference band: ${bandText(def)} (${def.band.source})`);
        // Normalised by the band's size (or its limit) so measures in different units compare.
        const scale = def.band.low !== null && def.band.high !== null ? def.band.high - def.band.low : (def.band.high ?? def.band.low ?? 1);
        severity += 1 + (off / scale) * 5;
      }
    }
    if (t.direction === 'worse' && t.first !== null && t.last !== null) {
      const pts = t.points.filter((p) => p.value !== null);
      reasons.push(`went from ${def.format(t.first)} in question ${pts[0]!.position} to ${def.format(t.last)} in question ${pts.at(-1)!.position}`);
      severity += 1;
    }
    if (reasons.length) found.push({ key: t.key, label: t.label, reason: `${t.label} ${reasons.join('; it also ')}.`, tip: def.tip, severity });
  }
  found.sort((a, b) => b.severity - a.severity);
  // Two measures of the same cue (e.g. the voice tone score and pitch variation) share a tip: name the more serious one only.
  const seenTips = new Set<string>();
  const distinct = found.filter((f) => {
    if (seenTips.has(f.tip)) return false;
    seenTips.add(f.tip);
    return true;
  });
  if (distinct.length === 0) {
    // Nothing outside its band: name the lowest measured score so there is still a next step, said as such.
    const lowest = measures.filter((t) => t.key.startsWith('score.') && t.mean !== null).sort((a, b) => a.mean! - b.mean!)[0];
    if (lowest) {
      const def = MEASURES.find((d) => d.key === lowest.key)!;
      return [{ key: lowest.key, label: lowest.label, reason: `No measure was outside its reference band. Your lowest score was ${lowest.label} at ${def.format(lowest.mean!)} on average.`, tip: def.tip }];
    }
    return [];
  }
  return distinct.slice(0, 3).map(({ severity: _s, ...p }) => p);
}
