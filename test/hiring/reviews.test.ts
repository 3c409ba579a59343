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
    // blind: this reviewer has not rated Ada yet, so her name, email and group are withheld
    expect(d.blind).toBe(true);
    expect(d.candidate).toMatchObject({ name: `Candidate ${ada.id.slice(0, 6)}`, email: 'hidden until you have rated', group: null, status: 'completed' });
    expect(JSON.stringify(d)).not.toContain('ada@example.com');
    expect((await admin.req('GET', `${base()}/${ada.id}`)).json()).toMatchObject({ blind: false, candidate: { name: 'Ada', group: 'X' } });
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
    // rated: no longer blind; both reviewers with their means, the average and the spread
    const after = (await reviewer.req('GET', `${base()}/${ada.id}`)).json();
    expect(after).toMatchObject({ blind: false, candidate: { name: 'Ada', group: null } }); // reviewers never see the fairness group
    expect(after.reviewSummary).toMatchObject({ average: 3, spread: 2 });
    expect(after.reviewSummary.reviewers.map((r: { reviewer: string; average: number }) => [r.reviewer, r.average])).toEqual([
      ['reviewer@example.com', 4],
      ['admin@example.com', 2],
    ]);
    expect((await reviewer.req('GET', `${base()}/${ada.id}`)).json().answers[0].reviews).toHaveLength(2);
  });

  it('pins comments to a moment of the video, in time order, with who wrote them; refuses a bad time or empty text', async () => {
    const url = `${base()}/${ada.id}/answers/${ada.answerIds[0]}/comments`;
    expect((await reviewer.req('POST', url, { atSec: 4.5, text: 'good example here' })).statusCode).toBe(201);
    expect((await admin.req('POST', url, { atSec: 1.25, text: 'strong opening' })).json()).toMatchObject({ atSec: 1.25, text: 'strong opening', by: 'admin@example.com' });
    expect((await reviewer.req('POST', url, { atSec: -1, text: 'x' })).statusCode).toBe(400);
    expect((await reviewer.req('POST', url, { atSec: 1, text: '   ' })).statusCode).toBe(400);
    expect((await reviewer.req('POST', `${base()}/${ada.id}/answers/${bob.answerIds[0]}/comments`, { atSec: 1, text: 'x' })).json().code).toBe('ANSWER_NOT_FOUND');
    const a0 = (await reviewer.req('GET', `${base()}/${ada.id}`)).json().answers[0];
    expect(a0.comments.map((c: { atSec: number; by: string }) => [c.atSec, c.by])).toEqual([
      [1.25, 'admin@example.com'],
      [4.5, 'reviewer@example.com'],
    ]);
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
  it('ranks by the reviewers\u2019 scores (each reviewer once, spread shown); the unreviewed are their own group; automated scores beside, Confidence left out', async () => {
    const res = await reviewer.req('GET', `/api/admin/interviews/${iv.id}/leaderboard`);
    expect(res.statusCode).toBe(200);
    const { rows, formula } = res.json();
    expect(formula).toMatch(/^Rank = mean of the reviewers/);
    const [first, second] = rows;
    expect(first.candidate.name).toBe('Ada');
    // Ada: reviewer rated (4,5,3) -> 4, admin (2,2,2) -> 2: reviewer score (4 + 2) / 2 = 3, spread 2
    expect(first.review).toMatchObject({ average: 3, spread: 2 });
    expect(first.review.reviewers.map((r: { reviewer: string; average: number }) => [r.reviewer, r.average])).toEqual([
      ['reviewer@example.com', 4],
      ['admin@example.com', 2],
    ]);
    expect(first.explanation).toBe('Reviewer score (4.00 (reviewer@example.com, 3 ratings) + 2.00 (admin@example.com, 3 ratings)) / 2 = 3.00 of 5; spread 2.00');
    // automated means over her two answers (eyeContact: 50 and the override 70); rating = (3 - 1) / 4 x 100
    expect(first.metrics).toEqual({ confidence: 70, clarity: 60, speechRate: 80, voiceTone: 50, eyeContact: 60, bodyLanguage: 50, rating: 50 });
    expect(first.automated.terms.map((x: { metric: string }) => x.metric)).toEqual(['clarity', 'speechRate', 'voiceTone', 'eyeContact', 'bodyLanguage']);
    expect(first.automated.summary).toBe(60); // (60 + 80 + 50 + 60 + 50) / 5, Confidence 70 not in it
    expect(first).toMatchObject({ rank: 1, reviewGroup: 'reviewed', band: 'middle', answered: 2, analysed: 2 });
    // Bob: nobody rated him: not yet reviewed, no rank, nothing measured is flagged (never 0)
    expect(second).toMatchObject({ rank: null, reviewGroup: 'not_reviewed', band: 'none', review: { average: null, spread: null, reviewers: [] } });
    expect(second.automated).toMatchObject({ summary: null, terms: [] });
    expect(second.automated.missing).toEqual(['clarity', 'speechRate', 'voiceTone', 'eyeContact', 'bodyLanguage']);
  });

  it('shows a reviewer the candidates they have not rated blind in the lists too (admins see everyone)', async () => {
    const board = (await reviewer.req('GET', `/api/admin/interviews/${iv.id}/leaderboard`)).json().rows;
    expect(board.map((r: { candidate: { name: string; group: string | null } }) => [r.candidate.name, r.candidate.group])).toEqual([
      ['Ada', null], // rated: named; the group is for admins only
      [`Candidate ${bob.id.slice(0, 6)}`, null],
    ]);
    const list = (await reviewer.req('GET', `/api/admin/interviews/${iv.id}/candidates`)).json().items;
    expect(list.find((c: { id: string }) => c.id === bob.id)).toMatchObject({ name: `Candidate ${bob.id.slice(0, 6)}`, email: 'hidden until you have rated', group: null });
    expect(JSON.stringify(list)).not.toContain('bob@example.com');
    const csv = (await reviewer.req('GET', `/api/admin/interviews/${iv.id}/leaderboard.csv`)).body;
    expect(csv).not.toContain('bob@example.com');
    expect((await admin.req('GET', `/api/admin/interviews/${iv.id}/candidates`)).json().items.map((c: { name: string }) => c.name)).toContain('Bob');
  });

  it('keeps an unreviewed candidate with high automated scores below a reviewed one', async () => {
    await setScores(t, bob.answerIds[0]!, { confidence: 99, clarity: 99, speechRate: 99, voiceTone: 99, eyeContact: 99, bodyLanguage: 99 });
    const rows = (await admin.req('GET', `/api/admin/interviews/${iv.id}/leaderboard`)).json().rows;
    expect(rows.map((r: { candidate: { name: string }; rank: number | null; automated: { summary: number } }) => [r.candidate.name, r.rank, r.automated.summary])).toEqual([
      ['Ada', 1, 60],
      ['Bob', null, 99],
    ]);
    await setScores(t, bob.answerIds[0]!, { confidence: null, clarity: null, speechRate: null, voiceTone: null, eyeContact: null, bodyLanguage: null });
  });

  it('follows the interview weights in the automated summary, sorts by a metric and filters by status and tag', async () => {
    await admin.req('PATCH', `/api/admin/interviews/${iv.id}`, { weights: { clarity: 3, confidence: 2 } });
    const rows = (await admin.req('GET', `/api/admin/interviews/${iv.id}/leaderboard`)).json().rows;
    expect(rows[0].automated.summary).toBe(Math.round(((60 * 3 + 80 + 50 + 60 + 50) / 7) * 10) / 10);
    expect(rows[0].review.average).toBe(3); // weights never touch the rank
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
    expect(lines[0]).toBe(
      'rank,review_status,name,email,status,tags,group,reviewer_average_1_5,reviewer_spread,reviewers,automated_summary_without_confidence,confidence,clarity,speechRate,voiceTone,eyeContact,bodyLanguage,rating,not_measured,answered,explanation',
    );
    expect(lines[1]).toMatch(/^1,reviewed,Ada,ada@example.com,completed,senior,X,3,2,2,\d+(\.\d)?,70,60,80,50,60,50,50,,2,"Reviewer score \(4\.00/);
    expect(lines[2]).toBe(
      `,not_reviewed,"'=HYPERLINK(""http://evil.example"",""x"")",bob@example.com,completed,"'@risk;+1",Y,,,0,,,,,,,,,"clarity;speechRate;voiceTone;eyeContact;bodyLanguage",2,"Not yet reviewed: no rank. Automated scores are shown beside, not ranked."`,
    );
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
    // the default minimum (FAIRNESS_MIN_GROUP = 5): one person per group is too few to judge, no alarm
    const small = (await admin.req('GET', `/api/admin/interviews/${iv.id}/fairness`)).json();
    expect(small.minGroupSize).toBe(5);
    expect(small.groups.every((g: { smallGroup: boolean; belowFourFifths: boolean }) => g.smallGroup && !g.belowFourFifths)).toBe(true);
    expect(small.warnings.join(' ')).not.toMatch(/below 0.8/);
    expect(small.warnings).toContain('Y: 1 person (fewer than 5): too few to judge, no four-fifths check.');
    expect((await admin.req('GET', `/api/admin/interviews/${iv.id}/fairness?selected=bogus`)).statusCode).toBe(400);
  });

  it('viewing is not logged as an export; the CSV export is, with counts, rates, ratios and verdicts', async () => {
    const exports = async () => (await admin.req('GET', '/api/admin/audit?action=fairness.export')).json().items.length;
    const before = await exports();
    await admin.req('GET', `/api/admin/interviews/${iv.id}/fairness`);
    expect(await exports()).toBe(before);
    expect((await reviewer.req('GET', `/api/admin/interviews/${iv.id}/fairness.csv`)).statusCode).toBe(403);
    const res = await admin.req('GET', `/api/admin/interviews/${iv.id}/fairness.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="fairness-/);
    const lines = res.body.trim().split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['group,assessed,selected,selection_rate,impact_ratio,reference_group,verdict', 'X,1,1,1,1,yes,too few to judge', 'Y,1,0,0,0,no,too few to judge']);
    expect(lines.at(-1)).toMatch(/assessed = completed\|shortlisted\|rejected\|hired; selected = shortlisted\|hired; groups under 5 are too few to judge/);
    expect(await exports()).toBe(before + 1);
  });
});

describe('rubric per question', () => {
  it('uses a question\u2019s own criteria and anchored levels, refuses the default criteria there, and keeps the default elsewhere', async () => {
    const anchors = ['no design', 'a sketch', 'a workable design', 'a sound design with trade-offs', 'an excellent design with trade-offs and limits'];
    const bad = await admin.req('POST', '/api/admin/interviews', { title: 'Rubrics', questions: [{ text: 'Design a cache.', rubric: [{ key: 'design', label: 'Design', anchors: anchors.slice(0, 4) }] }] });
    expect(bad.statusCode).toBe(400);
    const dup = await admin.req('POST', '/api/admin/interviews', { title: 'Rubrics', questions: [{ text: 'Design a cache.', rubric: [{ key: 'design', label: 'A', anchors }, { key: 'design', label: 'B', anchors }] }] });
    expect(dup.body).toMatch(/each criterion key once/);
    const created = await admin.req('POST', '/api/admin/interviews', {
      title: 'Rubrics',
      questions: [{ text: 'Design a cache.', rubric: [{ key: 'design', label: 'System design', anchors }] }, { questionId: 'q-gen-01' }],
    });
    expect(created.statusCode).toBe(201);
    const ivr = created.json();
    expect(ivr.questions[0].rubric).toEqual([{ key: 'design', label: 'System design', anchors }]);
    expect(ivr.questions[1].rubric.map((c: { key: string }) => c.key)).toEqual(['relevance', 'structure', 'communication']);
    const cand = await candidateAnswers(t, admin, ivr.id, { name: 'Rubric Person', email: 'rubric@example.com' });
    const url = (i: number) => `/api/admin/interviews/${ivr.id}/candidates/${cand.id}/answers/${cand.answerIds[i]}/review`;
    expect((await reviewer.req('PUT', url(0), { ratings: { relevance: 3 } })).json()).toMatchObject({ code: 'UNKNOWN_CRITERION', message: expect.stringMatching(/this question's rubric: design/) });
    expect((await reviewer.req('PUT', url(0), { ratings: { design: 4 } })).statusCode).toBe(204);
    expect((await reviewer.req('PUT', url(1), { ratings: { design: 4 } })).statusCode).toBe(400);
    expect((await reviewer.req('PUT', url(1), { ratings: { relevance: 2, structure: 2, communication: 2 } })).statusCode).toBe(204);
    const d = (await reviewer.req('GET', `/api/admin/interviews/${ivr.id}/candidates/${cand.id}`)).json();
    expect(d.answers[0].rubric[0].anchors[3]).toBe('a sound design with trade-offs');
    // every rating counts once per reviewer in the rank: (4 + 2 + 2 + 2) / 4 = 2.5
    expect(d.reviewSummary).toMatchObject({ average: 2.5, spread: 0 });
  });
});
