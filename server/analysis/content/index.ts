/** The content section of a report: what the answer said, measured from the transcript, gated by its reliability. */
import type { QuestionType } from '../../../contracts/questions.js';
import type { Content, Report } from '../report.js';
import { keySentences } from './keySentences.js';
import { answerLength } from './length.js';
import { relevance } from './relevance.js';
import { transcriptGate } from './reliability.js';
import { starStructure } from './star.js';
import { talkingPoints } from './talkingPoints.js';
import { sentences } from './words.js';

export interface ContentContext {
  /** The question's type from the bank; 'general' when the question has none. */
  questionType?: QuestionType | null;
  /** Job description pasted by the user (mock interview sessions), if any. */
  jobDescription?: string | null;
}

export function analyzeContent(report: Pick<Report, 'transcript' | 'question'>, ctx: ContentContext = {}): Content {
  const questionType = ctx.questionType ?? 'general';
  const gate = transcriptGate(report);
  if (!gate.reliable || !report.transcript) {
    return { reliable: false, unreliableReason: gate.reason, questionType, length: null, structure: null, relevance: null, talkingPoints: null, keySentences: [] };
  }
  const words = report.transcript.words;
  const sents = sentences(words);
  return {
    reliable: true,
    unreliableReason: null,
    questionType,
    length: answerLength(words, questionType),
    structure: questionType === 'behavioural' ? starStructure(words, sents) : null,
    relevance: relevance(words, report.question, ctx.jobDescription),
    talkingPoints: talkingPoints(words, sents),
    keySentences: keySentences(sents, report.question),
  };
}
