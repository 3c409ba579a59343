/**
 * The report's first screen: 2-3 strengths and 2-3 things to work on, each tied to a measured figure (a score or a
 * content measurement), its evidence, a moment to play and a tip. Candidates are ranked by how far their figure is
 * from its threshold; one item per measurement. Rules and thresholds: docs/scoring.md "Summary".
 */
import { SCORE_LABELS, type ScoreName } from '../../../contracts/scores.js';
import { analyzeContent, type ContentContext } from '../content/index.js';
import type { Content, Report, Summary, SummaryItem, Word } from '../report.js';

export type { ContentContext };

/** A score at or above STRONG is a strength; at or below WEAK a thing to work on. */
export const STRONG = 80;
export const WEAK = 60;
export const MAX_ITEMS = 3;

interface Candidate extends SummaryItem {
  kind: 'strength' | 'improvement';
  /** 0..1: how clearly the figure passes its threshold (ranking). */
  weight: number;
}

const STRENGTH_TITLES: Partial<Record<ScoreName, string>> = {
  speechRate: 'Comfortable speaking pace',
  clarity: 'Few filler words',
  voiceTone: 'Lively, varied voice',
  eyeContact: 'Good eye contact with the camera',
  bodyLanguage: 'Steady, open posture',
};
const WEAK_TITLES: Partial<Record<ScoreName, string>> = {
  speechRate: 'Speaking pace',
  clarity: 'Filler words and hedges',
  voiceTone: 'Flat voice (little pitch variation)',
  eyeContact: 'Looking away from the camera',
  bodyLanguage: 'Posture and movement',
};

/** Start of the 10 s window with the most (fast) or fewest (slow) words. */
function paceMoment(words: readonly Word[], fast: boolean): number | null {
  if (words.length < 5) return null;
  let best: number | null = null;
  let bestN = fast ? -1 : Number.POSITIVE_INFINITY;
  let j = 0;
  for (let i = 0; i < words.length; i++) {
    const from = words[i]!.start;
    if (from + 10 > words[words.length - 1]!.end) break;
    while (j < words.length && words[j]!.start < from + 10) j++;
    const n = j - i;
    if (fast ? n > bestN : n < bestN) {
      bestN = n;
      best = from;
    }
  }
  return best ?? words[0]!.start;
}

