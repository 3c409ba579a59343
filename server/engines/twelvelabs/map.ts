/** Map a validated Pegasus reply into Report v1 (engine "twelvelabs") and the `cloud` section hybrid reuses. */
import { scoreNames, unmeasured, type Report, type Score, type ScoreName } from '../../analysis/report.js';
import type { AnalysisInput } from '../engine.js';
import { READING_KEYS, type PegasusReading, type PegasusReply } from './schema.js';

export const MODEL_LABEL = 'Pegasus (model opinion)';

/** What Pegasus read for one score, labelled as the model's opinion. */
export interface CloudReading {
  rating: number | null;
  observation: string;
}

/** Extra report section with the cloud model's qualitative output (also used by the hybrid engine). */
export interface CloudSection {
  engine: 'twelvelabs';
  model: string;
  summary: string | null;
  keyPoints: string[];
  addressesQuestion: boolean | null;
  relevance: string | null;
  readings: Partial<Record<ScoreName, CloudReading>>;
  moments: Array<{ start: number; end: number; description: string }>;
  tips: string[];
  /** Why the cloud reading is missing, null when it succeeded. */
  error: string | null;
  ids?: { assetId: string; indexId: string | null; indexedAssetId: string | null };
}

const TIPS: Record<ScoreName, string> = {
  confidence: 'Keep a steady pace, look at the camera and finish sentences without trailing off.',
  clarity: 'Open with a one-sentence answer, then give one concrete example and a result.',
  speechRate: 'Aim for a conversational pace (about 100-165 words per minute) with short pauses between ideas.',
  voiceTone: 'Vary pitch and volume to stress the key words of each sentence.',
  eyeContact: 'Look at the camera lens, not at your own picture, for most of the answer.',
  bodyLanguage: 'Sit upright, keep your hands visible and avoid fidgeting.',
};

export function mmss(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** clarity carries Pegasus's first content tip (labelled), the other scores a fixed delivery tip. */
function scoreFromReading(name: ScoreName, r: PegasusReading, tips: string[]): Score {
  const first = tips[0];
  const tip = name === 'clarity' && first ? `Pegasus suggests: ${first}` : TIPS[name];
  if (r.rating === null) {
    return unmeasured(`${MODEL_LABEL}: could not be observed - ${r.observation}`, TIPS[name]);
  }
  return {
    value: r.rating,
    evidence: [
      `${MODEL_LABEL}: ${r.observation}`,
      `The value ${r.rating}/100 is the Pegasus model's rating from watching the video, not a measurement.`,
    ],
    tip,
  };
}

export function toCloudSection(reply: PegasusReply, model: string): CloudSection {
  const readings: Partial<Record<ScoreName, CloudReading>> = {};
  for (const name of scoreNames) {
    const r = reply.readings[READING_KEYS[name] as keyof PegasusReply['readings']];
    readings[name] = { rating: r.rating, observation: r.observation };
  }
  return {
    engine: 'twelvelabs',
    model,
    summary: reply.summary,
    keyPoints: reply.key_points,
    addressesQuestion: reply.addresses_question,
    relevance: reply.relevance,
    readings,
    moments: reply.notable_moments.map((m) => ({ start: m.start_time, end: m.end_time, description: m.description })),
    tips: reply.tips,
    error: null,
  };
}

export const UNMEASURED_WARNING =
  'Twelve Labs engine: Pegasus describes the video, it does not measure it. Words per minute, pauses, fillers, pitch, ' +
  'loudness, face presence and facing-camera ratio are not available (null); use the local or hybrid engine for measurements.';

export function toReport(input: AnalysisInput, reply: PegasusReply, model: string, timingsMs: Record<string, number>, extraWarnings: string[] = []): Report & { cloud: CloudSection } {
  const cloud = toCloudSection(reply, model);
  const scores = {} as Report['scores'];
  for (const name of scoreNames) {
    const r = reply.readings[READING_KEYS[name] as keyof PegasusReply['readings']];
    scores[name] = scoreFromReading(name, r, reply.tips);
  }
  const moments = cloud.moments.map((m) => `${mmss(m.start)}-${mmss(m.end)}: ${m.description}`);
  if (moments.length > 0) scores.bodyLanguage.evidence.push(...moments.map((m) => `${MODEL_LABEL} at ${m}`));
  scores.clarity.evidence.push(
    `${MODEL_LABEL}: ${reply.addresses_question ? 'the answer addresses the question' : 'the answer does not address the question'} - ${reply.relevance}`,
  );
  return {
    schemaVersion: 1,
    engine: 'twelvelabs',
    question: input.question,
    input: { durationSec: input.durationSec, hasAudio: input.hasAudio, hasVideo: input.hasVideo },
    transcript: null,
    speech: null,
    visual: null,
    scores,
    keyPoints: reply.key_points,
    warnings: [UNMEASURED_WARNING, ...extraWarnings],
    timingsMs,
    cloud,
  };
}
