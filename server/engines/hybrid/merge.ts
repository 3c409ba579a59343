/**
 * Merge a local report (measurements) with the cloud report (Pegasus's qualitative reading).
 * Numbers (speech, visual, transcript, score values) come only from the local engine; Pegasus adds evidence
 * lines prefixed "Pegasus:", key points prefixed "Pegasus:", and a `cloud` section. Pure function.
 */
import { scoreNames, type Report, type ScoreName } from '../../analysis/report.js';
import type { CloudReading, CloudSection } from '../twelvelabs/map.js';

export type HybridCloudSection = Omit<CloudSection, 'engine'> & { engine: string };

const MODEL_PREFIX = /^Pegasus \(model opinion\):\s*/;

/** The cloud report's `cloud` section, or one derived from its scores and key points. */
export function cloudSectionOf(cloud: Report): HybridCloudSection {
  const own = (cloud as { cloud?: HybridCloudSection }).cloud;
  if (own && typeof own === 'object' && Array.isArray(own.keyPoints) && own.readings && typeof own.readings === 'object') {
    return { ...own, error: null };
  }
  const readings: Partial<Record<ScoreName, CloudReading>> = {};
  for (const name of scoreNames) {
    const s = cloud.scores[name];
    const first = s.evidence[0];
    if (first) readings[name] = { rating: s.value, observation: first.replace(MODEL_PREFIX, '') };
  }
  return {
    engine: cloud.engine, model: cloud.engine, summary: null, keyPoints: cloud.keyPoints, addressesQuestion: null, relevance: null,
    readings, moments: [], tips: [], error: null,
  };
}

export function failedCloudSection(engine: string, error: string): HybridCloudSection {
  return { engine, model: engine, summary: null, keyPoints: [], addressesQuestion: null, relevance: null, readings: {}, moments: [], tips: [], error };
}

export function mergeReports(local: Report, cloud: Report | null, cloudError: string | null, cloudEngine = 'twelvelabs'): Report & { cloud: HybridCloudSection } {
  const section = cloud ? cloudSectionOf(cloud) : failedCloudSection(cloudEngine, cloudError ?? 'no reading');
  const scores = structuredClone(local.scores);
  for (const name of scoreNames) {
    const r = section.readings[name];
    if (!r) continue;
    const rating = r.rating === null ? 'could not rate it' : `model rating ${r.rating}/100, not used in the score`;
    scores[name].evidence.push(`Pegasus: ${r.observation} (${rating})`);
  }
  if (section.relevance) {
    scores.clarity.evidence.push(`Pegasus: ${section.addressesQuestion === false ? 'does not address' : 'addresses'} the question - ${section.relevance}`);
  }
  const warnings = [...local.warnings];
  if (!cloud) warnings.push(`The Pegasus (Twelve Labs) reading is missing: ${cloudError ?? 'unknown error'}. Scores and measurements come from the local engine and are complete.`);
  const timingsMs = { ...local.timingsMs };
  for (const [k, v] of Object.entries(cloud?.timingsMs ?? {})) timingsMs[`cloud.${k}`] = v;
  return {
    ...structuredClone(local),
    engine: 'hybrid',
    scores,
    keyPoints: [...local.keyPoints, ...section.keyPoints.map((k) => `Pegasus: ${k}`)],
    warnings,
    timingsMs,
    cloud: section,
  };
}
