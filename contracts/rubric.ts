/**
 * The reviewers' rubric: the criteria and an anchored description for each level 1-5, so "4" means the same to
 * every reviewer. No zod here: the web app reads it at runtime.
 */
export const RUBRIC = ['relevance', 'structure', 'communication'] as const;
export type Criterion = (typeof RUBRIC)[number];

export const RUBRIC_LABELS: Record<Criterion, string> = { relevance: 'Relevance', structure: 'Structure', communication: 'Communication' };

/** Index 0 is level 1. Describe what was said and shown, never the person. */
export const RUBRIC_ANCHORS: Record<Criterion, readonly [string, string, string, string, string]> = {
  relevance: [
    'Does not address the question.',
    'Touches the question but mostly off topic or generic.',
    'Answers the question with a general example; little detail.',
    'Answers the question with a specific example and its outcome.',
    'Specific, well-chosen example; clear outcome and what was learned, tied back to the role.',
  ],
  structure: [
    'No discernible order; hard to follow.',
    'Some order, but jumps back and forth; the point comes late or not at all.',
    'Recognisable beginning, middle and end; some detours.',
    'Clear order (e.g. situation, task, action, result); stays on track.',
    'Clear, concise order; every part earns its place; ends with the result.',
  ],
  communication: [
    'Hard to understand (audio, pace or wording).',
    'Understandable with effort; frequent restarts or very unclear wording.',
    'Understandable; some unclear moments.',
    'Clear and easy to follow throughout.',
    'Clear, precise wording; easy to follow and to remember.',
  ],
};

/** One criterion of a question's rubric: a key, a label and what each level 1-5 looks like. */
export interface RubricCriterion {
  key: string;
  label: string;
  anchors: [string, string, string, string, string];
}

/** The rubric used when a question sets none. */
export const DEFAULT_RUBRIC: RubricCriterion[] = RUBRIC.map((key) => ({ key, label: RUBRIC_LABELS[key], anchors: [...RUBRIC_ANCHORS[key]] }));
