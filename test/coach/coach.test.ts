/** The LLM coach against a fake OpenAI-compatible server, reviewing a real report produced from a fixture video. */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../server/analysis/report.js';
import { createCoach, CoachError } from '../../server/coach/index.js';
import { loadConfig } from '../../server/config.js';
import { createQuickEngine } from '../../server/engines/quick/index.js';
import { fixture, truth } from '../helpers/fixtures.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai.js';

const KEY = 'sk-test-coach-key-42';
const VIDEO = 'clear-answer.webm';
let fake: FakeOpenAI;
let report: Report;

const good = (quote: string) => JSON.stringify({
  key_points: ['Led a migration project', 'Finished two weeks early'],
  relevance: { addresses_question: true, explanation: 'Gives a concrete example of leading a team.' },
  star: { situation: { present: true, quote }, task: { present: false, quote: null }, action: { present: true, quote: 'I am making it up entirely' }, result: { present: false, quote: null } },
  tips: ['Say what your task was.', 'End with a measurable result.'],
});

beforeAll(async () => {
  // a real measured report of a real video (ffmpeg engine), with the fixture's reference transcript as its text
  const t = truth(VIDEO);
  const r = await createQuickEngine().analyze({ videoPath: fixture(VIDEO), question: 'Tell me about a project you led.', durationSec: t.durationSec ?? 0, hasAudio: true, hasVideo: true }, () => {});
  report = { ...r, transcript: { text: t.text ?? '', words: [], recognizer: 'fixture truth' } };
});
beforeEach(async () => { fake = await startFakeOpenAI(KEY); });
afterEach(async () => { await fake.close(); });

// settings through server/config.ts, as the worker gets them
const coach = (env: Record<string, string> = {}) => createCoach(loadConfig({ LLM_BASE_URL: fake.url, LLM_MODEL: 'qwen2.5:3b', LLM_API_KEY: KEY, ...env }).coach)!;
const firstWords = () => (truth(VIDEO).text ?? '').split(/\s+/).slice(0, 6).join(' ');

describe('LLM coach', () => {
  it('is off without LLM_BASE_URL and refuses a half configuration', () => {
    expect(loadConfig({}).coach).toBeNull();
    expect(createCoach(loadConfig({}).coach)).toBeNull();
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:1/v1' })).toThrow(/LLM_MODEL: LLM_MODEL is required when LLM_BASE_URL is set/);
    expect(() => loadConfig({ LLM_BASE_URL: 'nope', LLM_MODEL: 'm' })).toThrow(/LLM_BASE_URL: LLM_BASE_URL must be a URL/);
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:1/v1', LLM_MODEL: 'm', LLM_TIMEOUT_MS: 'soon' })).toThrow(/LLM_TIMEOUT_MS: LLM_TIMEOUT_MS must be a number/);
    expect(loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:1/v1', LLM_MODEL: ' m ' }).coach).toEqual({ baseUrl: 'http://127.0.0.1:1/v1', model: 'm', apiKey: undefined, timeoutMs: 60_000 });
  });

  it('reviews the transcript and metrics and returns a validated section', async () => {
    fake.replies = [{ content: good(firstWords().toUpperCase()) }];
    const s = await coach().review(report);
    expect(s.keyPoints).toEqual(['Led a migration project', 'Finished two weeks early']);
    expect(s.relevance.addressesQuestion).toBe(true);
    expect(s.star.situation).toEqual({ present: true, quote: firstWords().toUpperCase(), quoteInTranscript: true });
    expect(s.star.action.quoteInTranscript).toBe(false); // not in what was said
    expect(s.star.task).toEqual({ present: false, quote: null, quoteInTranscript: null });
    expect(s.tips).toHaveLength(2);
    expect(s.source).toMatch(/language model's reading/);
    const req = fake.requests[0]!;
    expect(req.authorization).toBe(`Bearer ${KEY}`);
    expect(req.body.model).toBe('qwen2.5:3b');
    expect(req.body.response_format).toEqual({ type: 'json_object' });
    const user = req.body.messages[1]!.content;
    expect(user).toContain('QUESTION: Tell me about a project you led.');
    expect(user).toContain(firstWords());
    expect(user).toMatch(new RegExp(`silent pauses: ${report.speech!.pauses.length}`));
    expect(req.body.messages[0]!.content).toMatch(/Never infer emotions/);
  });

  it('retries once after invalid JSON, telling the model what was wrong', async () => {
    fake.replies = [{ content: 'Sure! {"key_points": ["a",] }' }, { content: '```json\n' + good(firstWords()) + '\n```' }];
    const s = await coach().review(report);
    expect(s.keyPoints).toHaveLength(2);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.body.messages.at(-1)!.content).toMatch(/not valid: the JSON does not parse/);
  });

  it('fails clearly when the JSON is invalid twice', async () => {
    fake.replies = [{ content: JSON.stringify({ key_points: [], tips: ['only one'] }) }];
    await expect(coach().review(report)).rejects.toThrow(/returned invalid JSON twice \(key_points: /);
    expect(fake.requests).toHaveLength(2);
  });

  it('reports a server error clearly, without the key', async () => {
    fake.replies = [{ status: 500, content: 'model crashed' }];
    const err = (await coach().review(report).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(CoachError);
    expect(err.message).toMatch(/answered HTTP 500: .*model crashed/);
    expect(err.message).not.toContain(KEY);
  });

  it('reports a rejected key', async () => {
    await expect(coach({ LLM_API_KEY: 'sk-wrong' }).review(report)).rejects.toThrow(/rejected the API key \(HTTP 401\): check LLM_API_KEY/);
  });

  it('gives up at the timeout', async () => {
    fake.replies = [{ content: good(firstWords()), delayMs: 3000 }];
    const t0 = Date.now();
    await expect(coach({ LLM_TIMEOUT_MS: '500' }).review(report)).rejects.toThrow(/did not answer within 1 s/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('adds a rewrite and follow-up questions as model opinion, sends the measured content, and changes no measured figure', async () => {
    const { addCoaching } = await import('../../server/analysis/summary/index.js');
    const words = (truth(VIDEO).text ?? '').split(/\s+/).map((text, i) => ({ text, start: 1 + i * 0.4, end: 1.3 + i * 0.4 }));
    const measured = addCoaching({ ...report, transcript: { text: truth(VIDEO).text ?? '', words, recognizer: 'fixture truth' } }, { questionType: 'behavioural' });
    const before = JSON.stringify(measured);
    fake.replies = [{ content: JSON.stringify({ ...JSON.parse(good(firstWords())), rewrite: 'In my last role I cut Monday slowdowns by half by moving a report job.', follow_up_questions: ['How did you measure the slowdown?', 'What would you do differently?'] }) }];
    const s = await coach().review(measured);
    expect(s.rewrite).toBe('In my last role I cut Monday slowdowns by half by moving a report job.');
    expect(s.followUpQuestions).toEqual(['How did you measure the slowdown?', 'What would you do differently?']);
    expect(s.source).toMatch(/language model's reading/);
    expect(JSON.stringify(measured)).toBe(before); // the review reads the report, never writes it
    const user = fake.requests[0]!.body.messages[1]!.content;
    expect(user).toContain(`answer length: ${measured.content!.length!.speakingSec} s, ${words.length} words`);
    expect(user).toMatch(/STAR parts found by cue phrases: /);
    expect(user).toMatch(/follow-up questions/);
  });

  it('needs a transcript', async () => {
    await expect(coach().review({ ...report, transcript: null })).rejects.toThrow(/needs a transcript/);
    expect(fake.requests).toHaveLength(0);
  });
});