function scoreCandidates(r: Report): Candidate[] {
  const out: Candidate[] = [];
  const words = r.transcript?.words ?? [];
  const speech = r.speech;
  const visual = r.visual as (Report['visual'] & { lookingAwaySpans?: Array<{ start: number; end: number }> }) | null;
  for (const name of ['speechRate', 'clarity', 'voiceTone', 'eyeContact', 'bodyLanguage'] as const) {
    const s = r.scores[name];
    if (!s || s.value === null) continue;
    // a cloud model's rating (twelvelabs engine) says so in its evidence: keep saying so here
    const modelRated = s.evidence.some((e) => /not a measurement/i.test(e));
    const value = `${SCORE_LABELS[name]}: ${Math.round(s.value)}/100${modelRated ? ' (a model rating, not a measurement)' : ''}`;
    const evidence = s.evidence[0] ?? '';
    const measurement = `scores.${name}`;
    if (s.value >= STRONG) {
      const time = name === 'speechRate' || name === 'clarity' ? (words[0]?.start ?? null) : null;
      out.push({ kind: 'strength', weight: (s.value - STRONG) / (100 - STRONG + 1e-9) * 0.5 + 0.5, title: STRENGTH_TITLES[name]!, measurement, value, evidence, time, tip: s.tip });
    } else if (s.value <= WEAK) {
      let title = WEAK_TITLES[name]!;
      let time: number | null = null;
      if (name === 'speechRate' && speech?.wpm != null) {
        const fast = speech.wpm > 165;
        title = fast ? 'Speaking too fast' : 'Speaking slowly';
        time = paceMoment(words, fast);
      } else if (name === 'clarity') time = speech?.fillers[0]?.start ?? null;
      else if (name === 'eyeContact') time = visual?.lookingAwaySpans?.[0]?.start ?? null;
      out.push({ kind: 'improvement', weight: (WEAK - s.value) / WEAK * 0.5 + 0.5, title, measurement, value, evidence, time, tip: s.tip });
    }
  }
  // long pauses (>= 1.5 s): two or more per minute is worth working on; not on an answer too short to judge
  // (a per-minute rate from a few seconds of speech is no claim to make)
  const tooShort = r.warnings.some((w) => w.startsWith('too short to judge'));
  if (speech?.speechDetected && words.length > 1 && !tooShort) {
    const minutes = Math.max(1 / 60, (words[words.length - 1]!.end - words[0]!.start) / 60);
    const long = speech.pauses.filter((p) => p.end - p.start >= 1.5).sort((a, b) => b.end - b.start - (a.end - a.start));
    const rate = long.length / minutes;
    if (rate >= 2) {
      out.push({
        kind: 'improvement',
        weight: Math.min(1, rate / 6),
        title: 'Long pauses',
        measurement: 'speech.pauses',
        value: `${long.length} pauses of 1.5 s or more (${rate.toFixed(1)} per minute)`,
        evidence: `Longest: ${(long[0]!.end - long[0]!.start).toFixed(1)} s at ${long[0]!.start.toFixed(1)} s.`,
        time: long[0]!.start,
        tip: 'Plan your answer in three beats before you start, so you know what comes next; a short breath pause is fine.',
      });
    }
  }
  return out;
}

