/**
 * Answer length: words and speaking time against the usual range for the question type. The ranges are the
 * common coaching guidance (1-2 minutes for a story, shorter for a motivation or general question).
 */
import type { QuestionType } from '../../../contracts/questions.js';
import type { Content, Word } from '../report.js';
import { round } from './words.js';

export const LENGTH_RANGES: Record<QuestionType, { min: number; max: number }> = {
  behavioural: { min: 60, max: 150 },
  situational: { min: 45, max: 120 },
  technical: { min: 45, max: 150 },
  motivation: { min: 30, max: 90 },
  general: { min: 30, max: 120 },
};

export function answerLength(words: readonly Word[], type: QuestionType): NonNullable<Content['length']> {
  const range = LENGTH_RANGES[type];
  const speakingSec = words.length ? round(Math.max(0, words[words.length - 1]!.end - words[0]!.start)) : 0;
  const verdict = speakingSec < range.min ? 'too short' : speakingSec > range.max ? 'too long' : 'within range';
  const evidence = [
    `${words.length} words over ${speakingSec} s of speaking (first word at ${round(words[0]?.start ?? 0)} s, last at ${round(words[words.length - 1]?.end ?? 0)} s).`,
    `Usual range for a ${type} question: ${range.min}-${range.max} s.`,
  ];
  const tip =
    verdict === 'too short'
      ? type === 'behavioural'
        ? 'Give a full example: where you were, what you had to do, what you did and how it ended.'
        : 'Add one concrete example or detail that supports your main point.'
      : verdict === 'too long'
        ? 'Lead with your main point and cut side details; aim to finish within two minutes.'
        : 'Good length: keep your main point first so the listener knows where you are going.';
  return { wordCount: words.length, speakingSec, rangeSec: range, verdict, evidence, tip };
}
