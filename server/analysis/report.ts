/** Report v1 lives in contracts/report.ts (the server and the web app read the same schema); this path stays for the engines. */
import type { Score } from '../../contracts/report.js';

export * from '../../contracts/report.js';
export { SCORE_NAMES as scoreNames } from '../../contracts/report.js';

/** A score that could not be measured: value null, the reason as evidence. */
export function unmeasured(reason: string, tip: string): Score {
  return { value: null, evidence: [reason], tip };
}