function contentCandidates(c: Content, words: readonly Word[]): Candidate[] {
  const out: Candidate[] = [];
  if (!c.reliable) return out;
  const first = words[0]?.start ?? null;
  const last = words[words.length - 1]?.start ?? null;
  if (c.length) {
    const l = c.length;
    const value = `${l.speakingSec} s, ${l.wordCount} words (usual ${l.rangeSec.min}-${l.rangeSec.max} s for a ${c.questionType} question)`;
    if (l.verdict === 'within range') out.push({ kind: 'strength', weight: 0.6, title: 'Good answer length', measurement: 'content.length', value, evidence: l.evidence[0]!, time: first, tip: l.tip });
    else {
      const off = l.verdict === 'too short' ? (l.rangeSec.min - l.speakingSec) / l.rangeSec.min : (l.speakingSec - l.rangeSec.max) / l.rangeSec.max;
      const over = words.find((w) => w.start - (words[0]?.start ?? 0) >= l.rangeSec.max);
      out.push({ kind: 'improvement', weight: Math.min(1, 0.5 + off), title: l.verdict === 'too short' ? 'Answer is short' : 'Answer runs long', measurement: 'content.length', value, evidence: l.evidence[0]!, time: l.verdict === 'too long' ? (over?.start ?? last) : last, tip: l.tip });
    }
  }
  if (c.structure) {
    const s = c.structure;
    if (s.missing.length === 0) {
      out.push({ kind: 'strength', weight: 0.9, title: 'Clear STAR story', measurement: 'content.structure', value: 'situation, task, action and result all present', evidence: s.evidence.slice(0, 4).join('; '), time: s.spans.find((x) => x.part === 'result')?.start ?? first, tip: s.tip });
    } else {
      const time = s.missing.includes('result') || s.missing.includes('action') ? last : first;
      out.push({ kind: 'improvement', weight: 0.5 + s.missing.length / 8, title: `Story structure: no ${s.missing.join(', ')}`, measurement: 'content.structure', value: `${s.present.length} of 4 STAR parts found${s.present.length ? ` (${s.present.join(', ')})` : ''}`, evidence: s.evidence.at(-1)!, time, tip: s.tip });
    }
  }
  if (c.relevance) {
    const q = c.relevance.question;
    const total = q.used.length + q.missed.length;
    if (q.coverage !== null && total >= 2) {
      const value = `${q.used.length} of ${total} question terms used`;
      if (q.coverage >= 0.6) out.push({ kind: 'strength', weight: 0.4 + q.coverage / 2, title: 'Answers the question asked', measurement: 'content.relevance', value, evidence: c.relevance.evidence[0]!, time: first, tip: c.relevance.tip });
      else if (q.coverage < 0.34) out.push({ kind: 'improvement', weight: 0.6 + (0.34 - q.coverage), title: 'Link the answer to the question', measurement: 'content.relevance', value, evidence: c.relevance.evidence[0]!, time: first, tip: c.relevance.tip });
    }
    const j = c.relevance.job;
    if (j && j.coverage !== null && j.coverage < 0.34) {
      out.push({ kind: 'improvement', weight: 0.55, title: 'Connect to the job description', measurement: 'content.relevance.job', value: `${j.used.length} of ${j.used.length + j.missed.length} job terms used`, evidence: c.relevance.evidence.at(-1)!, time: first, tip: c.relevance.tip });
    }
  }
  if (c.talkingPoints) {
    const tp = c.talkingPoints;
    const minutes = Math.max(1 / 60, ((words[words.length - 1]?.end ?? 0) - (words[0]?.start ?? 0)) / 60);
    const hedgeRate = tp.hedges.length / minutes;
    if (hedgeRate > 2) {
      out.push({ kind: 'improvement', weight: Math.min(1, 0.4 + hedgeRate / 10), title: 'Hedging words', measurement: 'content.talkingPoints.hedges', value: `${tp.hedges.length} hedges (${hedgeRate.toFixed(1)} per minute)`, evidence: tp.evidence[3]!, time: tp.hedges[0]!.start, tip: tp.tip });
    }
    if (tp.lessons.length > 0) {
      out.push({ kind: 'strength', weight: 0.55, title: 'Reflects on what you learned', measurement: 'content.talkingPoints.lessons', value: `${tp.lessons.length} lesson${tp.lessons.length === 1 ? '' : 's'} learned`, evidence: `"${tp.lessons[0]!.text}"`, time: tp.lessons[0]!.start, tip: 'Keep ending with a lesson; tie it to the job you want.' });
    }
  }
  return out;
}

export function buildSummary(report: Report, content: Content): Summary {
  const words = report.transcript?.words ?? [];
  const all = [...contentCandidates(content, words), ...scoreCandidates(report)];
  const pick = (kind: Candidate['kind']): SummaryItem[] => {
    const seen = new Set<string>();
    return all
      .filter((c) => c.kind === kind)
      .sort((a, b) => b.weight - a.weight)
      .filter((c) => !seen.has(c.measurement) && seen.add(c.measurement))
      .slice(0, MAX_ITEMS)
      .map(({ kind: _k, weight: _w, ...item }) => ({ ...item, time: item.time === null ? null : Math.round(item.time * 10) / 10 }));
  };
  const strengths = pick('strength');
  const improvements = pick('improvement');
  const notes: string[] = [];
  if (!content.reliable && content.unreliableReason) notes.push(`Nothing is said about the content of the answer: ${content.unreliableReason}`);
  if (strengths.length + improvements.length === 0) notes.push('Not enough was measured in this recording to name strengths or things to work on.');
  return { strengths, improvements, note: notes.length ? notes.join(' ') : null };
}

/** Adds `content` and `summary` to a report (after any engine, before the optional LLM coach). */
export function addCoaching(report: Report, ctx: ContentContext = {}): Report {
  const t0 = performance.now();
  const content = analyzeContent(report, ctx);
  report.content = content;
  report.summary = buildSummary(report, content);
  report.timingsMs.content = Math.round((performance.now() - t0) * 10) / 10;
  return report;
}
