import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, type Client, createHiringApp, createInterview, type HiringApp, reviewerLogin } from './helpers.js';
import { candidateAnswers, setScores } from './flow.js';

let t: HiringApp;
let admin: Client;
let reviewer: Client;
let iv: { id: string };
let ada: { id: string; answerIds: string[] };
let bob: { id: string; answerIds: string[] };
beforeAll(async () => {
  t = await createHiringApp({}, { worker: true });
  admin = await adminLogin(t);
  reviewer = await reviewerLogin(t, admin);
  iv = await createInterview(admin);
  ada = await candidateAnswers(t, admin, iv.id, { name: 'Ada', email: 'ada@example.com', tags: ['senior'], group: 'X' });
  bob = await candidateAnswers(t, admin, iv.id, { name: 'Bob', email: 'bob@example.com', group: 'Y' });
  // Ada: full scores on answer 1, eye contact unmeasured (null) on answer 2.
  await setScores(t, ada.answerIds[0]!, { confidence: 80, clarity: 70, speechRate: 90, voiceTone: 60, eyeContact: 50, bodyLanguage: 40 });
  await setScores(t, ada.answerIds[1]!, { confidence: 60, clarity: 50, speechRate: 70, voiceTone: 40, eyeContact: null, bodyLanguage: 60 });
});
afterAll(() => t.close());

const base = () => `/api/admin/interviews/${iv.id}/candidates`;

