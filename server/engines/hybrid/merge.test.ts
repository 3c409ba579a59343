import { describe, expect, it } from 'vitest';
import { reportSchema, type Report } from '../../analysis/report.js';
import { mergeReports } from './merge.js';
import { combineProgress } from './progress.js';
import type { Progress } from '../engine.js';

const score = (value: number | null, line: string) => ({ value, evidence: [line], tip: 'tip' });
function report(engine: string, value: number | null, line: string, extra: object = {}): Report {
  return {
    schemaVersion: 1, engine, question: 'Q?', input: { durationSec: 30, hasAudio: true, hasVideo: true },
    transcript: engine === 'local' ? { text: 'hello team', words: [], recognizer: 'x' } : null,
    speech: null, visual: engine === 'local' ? { facePresentRatio: 0.9, facingCameraRatio: 0.82 } : null,
    scores: { confidence: score(value, line), clarity: score(value, line), speechRate: score(value, line), voiceTone: score(value, line), eyeContact: score(value, line), bodyLanguage: score(value, line) },
    keyPoints: engine === 'local' ? [] : ['Led a team'], warnings: [`${engine} warning`], timingsMs: { total: engine === 'local' ? 100 : 900 }, ...extra,
  };
}

describe('mergeReports', () => {
  const local = report('local', 64, 'facing the camera 82% of the time');
  it('keeps local measurements and adds Pegasus lines, key points and a cloud section', () => {
    const cloud = report('twelvelabs', 90, 'Pegasus (model opinion): looks at the lens');
    const m = mergeReports(local, cloud, null);
    expect(reportSchema.safeParse(m).success).toBe(true);
    expect(m.engine).toBe('hybrid');
    expect(m.scores.eyeContact.value).toBe(64);
    expect(m.scores.eyeContact.evidence).toEqual(['facing the camera 82% of the time', 'Pegasus: looks at the lens (model rating 90/100, not used in the score)']);
    expect(m.visual?.facingCameraRatio).toBe(0.82);
    expect(m.transcript?.text).toBe('hello team');
    expect(m.keyPoints).toEqual(['Pegasus: Led a team']);
    expect(m.warnings).toEqual(['local warning']);
    expect(m.timingsMs).toEqual({ total: 100, 'cloud.total': 900 });
    expect(m.cloud).toMatchObject({ engine: 'twelvelabs', keyPoints: ['Led a team'], error: null });
    expect(local.scores.eyeContact.evidence).toHaveLength(1); // inputs untouched
  });
  it('uses the cloud report\'s own cloud section when present', () => {
    const section = { engine: 'twelvelabs', model: 'pegasus1.5', summary: 's', keyPoints: ['kp'], addressesQuestion: false, relevance: 'off topic', readings: { clarity: { rating: null, observation: 'no speech' } }, moments: [], tips: [], error: null };
    const m = mergeReports(local, report('twelvelabs', 10, 'x', { cloud: section }), null);
    expect(m.scores.clarity.evidence).toContain('Pegasus: no speech (could not rate it)');
    expect(m.scores.clarity.evidence).toContain('Pegasus: does not address the question - off topic');
    expect(m.scores.confidence.evidence).toHaveLength(1);
    expect(m.cloud.summary).toBe('s');
  });
  it('delivers the local report with a warning naming the cloud failure', () => {
    const m = mergeReports(local, null, 'Twelve Labs rejected the API key (HTTP 401)');
    expect(m.scores.clarity).toEqual(local.scores.clarity);
    expect(m.warnings.at(-1)).toMatch(/Pegasus \(Twelve Labs\) reading is missing: Twelve Labs rejected the API key \(HTTP 401\)/);
    expect(m.cloud).toMatchObject({ keyPoints: [], error: 'Twelve Labs rejected the API key (HTTP 401)' });
  });
});

describe('combineProgress', () => {
  it('averages both sides, never goes back, and switches to the cloud stage when local is done', () => {
    const seen: Progress[] = [];
    const p = combineProgress((x) => seen.push(x));
    p.local({ stage: 'transcribing', progress: 0.5 });
    p.cloud({ stage: 'uploading', progress: 0.2 });
    p.cloud({ stage: 'uploading', progress: 0.1 }); // a regression is ignored
    p.done('local');
    p.cloud({ stage: 'analyzing', progress: 0.7 });
    p.done('cloud');
    expect(seen.map((s) => s.progress)).toEqual([0.25, 0.35, 0.35, 0.6, 0.85, 1]);
    expect(seen[0]?.stage).toBe('transcribing');
    expect(seen[4]?.stage).toBe('pegasus-analyzing');
    expect(seen[1]?.message).toBe('local: transcribing 50%; Pegasus: uploading 20%');
  });
});
