/**
 * The coaching report in Debian Chromium against the real app (in-process server, local engine, a real analysis
 * of a fixture answer to a behavioural bank question): summary first with moments that play, the content section
 * with STAR spans on the transcript, details on demand, the transcript as one tab stop with arrow keys, retake /
 * next question from the report, the phone layout (390x844), and axe-core (WCAG 2.1 AA) on every page reached:
 * practice home, record, report, history, admin sign-in and pages, the candidate's invite page.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../server/analysis/report.js';
import { axeViolations, expectNoAxeViolations } from '../helpers/axe.js';
import { fixture } from '../helpers/fixtures.js';
import { multipart } from '../helpers/app.js';
import { candidateAnswers } from '../hiring/flow.js';
import { ADMIN, addCandidate, adminLogin, createHiringApp, createInterview, type HiringApp, invite } from '../hiring/helpers.js';
import { type FakeOpenAI, startFakeOpenAI } from '../fakes/openai.js';
import { type Browser, ensureWebBuilt, launchBrowser, waitForExpr } from './support.js';

const SHOTS = '/work/brief/reports/shots';
const QUESTION_ID = 'q-beh-04';

let t: HiringApp;
let base: string;
let browser: Browser;
let answerId: string;
let answer: { questionText: string; report: Report & { coach?: { rewrite: string; followUpQuestions: string[] } } };
let llm: FakeOpenAI;
const COACH_REPLY = {
  key_points: ['Moved a weekly report job off the main database'],
  relevance: { addresses_question: false, explanation: 'Describes a fix rather than adapting to a change.' },
  star: { situation: { present: true, quote: null }, task: { present: false, quote: null }, action: { present: true, quote: null }, result: { present: true, quote: null } },
  tips: ['Say what changed and how you adapted.', 'Name your own task before the steps.'],
  rewrite: 'When our support tool slowed every Monday, I measured before guessing, moved the report job to a replica, and response times halved.',
  follow_up_questions: ['How did you convince the team to move the job?', 'What would you monitor next time?'],
};

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const video = `document.querySelector('[data-testid=player]')`;
const currentTime = (page: Page) => page.evaluate(`${video}.currentTime`) as Promise<number>;
async function stopVideo(page: Page): Promise<void> {
  await page.evaluate(`${video}.pause()`);
}

let owner = '';

async function openReport(page: Page): Promise<void> {
  await page.goto(`${base}/answers/${answerId}`);
  await page.getByTestId('report').waitFor({ timeout: 20_000 });
  await waitForExpr(page, `${video}.readyState >= 1`, 15_000);
}

beforeAll(async () => {
  await ensureWebBuilt();
  llm = await startFakeOpenAI();
  llm.replies = [{ content: JSON.stringify(COACH_REPLY) }];
  t = await createHiringApp({ ANALYSIS_ENGINE: 'local', LLM_BASE_URL: llm.url, LLM_MODEL: 'fake-coach' }, { worker: true });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const data = await readFile(fixture('clear-answer.webm'));
  const res = await t.app.inject({ method: 'POST', url: '/api/answers', ...multipart({ questionId: QUESTION_ID }, { name: 'a.webm', type: 'video/webm', data }) });
  expect(res.statusCode).toBe(202);
  answerId = res.json().id;
  // the answer belongs to the uploader's practice identity (issue 11); the browser below acts as the uploader
  owner = res.cookies.find((c) => c.name === 'ia_practice')!.value;
  for (let i = 0; i < 1200; i++) {
    const a = (await t.app.inject({ method: 'GET', url: `/api/answers/${answerId}`, cookies: { ia_practice: owner } })).json();
    if (a.status === 'failed') throw new Error(`analysis failed: ${a.error}`);
    if (a.status === 'done') {
      answer = a;
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(answer?.report.summary).toBeTruthy();
  browser = await launchBrowser(null);
  await browser.context.addCookies([{ name: 'ia_practice', value: owner, url: base }]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await llm?.close();
});

describe('coaching report (browser)', () => {
  it('opens on the summary, plays its moments, shows content and STAR spans, details on demand, no axe violations', async () => {
    const { page } = browser;
    const r = answer.report;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openReport(page);

    // summary first: before the scores, the content and the recording
    const order = (await page.evaluate(`(() => {
      const pos = (sel) => { const el = document.querySelector(sel); return el ? el.getBoundingClientRect().top + window.scrollY : null; };
      return [pos('[data-testid=summary]'), pos('#scores-h'), pos('[data-testid=content]'), pos('#recording')];
    })()`)) as Array<number | null>;
    expect(order.every((x) => x !== null)).toBe(true);
    expect([...(order as number[])].sort((a, b) => a - b)).toEqual(order);
    const strengths = page.getByTestId('strengths').locator('.summary-title');
    await expect(strengths.allTextContents()).resolves.toEqual(r.summary!.strengths.map((s) => s.title));
    if (r.summary!.improvements.length) await expect(page.getByTestId('improvements').locator('.summary-title').allTextContents()).resolves.toEqual(r.summary!.improvements.map((s) => s.title));
    expect(r.summary!.strengths.length + r.summary!.improvements.length).toBeGreaterThanOrEqual(2);
    await shot(page, 'coach-report-summary');

    // a moment in the summary plays the recording from there
    const items = [...r.summary!.strengths, ...r.summary!.improvements];
    const withTime = items.filter((s) => s.time !== null);
    expect(withTime.length).toBeGreaterThan(0);
    const target = withTime.at(-1)!;
    await page.getByRole('button', { name: new RegExp(`Play this moment.*${target.title.replace(/[()]/g, '.')}`) }).first().click();
    await waitForExpr(page, `!${video}.seeking && ${video}.currentTime > 0`);
    const t0 = await currentTime(page);
    expect(t0).toBeGreaterThanOrEqual(target.time! - 0.1);
    expect(t0).toBeLessThan(target.time! + 2);
    await stopVideo(page);

    // content: behavioural question -> STAR check; its spans can be shown on the transcript
    expect(r.content!.reliable).toBe(true);
    expect(r.content!.questionType).toBe('behavioural');
    await expect(page.getByTestId('content').textContent()).resolves.toContain(`${r.content!.length!.wordCount} words`);
    const spans = r.content!.structure!.spans;
    expect(spans.length).toBeGreaterThan(0);
    await expect(page.locator('[data-testid=transcript] [data-star]').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Show the parts on the transcript' }).click();
    const starred = await page.locator('[data-testid=transcript] [data-star]').count();
    expect(starred).toBeGreaterThan(0);
    await expect(page.locator('[data-testid=transcript] .star-label').first().textContent()).resolves.toMatch(/Situation|Task|Action|Result/);
    await expect(page.getByTestId('key-sentences').locator('li').count()).resolves.toBe(r.content!.keySentences.length);

    // a score's evidence, tip and measuring method open on demand
    const card = page.getByTestId('score-card').first();
    await expect(card.getByText('How it is measured:').isVisible()).resolves.toBe(false);
    await card.getByRole('button', { name: /Show evidence and tip/ }).click();
    await expect(card.getByText('How it is measured:').isVisible()).resolves.toBe(true);

    // details on demand: measurements, charts and glossary
    await expect(page.getByRole('heading', { name: 'Glossary' }).isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Show measurements, charts and glossary' }).click();
    await page.locator('canvas').first().waitFor();
    await expect(page.getByRole('heading', { name: 'Glossary' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('dBFS (loudness)').isVisible()).resolves.toBe(true);
    // the LLM coach's rewrite and follow-up questions, labelled as model opinion, after the measured parts
    const coach = page.getByTestId('coach');
    await expect(coach.textContent()).resolves.toContain('model opinion');
    await expect(coach.textContent()).resolves.toContain(COACH_REPLY.rewrite);
    await expect(coach.locator('li').allTextContents()).resolves.toEqual(expect.arrayContaining(COACH_REPLY.follow_up_questions));
    expect(r.coach?.followUpQuestions).toEqual(COACH_REPLY.follow_up_questions);
    await expectNoAxeViolations(page, 'the report page (details open, STAR shown)');
    await shot(page, 'coach-report-full');

    // print / PDF: no actions or player, the summary and the on-demand details are printed
    await page.getByRole('button', { name: 'Hide measurements, charts and glossary' }).click();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('link', { name: 'Retake this question' }).isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('player').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('summary').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Glossary' }).isVisible()).resolves.toBe(true);
    await shot(page, 'coach-report-print');
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  }, 120_000);

  it('makes the transcript one tab stop: arrows move between words, Enter plays from a word, focus is visible', async () => {
    const { page } = browser;
    await openReport(page);
    const box = page.getByTestId('transcript');
    await expect(box.locator('[tabindex="0"]').count()).resolves.toBe(1);
    const tokens = await box.locator('button').count();
    await expect(box.locator('[tabindex="-1"]').count()).resolves.toBe(tokens - 1);

    // Tab from the player reaches the transcript, and one more Tab leaves it
    await page.getByTestId('player').focus();
    const inTranscript = `!!document.activeElement.closest('[data-testid=transcript]')`;
    let presses = 0;
    while (!(await page.evaluate(inTranscript)) && presses < 30) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await page.evaluate(inTranscript)).toBe(true);
    const tok = () => page.evaluate('Number(document.activeElement.dataset.tok)') as Promise<number>;
    expect(await tok()).toBe(0);
    const outline = (await page.evaluate(`(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()`)) as [string, number];
    expect(outline[0]).not.toBe('none');
    expect(outline[1]).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await tok()).toBe(2);
    await page.keyboard.press('ArrowLeft');
    expect(await tok()).toBe(1);
    await page.keyboard.press('End');
    expect(await tok()).toBe(tokens - 1);
    await page.keyboard.press('Home');
    expect(await tok()).toBe(0);
    await page.keyboard.press('PageDown');
    const at = await tok();
    expect(at).toBe(Math.min(10, tokens - 1));

    // Enter plays from that word
    const start = Number(await page.evaluate('document.activeElement.dataset.start ?? NaN'));
    await page.keyboard.press('Enter');
    await waitForExpr(page, `!${video}.seeking && !${video}.paused`);
    const now = await currentTime(page);
    if (Number.isFinite(start)) {
      expect(now).toBeGreaterThanOrEqual(start - 0.1);
      expect(now).toBeLessThan(start + 2);
    }
    await stopVideo(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(inTranscript)).toBe(false);
    // Shift+Tab comes back to the word last used
    await page.keyboard.press('Shift+Tab');
    expect(await tok()).toBe(at);
  }, 60_000);

  it('retakes the same question and goes on to the next one from the report', async () => {
    const { page } = browser;
    await openReport(page);
    await page.getByRole('link', { name: 'Retake this question' }).click();
    await page.waitForURL(`${base}/interview?question=${QUESTION_ID}`);
    await waitForExpr(page, `document.querySelector('[data-testid=question-text]')?.textContent === ${JSON.stringify(answer.questionText)}`, 15_000);
    await page.getByRole('heading', { level: 1, name: 'Practice interview' }).waitFor();
    await expectNoAxeViolations(page, 'the record page (retake)');
    await shot(page, 'coach-retake');

    await openReport(page);
    await page.getByRole('link', { name: 'Next question' }).click();
    await page.waitForURL(`${base}/interview`);
    await waitForExpr(page, `(() => { const q = document.querySelector('[data-testid=question-text]')?.textContent; return q && q !== 'Loading a question…'; })()`, 15_000);
    // "Another question" works and drops the retake link's question
    await page.getByRole('button', { name: 'Another question' }).click();
    await waitForExpr(page, `!location.search`);
  }, 60_000);

  it('is usable on a phone (390x844): no horizontal scroll, no scrolling box inside the page', async () => {
    const phone = await launchBrowser(null, { width: 390, height: 844 });
    await phone.context.addCookies([{ name: 'ia_practice', value: owner, url: base }]);
    try {
      const { page } = phone;
      await page.goto(`${base}/answers/${answerId}`);
      await page.getByTestId('report').waitFor({ timeout: 20_000 });
      const closedHeight = (await page.evaluate('document.documentElement.scrollHeight')) as number;
      await page.getByRole('button', { name: 'Show measurements, charts and glossary' }).click();
      await page.locator('canvas').first().waitFor();
      const m = (await page.evaluate(`(() => {
        const doc = document.documentElement;
        const inner = [...document.querySelectorAll('body *')].filter((el) => {
          const s = getComputedStyle(el);
          return (s.overflowY === 'auto' || s.overflowY === 'scroll') && el.scrollHeight > el.clientHeight + 1;
        }).map((el) => el.className || el.tagName);
        const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1).map((el) => el.className || el.tagName);
        return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, height: doc.scrollHeight, inner, wide: wide.slice(0, 5) };
      })()`)) as { scrollWidth: number; clientWidth: number; height: number; inner: string[]; wide: string[] };
      expect(m.clientWidth).toBe(390);
      expect(m.scrollWidth, `wider than the screen: ${m.wide.join(', ')}`).toBeLessThanOrEqual(390);
      expect(m.inner).toEqual([]);
      // the summary is on the first screen
      const top = (await page.evaluate(`document.querySelector('[data-testid=summary]').getBoundingClientRect().top`)) as number;
      expect(top).toBeLessThan(844);
      await expectNoAxeViolations(page, 'the report page on a phone');
      await page.screenshot({ path: join(SHOTS, 'coach-report-phone.png'), fullPage: true });
      // the other practice pages fit the phone too
      for (const path of ['/', '/interview', '/history']) {
        await page.goto(`${base}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        const w = (await page.evaluate('document.documentElement.scrollWidth')) as number;
        expect(w, `${path} is wider than the phone`).toBeLessThanOrEqual(390);
        await expectNoAxeViolations(page, `${path} on a phone`);
      }
      process.stdout.write(`phone report page: ${closedHeight} px tall with the details closed, ${m.height} px with them open, ${m.scrollWidth} px wide\n`);
    } finally {
      await phone.close();
    }
  }, 60_000);

  it('has no WCAG 2.1 AA violations on the practice, admin and candidate pages', async () => {
    const { page, context } = browser;
    const check = async (path: string, ready: () => Promise<unknown>, name: string) => {
      await page.goto(`${base}${path}`);
      await ready();
      await expectNoAxeViolations(page, `${name} (${path})`);
    };
    // the helper does find a violation when there is one
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.evaluate(`document.querySelector('main').append(Object.assign(document.createElement('img'), { src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }))`);
    expect((await axeViolations(page)).map((v) => v.id)).toContain('image-alt');
    await expect(expectNoAxeViolations(page, 'a spoiled page')).rejects.toThrow(/image-alt .*Images must have alternative text/);
    await check('/', () => page.getByRole('heading', { level: 1 }).waitFor(), 'practice home');
    await check('/interview', () => page.getByTestId('question-text').waitFor(), 'record page');
    await check('/history', () => page.getByRole('link', { name: answer.questionText }).first().waitFor(), 'history');
    await check('/admin', () => page.getByRole('button', { name: 'Sign in' }).waitFor(), 'admin sign-in');
    await check('/no-such-page', () => page.getByRole('heading', { level: 1 }).waitFor(), 'not found');

    // hiring data to show: an interview, a candidate, an invite
    const admin = await adminLogin(t);
    const iv = await createInterview(admin);
    const cand = await addCandidate(admin, iv.id);
    const inv = await invite(admin, iv.id, cand.id);
    await check(`/invite/${inv.token}`, () => page.getByTestId('consent').waitFor(), 'candidate invite (consent)');
    await page.getByRole('button', { name: 'I agree, start the interview' }).click();
    // the practice question comes first (never uploaded): check it too, then skip it
    await page.getByTestId('practice-intro').waitFor();
    await expectNoAxeViolations(page, 'candidate practice question');
    await page.getByRole('button', { name: 'Skip the practice' }).click();
    await page.getByText('Question 1 of 2').waitFor();
    await expectNoAxeViolations(page, 'candidate interview (question 1)');
    const answered = await candidateAnswers(t, admin, iv.id, { name: 'Ann Answered', email: 'ann@example.com' });
    await context.clearCookies();

    await page.goto(`${base}/admin`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const adminPage = async (path: string, name: string) => {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, `${name} (${path})`);
    };
    await adminPage('/admin', 'admin interviews');
    await adminPage(`/admin/interviews/${iv.id}`, 'admin interview');
    await adminPage(`/admin/interviews/${iv.id}/leaderboard`, 'leaderboard');
    await adminPage(`/admin/interviews/${iv.id}/fairness`, 'fairness');
    await adminPage(`/admin/interviews/${iv.id}/candidates/${cand.id}`, 'candidate (admin)');
    await adminPage(`/admin/interviews/${iv.id}/candidates/${answered.id}`, 'candidate with answers (admin)');
    await adminPage('/admin/users', 'users');
    await adminPage('/admin/audit', 'audit log');
    await adminPage('/admin/queue', 'queue');
  }, 180_000);
});
