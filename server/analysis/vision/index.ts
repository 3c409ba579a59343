// PLACEHOLDER until the vision pipeline lands (issue 4): the local engine reports visual: null with this reason.
import type { AnalyzeVision } from './contract.js';

export const analyzeVision: AnalyzeVision = async () => {
  throw new Error('the vision pipeline is not built yet');
};
