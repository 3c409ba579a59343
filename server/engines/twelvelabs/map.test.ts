import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../analysis/report.js';
import { AnalysisError } from '../engine.js';
import { mmss, toReport } from './map.js';
import { parseReply } from './reply.js';

const reading = (rating: number | null, observation: string) => ({ rating, observation });
const reply = {
  summary: 'Describes leading a migration.', key_points: ['Led a team of five', 'Cut costs by 20%'], addresses_question: true, relevance: 'Gives a concrete example.',
  readings: {
    confidence: reading(72, 'Steady voice, few restarts.'), clarity: reading(80, 'Clear situation-action-result order.'), speech_rate: reading(65, 'Slightly fast at 0:40.'),
    voice_tone: reading(55, 'Mostly flat pitch.'), eye_contact: reading(null, 'The face is not visible.'), body_language: reading(60, 'Upright, hands still.'),
  },
  notable_moments: [{ start_time: 12, end_time: 15.4, description: 'Looks down at notes.' }], tips: ['State the result first.'],
};
const input = { videoPath: '/x.webm', question: 'Tell me about leading a team.', durationSec: 61, hasAudio: true, hasVideo: true };

describe('toReport', () => {
  it('maps the reading into a valid Report v1, labelled as the model opinion', () => {
    const r = toReport(input, parseReply(JSON.stringify(reply)), 'pegasus1.5', { total: 5 });
    expect(reportSchema.parse(r).engine).toBe('twelvelabs');
    expect(r.scores.confidence.value).toBe(72);
    expect(r.scores.confidence.evidence[0]).toBe('Pegasus (model opinion): Steady voice, few restarts.');
    expect(r.scores.eyeContact.value).toBeNull();
    expect(r.scores.eyeContact.evidence[0]).toMatch(/could not be observed - The face is not visible/);
    expect(r.scores.clarity.tip).toBe('Pegasus suggests: State the result first.');
    expect(r.scores.bodyLanguage.evidence).toContain('Pegasus (model opinion) at 0:12-0:15: Looks down at notes.');
    expect(r.keyPoints).toEqual(reply.key_points);
    expect(r.speech).toBeNull();
    expect(r.cloud.readings.speechRate).toEqual({ rating: 65, observation: 'Slightly fast at 0:40.' });
  });
  it('formats m:ss', () => expect([mmss(0), mmss(59.6), mmss(125)]).toEqual(['0:00', '1:00', '2:05']));
  it('refuses a reply that is not JSON or not the schema', () => {
    expect(() => parseReply('```json {}```')).toThrow(AnalysisError);
    expect(() => parseReply(JSON.stringify({ ...reply, key_points: [] }))).toThrow(/key_points/);
  });
});
