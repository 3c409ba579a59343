/**
 * The whole hiring loop in Debian Chromium with fake camera/microphone (issue 15, "Must show"): an admin creates a
 * branded interview and sends an invite; the mail is read from a real SMTP server started here; the candidate opens
 * the link from the mail, consents and answers two questions; a reviewer rates blind in the workspace; the
 * leaderboard ranks by reviewer scores; the admin shortlists and exports CSV; a local HTTP receiver gets the
 * signed candidate.finished and candidate.decided webhooks. Server in-process (quick engine) with the hiring routes.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../server/features/webhooks/signature.js';
import { ensureWebBuilt, launchBrowser, makeFakeMedia, screenshot, type Browser, type FakeMedia } from '../../e2e/support.js';
import { candidateAnswers, waitSettled } from '../flow.js';
import { ADMIN, adminLogin, createHiringApp, type HiringApp } from '../helpers.js';
import { type Receiver, startReceiver } from '../receiver.js';
import { startSmtp, type TestSmtp, toOf } from '../smtp.js';

/** Screenshots for the closing note go to the brief's shots folder too. */
const SHOTS = '/work/brief/reports/shots';
async function shot(page: Page, name: string): Promise<void> {
  const path = await screenshot(page, name);
  try {
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync(path, `${SHOTS}/${name}.png`);
  } catch {
    // not on the team machine: test-results/ has them
  }
}

const REVIEWER = { email: 'rita@example.com', password: 'reviewer password 9' };

let t: HiringApp;
let media: FakeMedia;
let browser: Browser;
let base: string;
let smtp: TestSmtp;
let rx: Receiver;

beforeAll(async () => {
  await ensureWebBuilt(); // the real app (dist/web), whose router mounts the admin panel and the invite flow
  media = await makeFakeMedia('clear-answer.webm', 8);
  smtp = await startSmtp();
  rx = await startReceiver();
  t = await createHiringApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Acme Hiring <hiring@acme.example>' }, { worker: true });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser(media);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await media?.cleanup();
  await smtp?.close();
  await rx?.close();
});

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${base}/admin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

async function answerCurrentQuestion(page: Page, n: number): Promise<void> {
  await page.getByText(`Question ${n} of 2`).waitFor();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByTestId('recording').waitFor({ timeout: 20_000 });
  await page.waitForTimeout(3000);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await page.getByTestId('review').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Submit answer' }).click();
}

