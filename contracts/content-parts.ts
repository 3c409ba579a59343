/**
 * The lists of the report's content section that both sides read at runtime (STAR parts, length verdicts).
 * No zod here: the web bundle imports this module.
 */
export const STAR_PARTS = ['situation', 'task', 'action', 'result'] as const;
export type StarPartName = (typeof STAR_PARTS)[number];

export const STAR_LABELS: Record<StarPartName, string> = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result' };

export const LENGTH_VERDICTS = ['too short', 'within range', 'too long'] as const;
