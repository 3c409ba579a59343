/**
 * The score names and their labels: one list for the server (Report v1 `scores`, leaderboard metrics)
 * and the web app. No zod here: the web bundle imports this module at runtime.
 */

/** The automated scores of Report v1, in display order. */
export const SCORE_NAMES = ['confidence', 'clarity', 'speechRate', 'voiceTone', 'eyeContact', 'bodyLanguage'] as const;
export type ScoreName = (typeof SCORE_NAMES)[number];

/** Full names (score cards of the report). "Confidence" is a composite of observable cues, never a feeling. */
export const SCORE_LABELS: Record<ScoreName, string> = {
  confidence: 'Confidence (observable cues)',
  clarity: 'Clarity',
  speechRate: 'Speech rate',
  voiceTone: 'Voice tone',
  eyeContact: 'Eye contact',
  bodyLanguage: 'Body language',
};

/** Short names (history chips, leaderboard columns, reviewer workspace): the same words as the report's cards (issue 15), without the qualifier. */
export const SCORE_SHORT_LABELS: Record<ScoreName, string> = {
  confidence: 'Confidence',
  clarity: 'Clarity',
  speechRate: 'Speech rate',
  voiceTone: 'Voice tone',
  eyeContact: 'Eye contact',
  bodyLanguage: 'Body language',
};

/** The reviewers' rubric ratings (1-5) as one more leaderboard metric, mapped to 0-100. */
export const RATING_METRIC = 'rating';
/** What a candidate is ranked on: the automated scores and the reviewers' rating. */
export const METRICS = [...SCORE_NAMES, RATING_METRIC] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_LABELS: Record<Metric, string> = { ...SCORE_SHORT_LABELS, rating: 'Reviewer score' };

/** How the leaderboard can be sorted: rank, name, status, or one metric. */
export const LEADERBOARD_SORTS = ['rank', 'name', 'status', ...METRICS] as const;
export type LeaderboardSort = (typeof LEADERBOARD_SORTS)[number];
