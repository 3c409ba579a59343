/**
 * The eyeContact and bodyLanguage scores (0-100) from the visual metrics, with evidence lines and one tip.
 *
 * eyeContact: the share of the whole answer spent facing the camera (a missing face counts as not facing),
 *   mapped linearly from 20% (score 0) to 80% (score 100). Video-interview advice is to look into the lens
 *   most of the time; glancing at notes or the screen now and then is normal, hence full marks from 80%.
 *   null when the face was visible for less than 2 s or in under 10% of the frames (summarize.ts MIN_FACE_*).
 *
 * bodyLanguage: weighted mean of the measurable parts (weights re-normalised over the parts measured):
 *   posture 0.35  = 100 x (0.5 x shoulders level + 0.25 x not leaning + 0.25 x not slouched)
 *   framing 0.25  = 100 x share of face frames centred and at a good distance
 *   movement 0.25 = 100 while restless intervals <= 15%, falling linearly to 0 at 60%
 *   gestures 0.15 = 100 when hands gesture in 10-60% of the intervals; 60 with no gestures (hands out of frame
 *                   is common on a webcam); from 60% falling linearly to 50 at 100% (constant motion)
 *   null when both shoulders are visible in under 30% of the frames.
 */
import type { Score } from '../report.js';
import { unmeasured } from '../report.js';
import type { VisionMetrics } from './summarize.js';
import { GAZE_YAW_MAX_DEG, HEAD_YAW_MAX_DEG } from './metrics/facing.js';
import { formatSpans } from './metrics/spans.js';

export const EYE_CONTACT_BAND = [0.2, 0.8] as const;
export const MIN_SHOULDERS_VISIBLE = 0.3;
export const BODY_WEIGHTS = { posture: 0.35, framing: 0.25, movement: 0.25, gestures: 0.15 } as const;

const pct = (r: number) => `${Math.round(r * 100)}%`;
const clamp01 = (v: number) => Math.max(0, Math.min(1, v));

export function eyeContactScore(v: VisionMetrics): Score {
  const tip = 'Look into the camera lens while you speak: put the interview window just below the webcam.';
  if (v.framesAnalyzed === 0) return unmeasured('no video frames could be analysed', tip);
  if (v.facingOverallRatio === null) {
    return unmeasured(`no face found in the video (face visible in ${pct(v.facePresentRatio ?? 0)} of ${v.framesAnalyzed} sampled frames)`,
      'Sit facing the camera with your face well lit and fully in frame.');
  }
  const r = v.facingOverallRatio;
  const value = Math.round(100 * clamp01((r - EYE_CONTACT_BAND[0]) / (EYE_CONTACT_BAND[1] - EYE_CONTACT_BAND[0])));
  const evidence = [
    `facing the camera ${pct(r)} of the time (head within ${HEAD_YAW_MAX_DEG}° and gaze within ${GAZE_YAW_MAX_DEG}° of the camera axis; ${v.framesAnalyzed} frames at ${v.sampleFps} fps)`,
  ];
  if (v.lookingAwaySpans.length) evidence.push(`looked away ${formatSpans(v.lookingAwaySpans)}`);
  if (v.noFaceSpans.length) evidence.push(`face out of frame ${formatSpans(v.noFaceSpans)}`);
  if ((v.multipleFacesRatio ?? 0) > 0) evidence.push(`more than one face in ${pct(v.multipleFacesRatio ?? 0)} of the frames`);
  const better = v.noFaceSpans.length > v.lookingAwaySpans.length
    ? 'Stay centred in the frame for the whole answer; check your framing before you start.'
    : r >= EYE_CONTACT_BAND[1] ? 'Good camera contact: keep looking into the lens, especially when you make your key point.' : tip;
  return { value, evidence, tip: better };
}

interface Part { name: keyof typeof BODY_WEIGHTS; value: number; tip: string }

function bodyParts(v: VisionMetrics): Part[] {
  const parts: Part[] = [];
  const p = v.posture;
  if (p.shouldersLevelRatio !== null) {
    const value = 100 * (0.5 * p.shouldersLevelRatio + 0.25 * (1 - (p.leaningRatio ?? 0)) + 0.25 * (1 - (p.slouchRatio ?? 0)));
    parts.push({ name: 'posture', value, tip: 'Sit upright and square to the camera with both shoulders level.' });
  }
  if (v.framing.wellFramedRatio !== null) {
    parts.push({ name: 'framing', value: 100 * v.framing.wellFramedRatio, tip: v.framing.tooFarRatio && v.framing.tooFarRatio > 0.5
      ? 'Move closer so your head and shoulders fill the frame.' : 'Centre your head and shoulders in the frame, eyes about a third from the top.' });
  }
  const m = v.movement;
  if (m.restlessRatio !== null) {
    parts.push({ name: 'movement', value: 100 * clamp01(1 - (m.restlessRatio - 0.15) / 0.45), tip: 'Keep your upper body steady: plant your feet and avoid rocking or shifting in the chair.' });
  }
  if (m.gestureRatio !== null) {
    const g = m.gestureRatio;
    const value = g < 0.1 ? 60 + 400 * g : g <= 0.6 ? 100 : 100 - 125 * (g - 0.6);
    parts.push({ name: 'gestures', value, tip: 'Use open hand gestures in view of the camera to underline your main points.' });
  }
  return parts;
}

export function bodyLanguageScore(v: VisionMetrics): Score {
  const tip = 'Sit so your head and both shoulders are in frame, about an arm\'s length from the camera.';
  if (v.framesAnalyzed === 0) return unmeasured('no video frames could be analysed', tip);
  const vis = v.posture.shouldersVisibleRatio ?? 0;
  if (vis < MIN_SHOULDERS_VISIBLE) return unmeasured(`body not visible: shoulders found in ${pct(vis)} of the frames`, tip);
  const parts = bodyParts(v);
  const wsum = parts.reduce((s, p) => s + BODY_WEIGHTS[p.name], 0);
  const value = Math.round(parts.reduce((s, p) => s + BODY_WEIGHTS[p.name] * p.value, 0) / wsum);
  const p = v.posture, m = v.movement;
  const evidence = [`shoulders visible in ${pct(vis)} of the frames, level (within 8°) in ${pct(p.shouldersLevelRatio ?? 0)} (mean tilt ${Math.round(p.meanShoulderTiltDeg ?? 0)}°)`];
  if (p.leaningRatio !== null) evidence.push(`leaning to one side in ${pct(p.leaningRatio)} of the frames`);
  if (p.slouchRatio !== null) evidence.push(`slouched (head lower than usual over the shoulders) in ${pct(p.slouchRatio)} of the frames`);
  if (v.framing.wellFramedRatio !== null) evidence.push(`face centred at a good distance in ${pct(v.framing.wellFramedRatio)} of the frames`);
  if (m.stillRatio !== null) evidence.push(`upper body still ${pct(m.stillRatio)} of the time, restless movement ${pct(m.restlessRatio ?? 0)}`);
  if (m.handsVisibleRatio !== null) evidence.push(`hands visible in ${pct(m.handsVisibleRatio)} of the frames, gesturing ${pct(m.gestureRatio ?? 0)} of the time`);
  if (v.smileRatio !== null) evidence.push(`smile geometry (mouth corners raised) in ${pct(v.smileRatio)} of the frames`);
  const weakest = parts.reduce<Part | null>((w, q) => (!w || q.value < w.value ? q : w), null);
  return { value, evidence, tip: weakest && weakest.value < 90 ? weakest.tip : 'Good: keep the same upright, centred position and natural gestures.' };
}