describe('review', () => {
  it('shows a reviewer every answer of a candidate in question order, with its report and video', async () => {
    const res = await reviewer.req('GET', `${base()}/${ada.id}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.candidate).toMatchObject({ name: 'Ada', status: 'completed' });
    expect(d.rubric).toEqual(['relevance', 'structure', 'communication']);
    expect(d.answers.map((a: { answer: { id: string } }) => a.answer.id)).toEqual(ada.answerIds);
    expect(d.answers[0].answer).toMatchObject({ status: 'done', questionText: 'Tell me about yourself.' });
    expect(d.answers[0].answer.report.scores.confidence.value).toBe(80);
    expect(d.answers[0].answer.report.engine).toBe('quick');
    expect(d.invites[0]).toMatchObject({ state: 'completed' });
    const video = await reviewer.req('GET', d.answers[0].answer.videoUrl, undefined, { range: 'bytes=0-9' });
    expect(video.statusCode).toBe(206);
    expect(video.rawPayload.length).toBe(10);
    // another candidate's answer through Ada's URL
    expect((await reviewer.req('GET', `${base()}/${ada.id}/answers/${bob.answerIds[0]}/video`)).statusCode).toBe(404);
  });

  it('records rubric ratings and a comment per reviewer (PUT needs CSRF); refuses bad ratings and foreign answers', async () => {
    const url = `${base()}/${ada.id}/answers/${ada.answerIds[0]}/review`;
    const body = { ratings: { relevance: 4, structure: 5, communication: 3 }, comment: 'clear example' };
    expect((await t.app.inject({ method: 'PUT', url, headers: { cookie: reviewer.cookie }, payload: body })).statusCode).toBe(403);
    expect((await reviewer.req('PUT', url, body)).statusCode).toBe(204);
    expect((await reviewer.req('PUT', url, { ratings: { relevance: 6 } })).statusCode).toBe(400);
    expect((await reviewer.req('PUT', url, { ratings: { charisma: 3 } })).statusCode).toBe(400);
    expect((await reviewer.req('PUT', `${base()}/${ada.id}/answers/${bob.answerIds[0]}/review`, body)).json().code).toBe('ANSWER_NOT_FOUND');
    expect((await admin.req('PUT', url, { ratings: { relevance: 2, structure: 2, communication: 2 } })).statusCode).toBe(204);
    const a0 = (await reviewer.req('GET', `${base()}/${ada.id}`)).json().answers[0];
    expect(a0.reviews).toEqual([
      expect.objectContaining({ reviewer: 'reviewer@example.com', ratings: body.ratings, comment: 'clear example' }),
      expect.objectContaining({ reviewer: 'admin@example.com', ratings: { relevance: 2, structure: 2, communication: 2 } }),
    ]);
    // a second PUT by the same reviewer replaces their review
    await reviewer.req('PUT', url, body);
    expect((await reviewer.req('GET', `${base()}/${ada.id}`)).json().answers[0].reviews).toHaveLength(2);
  });

  it('records an override with who and when, and keeps the original visible', async () => {
    const url = `${base()}/${ada.id}/answers/${ada.answerIds[1]}/overrides`;
    expect((await reviewer.req('POST', url, { metric: 'eyeContact', value: 70, reason: '' })).statusCode).toBe(400);
    expect((await reviewer.req('POST', url, { metric: 'eyeContact', value: 70, reason: 'webcam was mounted on a side screen' })).statusCode).toBe(204);
    const a1 = (await reviewer.req('GET', `${base()}/${ada.id}`)).json().answers[1];
    expect(a1.overrides).toEqual([expect.objectContaining({ metric: 'eyeContact', originalValue: null, value: 70, by: 'reviewer@example.com', reason: 'webcam was mounted on a side screen' })]);
    expect(a1.scoresInForce.eyeContact).toBe(70);
    expect(a1.answer.report.scores.eyeContact.value).toBeNull();
    const audit = (await admin.req('GET', '/api/admin/audit?action=answer.override')).json().items[0];
    expect(audit).toMatchObject({ userEmail: 'reviewer@example.com', targetId: ada.answerIds[1] });
  });
});

describe('leaderboard', () => {
  it('ranks by the weighted total and shows every term; nulls are excluded and flagged, never 0', async () => {
    const res = await reviewer.req('GET', `/api/admin/interviews/${iv.id}/leaderboard`);
    expect(res.statusCode).toBe(200);
    const { rows, weights } = res.json();
    expect(weights.rating).toBe(6);
    const [first, second] = rows;
    expect(first.candidate.name).toBe('Ada');
    // Ada: means over her two answers (eyeContact: 50 and the override 70), rating mean of (4,5,3,2,2,2) = 3 -> 50
    expect(first.metrics).toEqual({ confidence: 70, clarity: 60, speechRate: 80, voiceTone: 50, eyeContact: 60, bodyLanguage: 50, rating: 50 });
    expect(first.terms.find((x: { metric: string }) => x.metric === 'rating')).toEqual({ metric: 'rating', value: 50, weight: 6, product: 300 });
    expect(first.weightSum).toBe(12);
    expect(first.total).toBe(Math.round(((70 + 60 + 80 + 50 + 60 + 50 + 300) / 12) * 10) / 10);
    expect(first).toMatchObject({ rank: 1, missing: [], band: 'middle', answered: 2, analysed: 2 });
    // Bob: the quick engine measured nothing and nobody rated him: no total, everything flagged, no rank
    expect(second).toMatchObject({ rank: null, total: null, band: 'none', terms: [] });
    expect(second.missing).toEqual(['confidence', 'clarity', 'speechRate', 'voiceTone', 'eyeContact', 'bodyLanguage', 'rating']);
  });

  it('follows the interview weights, sorts by a metric and filters by status and tag', async () => {
    await admin.req('PATCH', `/api/admin/interviews/${iv.id}`, { weights: { rating: 0, confidence: 2 } });
    const rows = (await admin.req('GET', `/api/admin/interviews/${iv.id}/leaderboard`)).json().rows;
    expect(rows[0].terms.map((x: { metric: string }) => x.metric)).not.toContain('rating');
    expect(rows[0].total).toBe(Math.round(((70 * 2 + 60 + 80 + 50 + 60 + 50) / 7) * 10) / 10);
    const byName = (await admin.req('GET', `/api/admin/interviews/${iv.id}/leaderboard?sort=name&dir=desc`)).json().rows;
    expect(byName.map((r: { candidate: { name: string } }) => r.candidate.name)).toEqual(['Bob', 'Ada']);
    const tagged = (await admin.req('GET', `/api/admin/interviews/${iv.id}/leaderboard?tag=senior`)).json().rows;
    expect(tagged.map((r: { candidate: { name: string } }) => r.candidate.name)).toEqual(['Ada']);
    expect((await admin.req('GET', `/api/admin/interviews/${iv.id}/leaderboard?status=hired`)).json().rows).toEqual([]);
    expect((await admin.req('GET', `/api/admin/interviews/${iv.id}/leaderboard?sort=height`)).statusCode).toBe(400);
  });

  it('exports CSV with formula-leading cells escaped', async () => {
    await admin.req('PATCH', `${base()}/${bob.id}`, { name: '=HYPERLINK("http://evil.example","x")', tags: ['@risk', '+1'] });
    const res = await admin.req('GET', `/api/admin/interviews/${iv.id}/leaderboard.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="leaderboard-/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('rank,name,email,status,tags,group,total,confidence,clarity,speechRate,voiceTone,eyeContact,bodyLanguage,rating,missing,answered');
    expect(lines[1]).toMatch(/^1,Ada,ada@example.com,completed,senior,X,\d+(\.\d)?,70,60,80,50,60,50,50,,2$/);
    expect(lines[2]).toBe(`,"'=HYPERLINK(""http://evil.example"",""x"")",bob@example.com,completed,"'@risk;+1",Y,,,,,,,,,"confidence;clarity;speechRate;voiceTone;eyeContact;bodyLanguage",2`); // rating has weight 0 now: not missing
  });
});

describe('fairness export', () => {
  it('computes selection rates and impact ratios by group from the recorded decisions (admins only)', async () => {
    await admin.req('POST', `${base()}/${ada.id}/decision`, { decision: 'shortlisted' });
    await admin.req('POST', `${base()}/${bob.id}/decision`, { decision: 'rejected' });
    expect((await reviewer.req('GET', `/api/admin/interviews/${iv.id}/fairness`)).statusCode).toBe(403);
    const res = await admin.req('GET', `/api/admin/interviews/${iv.id}/fairness?minGroupSize=1`);
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.groups).toEqual([
      { group: 'X', assessed: 1, selected: 1, selectionRate: 1, impactRatio: 1, belowFourFifths: false, smallGroup: false },
      { group: 'Y', assessed: 1, selected: 0, selectionRate: 0, impactRatio: 0, belowFourFifths: true, smallGroup: false },
    ]);
    expect(f.referenceGroup).toBe('X');
    expect(f.warnings.join(' ')).toMatch(/Y: impact ratio 0.00 is below 0.8/);
    const small = (await admin.req('GET', `/api/admin/interviews/${iv.id}/fairness`)).json();
    expect(small.groups.every((g: { smallGroup: boolean }) => g.smallGroup)).toBe(true);
    expect((await admin.req('GET', `/api/admin/interviews/${iv.id}/fairness?selected=bogus`)).statusCode).toBe(400);
  });
});
