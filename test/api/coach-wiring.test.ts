/** The optional LLM coach runs after the engine in the background job, and its section lands in the stored report. */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FakeOpenAI, startFakeOpenAI } from '../fakes/openai.js';
import { createTestApp, multipart, type TestApp } from '../helpers/app.js';
import { fixture } from '../helpers/fixtures.js';

let fake: FakeOpenAI;
let t: TestApp;
beforeAll(async () => {
  fake = await startFakeOpenAI('sk-wiring');
  t = await createTestApp({ ANALYSIS_ENGINE: 'local', LLM_BASE_URL: fake.url, LLM_MODEL: 'small-model', LLM_API_KEY: 'sk-wiring' });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

it('adds a coach section, written from the measured transcript, to the report', async () => {
  fake.replies = [
    {
      content: JSON.stringify({
        key_points: ['Compared quiet and busy hours'],
        relevance: { addresses_question: true, explanation: 'Describes a concrete change.' },
        star: { situation: { present: false, quote: null }, task: { present: false, quote: null }, action: { present: false, quote: null }, result: { present: false, quote: null } },
        tips: ['End with the result.', 'Name your own role.'],
      }),
    },
  ];
  const data = await readFile(fixture('fast.webm'));
  const res = await t.app.inject({ method: 'POST', url: '/api/answers', ...multipart({ questionId: 'q-beh-04' }, { name: 'a.webm', type: 'video/webm', data }) });
  expect(res.statusCode).toBe(202);
  let a;
  for (let i = 0; i < 600; i++) {
    // the answer belongs to the uploader's anonymous practice identity (cookie set on the upload)
    a = (await t.app.inject({ method: 'GET', url: `/api/answers/${res.json().id}`, cookies: { ia_practice: res.cookies.find((c) => c.name === 'ia_practice')!.value } })).json();
    if (a.status === 'done' || a.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(a.status).toBe('done');
  expect(a.report.engine).toBe('local');
  // content and summary come before the coach, from the measured transcript; the bank's behavioural question gets the STAR check
  expect(a.report.content.questionType).toBe('behavioural');
  expect(a.report.content.reliable ? a.report.content.structure : a.report.content.unreliableReason).toBeTruthy();
  expect(Array.isArray(a.report.summary.strengths) && Array.isArray(a.report.summary.improvements)).toBe(true);
  expect(a.report.coach).toMatchObject({ keyPoints: ['Compared quiet and busy hours'], tips: ['End with the result.', 'Name your own role.'] });
  const sent = fake.requests[0]!.body.messages[1]!.content;
  expect(sent).toContain('Tell me about a time you had to adapt to a big change.');
  expect(sent).toContain(a.report.transcript.text.split(' ').slice(0, 5).join(' '));
  expect(sent).toMatch(a.report.content.reliable ? /answer length: / : /content: not judged/);
});

it('adds content and summary after the quick engine too, saying why nothing is said about the content', async () => {
  const q = await createTestApp({ ANALYSIS_ENGINE: 'quick' });
  try {
    const data = await readFile(fixture('clear-answer.webm'));
    const res = await q.app.inject({ method: 'POST', url: '/api/answers', ...multipart({ questionId: 'q-beh-04' }, { name: 'a.webm', type: 'video/webm', data }) });
    expect(res.statusCode).toBe(202);
    let a;
    for (let i = 0; i < 600; i++) {
      a = (await q.app.inject({ method: 'GET', url: `/api/answers/${res.json().id}`, cookies: { ia_practice: res.cookies.find((c) => c.name === 'ia_practice')!.value } })).json();
      if (a.status === 'done' || a.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(a.status).toBe('done');
    expect(a.report.engine).toBe('quick');
    expect(a.report.content).toMatchObject({ reliable: false, questionType: 'behavioural', length: null, structure: null, relevance: null, talkingPoints: null, keySentences: [] });
    expect(a.report.content.unreliableReason).toMatch(/No transcript/);
    expect(a.report.summary.note).toMatch(/Nothing is said about the content of the answer: No transcript/);
    expect(typeof a.report.timingsMs.content).toBe('number');
  } finally {
    await q.close();
  }
});
