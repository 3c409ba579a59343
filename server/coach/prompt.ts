/** The chat messages sent to the coach LLM: the question, the transcript and the measured metrics of a Report. */
import type { Report } from '../analysis/report.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

const FORMAT = `{
  "key_points": ["..."],
  "relevance": {"addresses_question": true, "explanation": "..."},
  "star": {
    "situation": {"present": true, "quote": "exact words from the transcript, or null"},
    "task": {"present": false, "quote": null},
    "action": {"present": true, "quote": "..."},
    "result": {"present": false, "quote": null}
  },
  "tips": ["2 or 3 concrete tips"],
  "rewrite": "a stronger version of the answer (at most 120 words), using only facts the candidate said",
  "follow_up_questions": ["1 to 3 questions an interviewer would likely ask next"]
}`;

const fmt = (v: number | null | undefined, unit = '') => (v === null || v === undefined ? 'not measured' : `${Math.round(v * 100) / 100}${unit}`);

/** Measured figures from the report, one per line; unmeasured ones say so. */
export function metricsLines(r: Report): string[] {
  const s = r.speech;
  const v = r.visual;
  const lines = [
    `duration: ${fmt(r.input.durationSec, ' s')}`,
    `pace: ${fmt(s?.wpm, ' words/min')} (reference 100-165)`,
    `filler words: ${s ? s.fillers.length : 'not measured'}`,
    `silent pauses: ${s ? s.pauses.length : 'not measured'}, long pauses (>= 1.5 s): ${s ? s.longPauseCount : 'not measured'}`,
    `pitch variation (sd/mean): ${fmt(s?.pitchVariation)} (below ~0.11 sounds monotone)`,
    `facing the camera: ${v?.facingCameraRatio === null || v?.facingCameraRatio === undefined ? 'not measured' : `${Math.round(v.facingCameraRatio * 100)}% of the time`}`,
  ];
  for (const [name, sc] of Object.entries(r.scores)) lines.push(`score ${name}: ${sc.value === null ? 'not measured' : `${sc.value}/100`}`);
  const c = r.content;
  if (c?.reliable) {
    if (c.length) lines.push(`answer length: ${c.length.speakingSec} s, ${c.length.wordCount} words (${c.length.verdict}; usual ${c.length.rangeSec.min}-${c.length.rangeSec.max} s for a ${c.questionType} question)`);
    if (c.structure) lines.push(`STAR parts found by cue phrases: ${c.structure.present.join(', ') || 'none'}; missing: ${c.structure.missing.join(', ') || 'none'}`);
    if (c.relevance) lines.push(`question terms used: ${c.relevance.question.used.join(', ') || 'none'}; not used: ${c.relevance.question.missed.join(', ') || 'none'}`);
    if (c.relevance?.job) lines.push(`job description terms used: ${c.relevance.job.used.join(', ') || 'none'}; not used: ${c.relevance.job.missed.join(', ') || 'none'}`);
  } else if (c) lines.push(`content: not judged (${c.unreliableReason})`);
  return lines;
}

export function buildMessages(r: Report): ChatMessage[] {
  return [
    {
      role: 'system',
      content:
        'You are an interview coach. You review the transcript of a recorded answer to an interview question. ' +
        'Judge only what was said and the measured delivery figures given to you. Never infer emotions, personality, honesty or mental state. ' +
        'Quotes must be copied exactly from the transcript. Reply with one JSON object only, in this format:\n' + FORMAT,
    },
    {
      role: 'user',
      content: [
        `QUESTION: ${r.question}`,
        `TRANSCRIPT: ${r.transcript?.text ?? ''}`,
        'MEASURED DELIVERY:',
        ...metricsLines(r).map((l) => `- ${l}`),
        'Write the key points of the answer, whether it addresses the question, which STAR parts (situation, task, action, result) are present with a quote for each present part, 2-3 concrete tips, ' +
          'a rewrite of the answer that keeps to the facts the candidate said, and 1-3 follow-up questions an interviewer would likely ask.',
      ].join('\n'),
    },
  ];
}
