/**
 * Talking points in the style of Google Interview Warmup: sentences that mention experience, skills, lessons
 * learned and goals (cue phrases), plus repeated words, overused phrases and hedges.
 */
import type { Content, Word } from '../report.js';
import { type Sentence, findPhrase, isContent, norm, stem } from './words.js';

const p = (s: string): string[][] => s.split('|').map((x) => x.trim().split(/\s+/));

export const TALKING_POINT_CUES = {
  experience: p('years of|year of|experience|i worked|i have worked|i\'ve worked|in my role|in my previous|at my last|i was working|i managed|i led|my time at|i spent|i joined'),
  skills: p('i\'m good at|i am good at|good at|skilled|skill|skills|able to|i can|strength|strengths|proficient|expert|fluent|i know how|comfortable with|familiar with|trained in|certified'),
  lessons: p('i learned|i learnt|i\'ve learned|learned that|i realised|i realized|lesson|taught me|next time|in hindsight|looking back|i would do|i now|since then|made me realise|made me realize|what i took away'),
  goals: p('i want to|i would like to|i\'d like to|my goal|i hope|i plan to|in the future|i aim to|i aspire|looking forward|next step|long term|five years|grow into|i\'m excited to|i am excited to'),
} as const;
export type TalkingPointKind = keyof typeof TALKING_POINT_CUES;

export const HEDGE_PHRASES = p('maybe|perhaps|probably|i guess|kind of|sort of|i think|i suppose|i feel like|more or less|hopefully|i\'m not sure|i am not sure|or something');
/** Stock phrases that lose force when repeated. */
const STOCK = p('to be honest|at the end of the day|you know|i mean|basically|literally|in terms of|stuff like that|and so on|things like that|and everything');

/** A content word said at least REPEAT_MIN times and in at least REPEAT_SHARE of the words counts as repeated. */
export const REPEAT_MIN = 4;
export const REPEAT_SHARE = 0.03;
/** A stock phrase said at least twice, or any 3-word phrase said at least three times, counts as overused. */

export function talkingPoints(words: readonly Word[], sents: readonly Sentence[]): NonNullable<Content['talkingPoints']> {
  const found = { experience: [], skills: [], lessons: [], goals: [] } as Record<TalkingPointKind, Array<{ text: string; start: number; end: number }>>;
  for (const s of sents) {
    const tokens = s.text.split(/\s+/).map(norm).filter(Boolean);
    for (const kind of Object.keys(TALKING_POINT_CUES) as TalkingPointKind[]) {
      if (TALKING_POINT_CUES[kind].some((c) => findPhrase(tokens, c) >= 0)) found[kind].push({ text: s.text, start: s.start, end: s.end });
    }
  }
  const tokens = words.map((w) => norm(w.text));
  // repeated content words, grouped by stem
  const byStem = new Map<string, { word: string; count: number }>();
  for (const t of tokens) {
    if (!isContent(t)) continue;
    const s = stem(t);
    const e = byStem.get(s);
    if (e) e.count++;
    else byStem.set(s, { word: t, count: 1 });
  }
  const repeatedWords = [...byStem.values()].filter((e) => e.count >= REPEAT_MIN && e.count / Math.max(1, tokens.length) >= REPEAT_SHARE).sort((a, b) => b.count - a.count).slice(0, 5);
  // overused phrases: stock phrases >= 2, any 3-gram with a content word >= 3
  const phraseTimes = new Map<string, number[]>();
  for (const stock of STOCK) {
    for (let i = findPhrase(tokens, stock); i >= 0; i = findPhrase(tokens, stock, i + stock.length)) {
      const k = stock.join(' ');
      phraseTimes.set(k, [...(phraseTimes.get(k) ?? []), words[i]!.start]);
    }
  }
  const overused = [...phraseTimes.entries()].filter(([, t]) => t.length >= 2).map(([phrase, times]) => ({ phrase, count: times.length, times }));
  const grams = new Map<string, number[]>();
  for (let i = 0; i + 3 <= tokens.length; i++) {
    const g = tokens.slice(i, i + 3);
    if (!g.some(isContent) || g.some((x) => !x)) continue;
    const k = g.join(' ');
    grams.set(k, [...(grams.get(k) ?? []), words[i]!.start]);
  }
  for (const [phrase, times] of grams) if (times.length >= 3 && !overused.some((o) => o.phrase.includes(phrase))) overused.push({ phrase, count: times.length, times });
  overused.sort((a, b) => b.count - a.count);
  // hedges
  const hedges: Array<{ text: string; start: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const h = HEDGE_PHRASES.find((x) => x.every((w, k) => tokens[i + k] === w));
    if (h) {
      hedges.push({ text: h.join(' '), start: words[i]!.start });
      i += h.length - 1;
    }
  }
  const minutes = Math.max(1 / 60, ((words[words.length - 1]?.end ?? 0) - (words[0]?.start ?? 0)) / 60);
  const hedgeRate = hedges.length / minutes;
  const named = (Object.keys(found) as TalkingPointKind[]).filter((k) => found[k].length > 0);
  const label: Record<TalkingPointKind, string> = { experience: 'experience', skills: 'skills', lessons: 'lessons learned', goals: 'goals' };
  const evidence = [
    `Talking points: ${named.length ? named.map((k) => `${label[k]} (${found[k].length})`).join(', ') : 'none of experience, skills, lessons learned or goals'}.`,
    repeatedWords.length ? `Repeated words: ${repeatedWords.map((r) => `"${r.word}" x${r.count}`).join(', ')}.` : 'No word repeated unusually often.',
    overused.length ? `Overused phrases: ${overused.slice(0, 3).map((o) => `"${o.phrase}" x${o.count}`).join(', ')}.` : 'No overused phrase.',
    `Hedges: ${hedges.length} (${hedgeRate.toFixed(1)} per minute)${hedges.length ? `: ${hedges.slice(0, 5).map((h) => `"${h.text}" at ${h.start.toFixed(1)} s`).join(', ')}` : ''}.`,
  ];
  const tip =
    hedgeRate > 2
      ? `Say it plainly: drop "${hedges[0]!.text}" and state what you did or think.`
      : overused.length
        ? `Vary your wording: "${overused[0]!.phrase}" came ${overused[0]!.count} times.`
        : found.lessons.length === 0
          ? 'Close with what you learned or would do differently: it shows reflection.'
          : found.skills.length === 0
            ? 'Name the skill your example shows (e.g. "it taught me to negotiate").'
            : 'You covered experience, skills and lessons; keep each one tied to a concrete example.';
  return { ...found, repeatedWords, overusedPhrases: overused.slice(0, 5), hedges, evidence, tip };
}
