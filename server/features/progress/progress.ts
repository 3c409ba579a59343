/**
 * Progress over time (issue 11), computed from the owner's analysed answers only: per measure the series
 * (oldest first), first / last / best, means per question and per category, and short notes on what improved
 * and what to work on next, each naming its figures and, where one exists, the reference band and its source.
 * Pure: no I/O (the service passes the rows).
 */
import type { Progress, ProgressMeasure } from '../../../contracts/progress.js';
import type { Report } from '../../../contracts/report.js';
import { SCORE_LABELS, SCORE_NAMES } from '../../../contracts/scores.js';
import { FILLERS_OK_PER_MIN, MONOTONE_PITCH_VARIATION, PACE_MAX_WPM, PACE_MIN_WPM } from '../../analysis/scoring/bands.js';

export interface ProgressInput {
  id: string;
  createdAt: string;
  questionId: string | null;
  questionText: string;
  category: string | null;
  report: Report;
}

interface MeasureDef {
  id: string;
  label: string;
  unit: string;
  better: ProgressMeasure['better'];
  band: ProgressMeasure['band'];
  /** Smallest change worth a note. */
  step: number;
  digits: number;
  value(r: Report): number | null;
}

/** Minutes from the first recognised word to the last: the same base the clarity score uses for fillers per minute. */
function speechMinutes(r: Report): number | null {
  const w = r.transcript?.words ?? [];
  const first = w[0];
  const last = w[w.length - 1];
  if (!first || !last || last.end <= first.start) return null;
  return (last.end - first.start) / 60;
}

const finite = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export const MEASURES: MeasureDef[] = [
  {
    id: 'wpm',
    label: 'Pace',
    unit: 'wpm',
    better: 'inBand',
    band: { min: PACE_MIN_WPM, max: PACE_MAX_WPM, source: 'Microsoft Speaker Coach pace guidance' },
    step: 5,
    digits: 0,
    value: (r) => (r.speech?.speechDetected ? finite(r.speech.wpm) : null),
  },
  {
    id: 'fillersPerMin',
    label: 'Fillers per minute',
    unit: '/min',
    better: 'lower',
    band: { min: null, max: FILLERS_OK_PER_MIN, source: 'shared reference band: up to 5 fillers per minute' },
    step: 0.5,
    digits: 1,
    value: (r) => {
      const m = r.speech?.speechDetected ? speechMinutes(r) : null;
      return m && r.speech ? r.speech.fillers.length / m : null;
    },
  },
  {
    id: 'longPauses',
    label: 'Long pauses (1.5 s or more)',
    unit: 'pauses',
    better: 'lower',
    band: null,
    step: 1,
    digits: 0,
    value: (r) => (r.speech?.speechDetected ? finite(r.speech.longPauseCount) : null),
  },
  {
    id: 'pitchVariation',
    label: 'Pitch variation (sd/mean of F0)',
    unit: '',
    better: 'inBand',
    band: { min: MONOTONE_PITCH_VARIATION, max: null, source: 'below ~0.11 reads as monotone (Hincks 2005)' },
    step: 0.01,
    digits: 3,
    value: (r) => (r.speech?.speechDetected ? finite(r.speech.pitchVariation) : null),
  },
  {
    id: 'eyeContact',
    label: 'Facing the camera',
    unit: '% of time',
    better: 'higher',
    band: null,
    step: 5,
    digits: 0,
    value: (r) => {
      const v = finite(r.visual?.facingCameraRatio);
      return v === null ? null : v * 100;
    },
  },
  ...SCORE_NAMES.map(
    (name): MeasureDef => ({
      id: `score.${name}`,
      label: SCORE_LABELS[name],
      unit: '/100',
      better: 'higher',
      band: null,
      step: 5,
      digits: 0,
      value: (r) => finite(r.scores[name]?.value),
    }),
  ),
];

const roundTo = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** How far a value is outside the band (0 inside). */
function outside(v: number, band: ProgressMeasure['band']): number {
  if (!band) return 0;
  if (band.min !== null && v < band.min) return band.min - v;
  if (band.max !== null && v > band.max) return v - band.max;
  return 0;
}

function bestOf(def: MeasureDef, values: number[]): number | null {
  if (values.length === 0) return null;
  if (def.better === 'higher') return Math.max(...values);
  if (def.better === 'lower') return Math.min(...values);
  // inBand: the value closest to the band (the first such, when several are inside).
  return values.reduce((a, b) => (outside(b, def.band) < outside(a, def.band) ? b : a));
}

