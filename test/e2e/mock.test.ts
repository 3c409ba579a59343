/**
 * Mock interviews and audio-only answers in a real Chromium with fake camera/microphone (fed from a fixture),
 * against the real server: setup, three questions recorded back to back (each uploaded and analysed while the
 * next is answered), the session report, and answers without camera (chosen, or because no camera is found).
 * Screenshots: /work/brief/reports/shots/mock-*.png (SHOTS_DIR) and test-results/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contracts/sessions.js';
import type { RunningServer } from '../helpers/server.js';
import { type Browser, type BrowserStack, screenshot, startBrowserStack, waitForExpr } from './support.js';

const ENGINE = process.env.E2E_ENGINE ?? 'quick';
const SHOTS = process.env.SHOTS_DIR ?? '/work/brief/reports/shots';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now, injected through the DevTools protocol so the CSP does not block it. */
async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    `window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.help + ' ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  )) as string[];
  expect(violations, what).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  try {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  } catch {
    // the shared screenshot folder is optional outside the team's machine
  }
}

describe('mock interview (browser)', () => {
  let stack: BrowserStack;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startBrowserStack({ ANALYSIS_ENGINE: ENGINE });
    ({ server, browser } = stack);
  });
  afterAll(() => stack?.close());

  it('sets up a 3-question mock interview, records the answers back to back by keyboard, and shows the session report', async () => {
    const { page } = browser;
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mock interview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mock interview' }).waitFor();

    // Setup: a role, 3 questions, no think time, 60 s answers, +50% extra time, a job description.
    await waitForExpr(page, `document.querySelectorAll('select[name=role] option').length >= 8`);
    await page.getByLabel('Role', { exact: true }).selectOption('software-engineer');
    await page.getByLabel('Number of questions').selectOption('3');
    await page.getByLabel('Think time per question').selectOption('0');
    await page.getByLabel('Answer time limit').selectOption('60');
    await page.getByLabel('Extra time').selectOption('50');
    await expect(page.getByText('up to 1 min 30 s per answer').count()).resolves.toBe(1);
    await page.getByLabel('Job description (optional)').fill('Backend engineer: TypeScript, PostgreSQL, code review, on-call, testing.');
    await shot(page, 'mock-setup');
    await expectNoAxeViolations(page, 'mock setup');
    // Keyboard: focus the start button and press Enter.
    await page.getByRole('button', { name: 'Start mock interview' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/mock\/[^/]+$/);
    const sessionId = new URL(page.url()).pathname.split('/')[2]!;

    await waitForExpr(page, `(() => { const v = document.querySelector('[data-testid=preview]'); return v && v.readyState >= 2 && v.videoWidth === 640; })()`, 15_000);
    const questions: string[] = [];
    await page.getByRole('button', { name: 'Start question 1' }).click();
    for (let n = 1; n <= 3; n++) {
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(`question ${n} of 3`);
      questions.push((await page.getByTestId('mock-question').textContent())!.trim());
      await page.getByTestId('recording').waitFor({ timeout: 15_000 });
      await expect(page.getByRole('timer', { name: 'Recording time' }).textContent()).resolves.toContain('/ 1:30');
      if (n === 2) {
        await shot(page, 'mock-recording');
        await expectNoAxeViolations(page, 'mock recording');
      }
      await page.waitForTimeout(3500);
      // The Stop button has focus: Space stops, and the next question starts at once.
      await expect(page.evaluate('document.activeElement?.textContent')).resolves.toBe('Stop recording');
      await page.keyboard.press('Space');
      if (n < 3) {
        await waitForExpr(page, `document.querySelector('h1')?.textContent.includes('question ${n + 1} of 3')`, 15_000);
        // The previous answer is uploading or already sent while this one is recorded.
        await waitForExpr(page, `document.querySelector('[aria-label="Your answers so far"]')?.textContent.includes('Question ${n}')`, 15_000);
      }
    }
    expect(new Set(questions).size).toBe(3);

    // Every upload in: the session report, which follows the analyses until they finish.
    await page.waitForURL(/\/mock\/[^/]+\/report$/, { timeout: 60_000 });
    await page.getByTestId('session-status').waitFor();
    await waitForExpr(page, `document.querySelector('[data-testid=session-status]')?.textContent.startsWith('All analyses finished')`, 240_000);
    for (let n = 1; n <= 3; n++) {
      await expect(page.getByTestId(`mock-answer-${n}`).textContent()).resolves.toContain(questions[n - 1]);
      await expect(page.getByRole('link', { name: `Open the report for question ${n}` }).count()).resolves.toBe(1);
    }
    await page.getByTestId('session-summary').waitFor();
    await expect(page.getByTestId('session-summary').textContent()).resolves.toContain('From the 3 analysed answers of 3');
    await expect(page.getByRole('heading', { name: 'Measures question by question' }).count()).resolves.toBe(1);
    await shot(page, 'mock-report');
    await expectNoAxeViolations(page, 'mock report');
    // On a phone (390 px) the report has no horizontal scroll (the measures table scrolls inside its own box).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(390);
    await shot(page, 'mock-report-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The server holds the same: three done answers, the job description kept with the session.
    const s = (await page.evaluate(`fetch('/api/sessions/${sessionId}').then((r) => r.json())`)) as Session;
    expect(s.status).toBe('complete');
    expect(s.items.map((i) => i.answer?.status)).toEqual(['done', 'done', 'done']);
    expect(s.jobDescription).toContain('Backend engineer');
    expect(s.effectiveAnswerSec).toBe(90);

    // Each answer's own report is one link away.
    await page.getByRole('link', { name: 'Open the report for question 2' }).click();
    await page.waitForURL(/\/answers\/[^/]+$/);
    await page.getByTestId('report').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('report').textContent()).resolves.toContain(questions[1]);
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });

  it('records an answer without camera when the user chooses it: audio upload, report says so and measures no visual score', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/interview`);
    await page.getByLabel('Answer without camera (audio only)').check();
    await page.getByTestId('mic-only').waitFor();
    await expect(page.getByTestId('mic-only').textContent()).resolves.toContain('You chose to answer without camera');
    await expect(page.locator('[data-testid=preview]').count()).resolves.toBe(0);
    await waitForExpr(page, `Number(document.querySelector('[role=meter]')?.getAttribute('aria-valuenow')) > 5`, 15_000);
    await shot(page, 'mock-audio-only-setup');
    await expectNoAxeViolations(page, 'audio-only practice setup');
    // Extra time (+50%): 20 s think time becomes 30 s, the 2 min limit 3 min.
    await page.getByLabel('Extra time').selectOption('50');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(page.getByRole('timer', { name: 'Think time left' }).textContent()).resolves.toMatch(/0:(30|29|28)/);
    await page.getByRole('button', { name: 'I’m ready' }).click();
    await page.getByTestId('recording').waitFor({ timeout: 15_000 });
    await expect(page.getByRole('timer', { name: 'Recording time' }).textContent()).resolves.toContain('/ 3:00');
    await page.waitForTimeout(4000);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await page.getByTestId('review').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Submit for analysis' }).click();
    await page.waitForURL(/\/answers\/[^/]+$/, { timeout: 90_000 });
    await page.getByTestId('audio-only-note').waitFor({ timeout: 120_000 });
    await expect(page.getByTestId('audio-only-note').textContent()).resolves.toContain('eye contact and body language were not measured. Nothing was deducted');
    await shot(page, 'mock-audio-only-report');
    const id = new URL(page.url()).pathname.split('/')[2]!;
    const answer = (await page.evaluate(`fetch('/api/answers/${id}').then((r) => r.json())`)) as { report: { input: { hasVideo: boolean; hasAudio: boolean }; scores: Record<string, { value: number | null }> } };
    expect(answer.report.input).toEqual({ durationSec: expect.any(Number), hasAudio: true, hasVideo: false });
    expect(answer.report.scores.eyeContact!.value).toBeNull();
    expect(answer.report.scores.bodyLanguage!.value).toBeNull();
    const media = (await page.evaluate(`fetch('/api/answers/${id}/video').then((r) => r.headers.get('content-type'))`)) as string;
    expect(media).toMatch(/^audio\/webm/);
  });

  it('adds an own question, makes a set with it and starts a mock interview from the set', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/mock`);
    await page.getByRole('link', { name: 'Add your own questions and make question sets' }).click();
    await page.getByRole('heading', { level: 1, name: 'My questions and sets' }).waitFor();
    const mine = 'What would you improve in our onboarding in your first month?';
    await page.getByLabel('Question', { exact: true }).fill(mine);
    await page.getByLabel('Type').first().selectOption('situational');
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByTestId('own-questions').getByText(mine).waitFor();
    // Too short: the server's message is shown.
    await page.getByLabel('Question', { exact: true }).fill('Why?');
    await page.evaluate(`document.querySelector('textarea').removeAttribute('minlength')`);
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByText('at least 10 characters').first().waitFor();

    await page.getByLabel('Name').fill('Onboarding round');
    await page.getByRole('checkbox', { name: mine }).check();
    await page.getByLabel('Show bank questions from').selectOption('teamwork');
    await page.getByRole('checkbox', { name: 'Tell me about a time you worked with a difficult colleague.' }).check();
    await page.getByRole('checkbox', { name: 'How do you handle disagreements within a team?' }).check();
    await page.getByRole('button', { name: 'Create set' }).click();
    await page.getByTestId('own-sets').getByRole('heading', { name: 'Onboarding round' }).waitFor();
    await shot(page, 'mock-my-questions');
    await expectNoAxeViolations(page, 'my questions');

    await page.goto(`${server.url}/mock`);
    await page.getByRole('radio', { name: 'One of my question sets' }).check();
    await page.getByLabel('Question set', { exact: true }).selectOption({ label: 'Onboarding round (3 questions)' });
    await page.getByLabel('Number of questions').selectOption('3');
    await page.getByRole('button', { name: 'Start mock interview' }).click();
    await page.waitForURL(/\/mock\/[^/]+$/);
    await expect(page.getByTestId('mock-question').textContent()).resolves.toBe(mine);
  });

  it('falls back to audio only when no camera is found', async () => {
    const page = await browser.context.newPage();
    try {
      // This browser reports no camera (the fake microphone stays).
      await page.addInitScript({
        content: `(() => {
          const devices = navigator.mediaDevices;
          const enumerate = devices.enumerateDevices.bind(devices);
          devices.enumerateDevices = async () => (await enumerate()).filter((d) => d.kind !== 'videoinput');
        })();`,
      });
      await page.goto(`${server.url}/interview`);
      await page.getByTestId('mic-only').waitFor({ timeout: 15_000 });
      await expect(page.getByTestId('mic-only').textContent()).resolves.toContain('No camera was found');
      await expect(page.getByRole('heading', { name: 'Microphone check' }).count()).resolves.toBe(1);
      await shot(page, 'mock-no-camera');
    } finally {
      await page.close();
    }
  });
});
