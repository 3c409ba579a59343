/**
 * Relevance: the topic terms of the question (and of a pasted job description) that the answer used and missed,
 * compared by Porter stem so "lead", "leading" and "leads" match. Question terms are its content words minus the
 * words that only frame the question ("tell", "describe", "time"). Job terms are the job description's content
 * words that occur at least twice, most frequent first, filled up to JOB_FILL with its other content words in
 * order of appearance when fewer repeat; at most JOB_TERMS.
 */
import type { Content, TermCoverage, Word } from '../report.js';
import { isContent, norm, QUESTION_FRAME, stem } from './words.js';

export const JOB_TERMS = 15;
/** With fewer repeated terms than this, the first single-mention terms fill the list up to it. */
export const JOB_FILL = 8;

function coverage(terms: readonly string[], answerStems: ReadonlySet<string>): TermCoverage {
  const used: string[] = [];
  const missed: string[] = [];
  for (const t of terms) (answerStems.has(stem(t)) ? used : missed).push(t);
  return { used, missed, coverage: terms.length ? Math.round((used.length / terms.length) * 100) / 100 : null };
}

/** Distinct terms (first spelling kept) by stem. */
function distinct(words: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const w of words) {
    const n = norm(w).replace(/'s$/, '');
    if (!isContent(n)) continue;
    const s = stem(n);
    if (!seen.has(s)) seen.set(s, n);
  }
  return [...seen.values()];
}

export function questionTerms(question: string): string[] {
  return distinct(question.split(/\s+/)).filter((w) => !QUESTION_FRAME.has(w));
}

export function jobTerms(job: string): string[] {
  const counts = new Map<string, { word: string; n: number; first: number }>();
  job
    .split(/[\s,;:/()]+/)
    .map((w) => norm(w).replace(/'s$/, ''))
    .filter(isContent)
    .forEach((w, i) => {
      const s = stem(w);
      const c = counts.get(s);
      if (c) c.n++;
      else counts.set(s, { word: w, n: 1, first: i });
    });
  const all = [...counts.values()];
  const repeated = all.filter((c) => c.n >= 2).sort((a, b) => b.n - a.n || a.first - b.first);
  // a short description repeats little: fill up to JOB_FILL with its other terms in order
  const rest = repeated.length < JOB_FILL ? all.filter((c) => c.n < 2).sort((a, b) => a.first - b.first).slice(0, JOB_FILL - repeated.length) : [];
  return [...repeated, ...rest].slice(0, JOB_TERMS).map((c) => c.word);
}

export function relevance(words: readonly Word[], question: string, jobDescription?: string | null): NonNullable<Content['relevance']> {
  const stems = new Set(words.map((w) => stem(w.text)));
  const q = coverage(questionTerms(question), stems);
  const job = jobDescription?.trim() ? coverage(jobTerms(jobDescription), stems) : null;
  const pct = (c: TermCoverage) => (c.coverage === null ? 'no topic terms' : `${Math.round(c.coverage * 100)}%`);
  const evidence = [
    q.coverage === null ? 'The question has no topic terms to look for.' : `Question terms used ${q.used.length} of ${q.used.length + q.missed.length} (${pct(q)}): ${q.used.join(', ') || 'none'}${q.missed.length ? `; not used: ${q.missed.join(', ')}` : ''}.`,
  ];
  if (job) evidence.push(`Job description terms used ${job.used.length} of ${job.used.length + job.missed.length} (${pct(job)}): ${job.used.join(', ') || 'none'}${job.missed.length ? `; not used: ${job.missed.join(', ')}` : ''}.`);
  const low = (c: TermCoverage | null) => c !== null && c.coverage !== null && c.coverage < 0.5;
  const tip = low(q)
    ? `Answer the question in its own words early on: mention ${q.missed.slice(0, 3).join(', ')}.`
    : low(job)
      ? `Link your example to the job: the description stresses ${job!.missed.slice(0, 3).join(', ')}.`
      : 'Your answer stays on the topic of the question; keep naming it when you change step.';
  return { question: q, job, evidence, tip };
}
