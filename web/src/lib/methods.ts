/** How each score is measured, in plain words (shown on demand on the score cards; the rules are in docs/scoring.md). */
import type { ScoreName } from '../../../contracts/scores';

export const SCORE_METHODS: Record<ScoreName, string> = {
  confidence:
    'A mix of things anyone watching could observe: your pace, filler words, long pauses, how much your voice rises and falls, facing the camera and posture. It does not judge how you feel.',
  clarity: 'Counts filler sounds and words ("um", "you know") per minute, hedges ("maybe", "I guess") and very long sentences in the transcript.',
  speechRate: 'Words per minute over the time you were speaking, compared with the comfortable band of 100-165 words per minute.',
  voiceTone: 'How much the pitch of your voice rises and falls while you speak; very little movement sounds flat (monotone).',
  eyeContact: 'Two video frames a second: the share of them in which your head and eyes point at the camera.',
  bodyLanguage: 'Shoulders level, not leaning or slouching, your face centred in the frame, steady but not frozen, and some hand gestures.',
};