function bandText(def: MeasureDef): string {
  const b = def.band;
  if (!b) return '';
  const unit = def.unit === 'wpm' ? ' wpm' : def.unit;
  const range = b.min !== null && b.max !== null ? `${b.min}-${b.max}${unit}` : b.min !== null ? `at least ${b.min}${unit}` : `at most ${b.max}${unit}`;
  return ` (reference: ${range}; ${b.source})`;
}

function fmt(def: MeasureDef, v: number): string {
  const n = roundTo(v, def.digits);
  switch (def.unit) {
    case 'wpm':
      return `${n} wpm`;
    case 'pauses':
      return `${n} long pause${n === 1 ? '' : 's'}`;
    case '% of time':
      return `${n}% of the time`;
    default:
      return `${n}${def.unit}`;
  }
}

export function computeProgress(inputs: ProgressInput[]): Progress {
  const rows = [...inputs].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const improved: Progress['improved'] = [];
  const next: Progress['next'] = [];
  const measures = MEASURES.map((def): ProgressMeasure => {
    const points: ProgressMeasure['points'] = [];
    let unmeasured = 0;
    for (const r of rows) {
      const v = def.value(r.report);
      if (v === null) unmeasured++;
      else points.push({ answerId: r.id, createdAt: r.createdAt, value: roundTo(v, def.digits + 1), questionId: r.questionId, category: r.category });
    }
    const values = points.map((p) => p.value);
    const first = values[0] ?? null;
    const last = values[values.length - 1] ?? null;
    const best = bestOf(def, values);

    const byQ = new Map<string, { text: string; vals: number[] }>();
    const byC = new Map<string, number[]>();
    for (const [i, p] of points.entries()) {
      const src = rows.find((r) => r.id === p.answerId);
      if (p.questionId) {
        const g = byQ.get(p.questionId) ?? { text: src?.questionText ?? p.questionId, vals: [] };
        g.vals.push(values[i]!);
        byQ.set(p.questionId, g);
      }
      if (p.category) byC.set(p.category, [...(byC.get(p.category) ?? []), values[i]!]);
    }
    const mean = (xs: number[]) => roundTo(xs.reduce((a, b) => a + b, 0) / xs.length, def.digits + 1);

    if (first !== null && last !== null && values.length >= 2) {
      const delta = last - first;
      const gotBetter = def.better === 'higher' ? delta >= def.step : def.better === 'lower' ? -delta >= def.step : outside(last, def.band) + def.step <= outside(first, def.band);
      const gotWorse = def.better === 'higher' ? -delta >= def.step : def.better === 'lower' ? delta >= def.step : outside(last, def.band) >= outside(first, def.band) + def.step;
      const span = `from ${fmt(def, first)} in your first analysed answer to ${fmt(def, last)} in your last`;
      if (gotBetter) improved.push({ measureId: def.id, text: `${def.label}: ${span}${bandText(def)}.` });
      else if (gotWorse) next.push({ measureId: def.id, text: `${def.label} got worse: ${span}${bandText(def)}.` });
    }
    if (last !== null && outside(last, def.band) > 0 && !next.some((n) => n.measureId === def.id)) {
      const b = def.band!;
      const side = b.min !== null && last < b.min ? 'below' : 'above';
      next.push({ measureId: def.id, text: `${def.label} in your last analysed answer was ${fmt(def, last)}, ${side} the reference band${bandText(def)}.` });
    }
    return {
      id: def.id,
      label: def.label,
      unit: def.unit,
      better: def.better,
      band: def.band,
      points,
      unmeasured,
      first,
      last,
      best,
      byQuestion: [...byQ.entries()].map(([questionId, g]) => ({ questionId, questionText: g.text, n: g.vals.length, mean: mean(g.vals), last: g.vals[g.vals.length - 1]! })),
      byCategory: [...byC.entries()].map(([category, vals]) => ({ category, n: vals.length, mean: mean(vals), last: vals[vals.length - 1]! })),
    };
  });

  // The weakest score of the last answer is worth working on when it is low, even if it did not drop.
  const scoreLasts = measures.filter((m) => m.id.startsWith('score.') && m.last !== null).sort((a, b) => a.last! - b.last!);
  const weakest = scoreLasts[0];
  if (weakest && weakest.last! < 60 && !next.some((n) => n.measureId === weakest.id)) {
    next.push({ measureId: weakest.id, text: `${weakest.label} is your lowest score in the last analysed answer (${Math.round(weakest.last!)}/100): open that report for the evidence and the tip.` });
  }
  return { answers: rows.length, measures, improved: improved.slice(0, 6), next: next.slice(0, 6) };
}