describe('hiring loop (browser)', () => {
  it('invite mailed -> link from the mail -> two answers -> blind rating in the workspace -> ranking -> shortlist -> signed webhooks', async () => {
    const { page, context } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const admin = await adminLogin(t);
    const hook = (await admin.req('POST', '/api/admin/webhooks', { url: rx.url })).json() as { secret: string };

    // 1. the admin creates a branded interview with a bank question and a new one (no think time, to keep it short)
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByLabel('Title').fill('Support engineer');
    await page.getByLabel('Company name').fill('Acme Support');
    await page.getByLabel('Introduction').fill('Thanks for your interest in Acme. This takes about ten minutes.');
    const first = page.getByTestId('question-item').nth(0);
    await first.getByLabel('From the bank').selectOption('q-gen-01');
    await first.getByLabel('Think (s)').fill('0');
    await page.getByRole('button', { name: 'Add a question' }).click();
    const second = page.getByTestId('question-item').nth(1);
    await second.getByLabel('New question', { exact: true }).fill('Tell us about a customer you helped.');
    await second.getByLabel('Think (s)').fill('0');
    // the second question gets its own rubric: one criterion with its five levels
    await second.getByLabel('Own rubric').check();
    await second.getByRole('textbox', { name: /Rubric, one criterion per line/ }).fill('Customer focus: ignores the customer | mentions them | helps them | helps and follows up | turns them into a fan');
    await page.getByRole('button', { name: 'Create interview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Support engineer' }).waitFor();
    const interviewId = new URL(page.url()).pathname.split('/')[3]!;

    // 2. ... adds a candidate ("not_invited" until a link exists) and sends the invite by email
    const add = page.getByTestId('add-candidate');
    await add.getByLabel('Name').fill('Casey Candidate');
    await add.getByLabel('Email').fill('casey@example.com');
    await add.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('link', { name: 'Casey Candidate' }).waitFor();
    await page.getByTestId('candidates').getByText('not_invited').waitFor();
    await page.getByRole('button', { name: 'Send invite' }).click();
    await page.getByTestId('invite-mail').getByText(/Invite emailed to Casey Candidate/).waitFor();
    const shownUrl = (await page.getByTestId('invite-url').textContent())!.trim();
    await shot(page, 'hiring-interview');

    // 3. the mail arrives at the SMTP server; the candidate (no session) opens the link from the mail
    const mail = await smtp.waitFor((m) => toOf(m).includes('casey@example.com'));
    expect(mail.subject).toBe('Your video interview: Support engineer');
    expect(mail.text).toContain('Acme Support invites you');
    const url = /http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')?.[0];
    expect(url).toBe(shownUrl);
    const cand = await context.newPage();
    await context.clearCookies();
    cand.on('pageerror', (e) => errors.push(`candidate: ${e.message}`));
    await cand.goto(url!);
    await cand.getByTestId('consent').waitFor();
    await cand.getByTestId('brand').getByText('Acme Support').waitFor();
    await cand.getByTestId('brand-intro').getByText(/Thanks for your interest in Acme/).waitFor();
    await cand.getByTestId('deadline').waitFor();
    expect(await cand.getByRole('link', { name: 'Practice' }).count()).toBe(0); // no practice-area links for candidates
    expect(await cand.getByText(/analysis/i).count()).toBe(0);
    await shot(cand, 'hiring-candidate-intro');
    await cand.getByRole('button', { name: 'I agree, start the interview' }).click();
    // the practice question is offered first and is never uploaded; skip it here
    await cand.getByTestId('practice-intro').waitFor();
    await cand.getByRole('button', { name: 'Skip the practice' }).click();
    // on a phone held upright: the first answer is recorded in a portrait viewport
    await cand.setViewportSize({ width: 390, height: 844 });
    await cand.getByText('Question 1 of 2').waitFor();
    await shot(cand, 'hiring-candidate-phone');
    await answerCurrentQuestion(cand, 1);
    await cand.getByText('Question 2 of 2').waitFor({ timeout: 60_000 });
    await cand.close();
    // ... and the second on another device (a fresh page, no session storage) with the same link: it resumes at question 2
    const cand2 = await context.newPage();
    cand2.on('pageerror', (e) => errors.push(`candidate: ${e.message}`));
    await cand2.goto(url!);
    await cand2.getByText('1 of 2 answered.').waitFor();
    await answerCurrentQuestion(cand2, 2);
    await cand2.getByTestId('thank-you').waitFor({ timeout: 60_000 });
    await shot(cand2, 'hiring-thank-you');
    await cand2.close();
    const casey = await t.c.database.db.selectFrom('candidates').selectAll().where('email', '=', 'casey@example.com').executeTakeFirstOrThrow();
    expect(casey.status).toBe('completed');
    const answers = await t.c.database.db.selectFrom('candidate_answers').select('answer_id').where('candidate_id', '=', casey.id).execute();
    expect(answers).toHaveLength(2);
    for (const a of answers) await waitSettled(t, a.answer_id);
    const stored = await t.c.answers.get(answers[0]!.answer_id);
    expect(stored.durationSec).toBeGreaterThan(2);
    expect(stored.report?.input.hasAudio).toBe(true);

    // the candidate got a confirmation, the owner a "finished" mail
    await smtp.waitFor((m) => toOf(m).includes('casey@example.com') && /^Thank you/.test(m.subject ?? ''));
    await smtp.waitFor((m) => toOf(m).includes(ADMIN.email) && /Casey Candidate finished/.test(m.subject ?? ''));

    // a second candidate answers through the API and gets a low rating, so there is something to rank against
    const other = await candidateAnswers(t, admin, interviewId, { name: 'Other Person', email: 'other@example.com' });
    await admin.req('PUT', `/api/admin/interviews/${interviewId}/candidates/${other.id}/answers/${other.answerIds[0]}/review`, { ratings: { relevance: 2, structure: 2, communication: 2 } });

    // 4. a reviewer opens the workspace blind (no name until rated), comments at a moment of the video, rates
    await t.h.users.create(null, { ...REVIEWER, name: 'Rita', role: 'reviewer' });
    await signIn(page, REVIEWER.email, REVIEWER.password);
    await page.goto(`${base}/admin/interviews/${interviewId}/candidates/${casey.id}`);
    await page.getByTestId('blind').waitFor();
    await page.getByRole('heading', { level: 1, name: `Candidate ${casey.id.slice(0, 6)}` }).waitFor();
    expect(await page.getByText('casey@example.com').count()).toBe(0);
    await page.getByTestId('player').waitFor();
    await page.getByTestId('comment-form').getByRole('textbox').fill('clear opening');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await page.getByTestId('comments').getByText('clear opening').waitFor();
    await page.getByText('Answers the question with a specific example and its outcome.').first().waitFor(); // anchored rubric levels
    const form = page.getByTestId('rating-form').first();
    await form.locator('select[name=relevance]').selectOption('5');
    await form.locator('select[name=structure]').selectOption('4');
    await form.locator('select[name=communication]').selectOption('4');
    await form.getByRole('button', { name: 'Save rating' }).click();
    await page.getByText(/Reviews: rita@example.com: relevance 5, structure 4, communication 4/).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Casey Candidate' }).waitFor(); // rated: no longer blind
    await page.getByTestId('review-summary').getByText(/4\.33/).waitFor();
    await shot(page, 'hiring-reviewer-workspace');
    // question 2 shows its own rubric
    await page.getByRole('button', { name: 'Question 2' }).click();
    await page.getByRole('group', { name: 'Customer focus' }).getByText('helps and follows up').waitFor();
    await page.getByRole('button', { name: 'Question 1' }).click();
    expect(await page.getByRole('button', { name: 'Shortlist' }).count()).toBe(0); // reviewers do not decide
    await signOut(page);

    // 5. the admin sees the ranking, how each total was made, shortlists Casey and exports CSV
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${base}/admin/interviews/${interviewId}/leaderboard`);
    const rows = page.getByTestId('leaderboard-row');
    await rows.nth(1).waitFor();
    // ranked by the reviewer score alone: Rita's mean(5,4,4) = 4.33; the other 2. The quick engine measured nothing: flagged, not ranked
    await page.getByTestId('formula').getByText(/Rank = mean of the reviewers/).waitFor();
    await expect(rows.nth(0).textContent()).resolves.toMatch(/^1Casey CandidateReviewer score 4\.33 \(rita@example\.com, 3 ratings\) = 4\.33 of 5; spread 0\.00/);
    await expect(rows.nth(1).textContent()).resolves.toMatch(/^2Other Person/);
    await expect(rows.nth(0).getAttribute('class')).resolves.toBe('band-high');
    await expect(rows.nth(1).getAttribute('class')).resolves.toBe('band-low');
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await page.getByTestId('compare').waitFor();
    await expect.poll(() => page.getByTestId('compare').locator('video').count()).toBe(2); // the same question's video for both
    await shot(page, 'hiring-compare');
    await rows.nth(1).getByRole('checkbox').uncheck();
    await page.getByLabel('Reason (optional)').fill('best answers');
    await page.getByRole('button', { name: 'Shortlist' }).click();
    await expect.poll(async () => (await t.c.database.db.selectFrom('candidates').select('status').where('id', '=', casey.id).executeTakeFirstOrThrow()).status).toBe('shortlisted');
    await rows.nth(0).getByText('shortlisted').waitFor();
    await shot(page, 'hiring-leaderboard');
    const decision = await t.c.database.db.selectFrom('decisions').selectAll().where('candidate_id', '=', casey.id).executeTakeFirstOrThrow();
    expect(decision).toMatchObject({ decision: 'shortlisted', reason: 'best answers' });

    const href = await page.getByTestId('csv-export').getAttribute('href');
    const csv = await context.request.get(`${base}${href}`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[1]).toMatch(/^1,reviewed,Casey Candidate,casey@example.com,shortlisted,,,4\.33,0,1,,/);
    expect(lines[2]).toMatch(/^2,reviewed,Other Person,other@example.com,completed,,,2,0,1,/);

    // 6. the filters live in the URL: a filtered view survives a reload, and the CSV export follows it
    await page.getByLabel('Status').selectOption('shortlisted');
    await page.waitForURL(/[?&]status=shortlisted/);
    await expect.poll(() => rows.count()).toBe(1);
    await page.reload();
    await rows.first().waitFor();
    await expect(page.getByLabel('Status').inputValue()).resolves.toBe('shortlisted');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toMatch(/Casey Candidate/);
    const filtered = await context.request.get(`${base}${await page.getByTestId('csv-export').getAttribute('href')}`);
    expect((await filtered.text()).trim().split('\r\n')).toHaveLength(2); // the header and Casey

    // 7. the local receiver got candidate.finished and candidate.decided (shortlisted), each with a valid signature
    await expect.poll(() => rx.received.filter((r) => JSON.parse(r.body).data.candidateId === casey.id).length, { timeout: 15_000 }).toBe(2);
    const mine = rx.received.filter((r) => JSON.parse(r.body).data.candidateId === casey.id);
    for (const r of mine) expect(verify(hook.secret, r.body, r.headers['x-webhook-signature'] as string)).toBe(true);
    expect(mine.map((r) => JSON.parse(r.body).event)).toEqual(['candidate.finished', 'candidate.decided']);
    expect(JSON.parse(mine[1]!.body).data).toMatchObject({ decision: 'shortlisted', reason: 'best answers', candidateEmail: 'casey@example.com' });

    // the admin sees both deliveries in the Integrations page, and the interview's outbox
    await page.goto(`${base}/admin/integrations`);
    await page.getByRole('button', { name: 'Deliveries' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'delivered' }).count()).toBe(3); // finished x2 (Casey, Other Person), decided (Casey)
    await shot(page, 'hiring-integrations');
    await page.goto(`${base}/admin/interviews/${interviewId}`);
    await page.getByText(/^Outbox \(\d+\)$/).click();
    await page.getByRole('cell', { name: 'casey@example.com' }).first().waitFor();

    // 8. a candidate who does not agree: the choice is recorded and the page ends politely
    const dee = (await admin.req('POST', `/api/admin/interviews/${interviewId}/candidates`, { name: 'Dee Clines', email: 'dee@example.com' })).json();
    const deeInvite = (await admin.req('POST', `/api/admin/interviews/${interviewId}/candidates/${dee.id}/invites`, { sendEmail: false })).json();
    const declinePage = await context.newPage();
    declinePage.on('pageerror', (e) => errors.push(`decline: ${e.message}`));
    await declinePage.goto(`${base}/invite/${deeInvite.token}`);
    await declinePage.getByRole('button', { name: 'I do not agree' }).click();
    await declinePage.getByTestId('declined').getByText('Nothing was recorded').waitFor();
    await declinePage.close();
    expect((await admin.req('GET', `/api/admin/interviews/${interviewId}/candidates/${dee.id}/invites`)).json().items[0]).toMatchObject({ tracking: 'declined' });
    expect(errors).toEqual([]);
  });
});
