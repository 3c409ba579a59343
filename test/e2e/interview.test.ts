/**
 * The whole candidate flow in a real Chromium with fake camera/microphone (fed from a fixture), against
 * the real server: question, preview, think time, countdown, record, retake, record, submit, upload
 * progress, analysis progress, report, reload, history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../helpers/server.js';
import { progressSeen, screenshot, waitForExpr, watchProgress, type Browser, startBrowserStack, type BrowserStack } from './support.js';

const ENGINE = process.env.E2E_ENGINE ?? 'quick';

describe('interview flow (browser)', () => {
  let stack: BrowserStack;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startBrowserStack({ ANALYSIS_ENGINE: ENGINE, THINK_TIME_SEC: '20' });
    ({ server, browser } = stack);
  });
  afterAll(() => stack?.close());

  async function recordTake(seconds: number): Promise<void> {
    const { page } = browser;
    await page.getByTestId('countdown').waitFor({ state: 'visible' });
    await page.getByTestId('recording').waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForTimeout(seconds * 1000);
    await expect(page.getByRole('timer', { name: 'Recording time' }).textContent()).resolves.toMatch(/0:0[3-9]/);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await page.getByTestId('review').waitFor({ state: 'visible', timeout: 10_000 });
  }

  it('records, retakes, submits and shows the report', async () => {
    const { page } = browser;
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });

    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Interview Analyzer');
    await screenshot(page, 'home');
    await page.getByRole('link', { name: 'Start interview' }).click();
    expect(new URL(page.url()).pathname).toBe('/interview');

    // 1. a question from the bank
    const q = page.getByTestId('question-text');
    await waitForExpr(page, `!document.querySelector('[data-testid=question-text]').textContent.includes('Loading')`);
    const question = (await q.textContent())!.trim();
    expect(question.length).toBeGreaterThan(10);
    await page.getByRole('button', { name: 'Another question' }).click();
    await waitForExpr(page, `(() => { const t = document.querySelector('[data-testid=question-text]').textContent; return !t.includes('Loading') && t !== ${JSON.stringify(question)}; })()`);
    const finalQuestion = (await q.textContent())!.trim();
    expect(finalQuestion).not.toBe(question);

    // 2. live preview from the fake camera, and the microphone meter moves
    await waitForExpr(page, `(() => { const v = document.querySelector('[data-testid=preview]'); return v && v.readyState >= 2 && v.videoWidth === 640; })()`, 15_000);
    await waitForExpr(page, `Number(document.querySelector('[role=meter]')?.getAttribute('aria-valuenow')) > 5`, 15_000);
    await screenshot(page, 'interview-setup');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(300);
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(375);
    await screenshot(page, 'interview-setup-375');
    await page.setViewportSize({ width: 1280, height: 900 });

    // 3. think time (skipped), countdown, record ~4 s, stop
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByTestId('think').waitFor();
    await expect(page.getByRole('timer', { name: 'Think time left' }).textContent()).resolves.toMatch(/0:(20|19|18)/);
    await screenshot(page, 'interview-think');
    // keyboard: "I'm ready" has focus, Space activates it
    await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('I’m ready');
    await page.keyboard.press('Space');
    await page.getByTestId('recording').waitFor({ timeout: 10_000 });
    await screenshot(page, 'interview-recording');
    await page.waitForTimeout(4000);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await page.getByTestId('review').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('review').textContent()).resolves.toContain('2 of 2 retakes left');

    // 4. retake, record again
    await page.getByRole('button', { name: /Retake/ }).click();
    await recordTake(4);
    await expect(page.getByTestId('review').textContent()).resolves.toContain('1 of 2 retakes left');
    await waitForExpr(page, `document.querySelector('[data-testid=playback]').readyState >= 1`, 10_000);
    await screenshot(page, 'interview-review');

    // 5. upload with progress, analysis progress, then the report
    await watchProgress(page);
    await page.getByRole('button', { name: 'Submit for analysis' }).click();
    await page.waitForURL(/\/answers\/[^/]+$/, { timeout: 90_000 });
    await page.getByTestId('report').waitFor({ timeout: 30_000 });
    const seen = await progressSeen(page);
    expect(seen.upload).toContain(100);
    expect(seen.status.length).toBeGreaterThan(0);
    const answerUrl = page.url();

    const cards = page.getByTestId('score-card');
    await expect(cards.count()).resolves.toBe(6);
    // What the answer said: the content section (key points as whole sentences, or why none were made); the
    // classic key-points card only for a report without content analysis.
    await expect(page.getByTestId('content').count()).resolves.toBe(1);
    await expect(page.getByTestId('key-points').count()).resolves.toBe(0);
    await expect(page.getByTestId('report').textContent()).resolves.toContain(finalQuestion);
    // the evidence of a card opens with its button
    const toggle = cards.first().getByRole('button');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await screenshot(page, 'results');

    // the recorded video streams back from the server
    await waitForExpr(page, `document.querySelector('[data-testid=player]').readyState >= 1`, 15_000);

    // reload: the results URL still shows the report
    // (the video element may hold back the load event on a busy machine: wait for the DOM only)
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.getByTestId('report').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('score-card').count()).resolves.toBe(6);

    // narrow screen (375 px) renders without horizontal scrolling
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(300);
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(375);
    await screenshot(page, 'results-375');
    await page.setViewportSize({ width: 1280, height: 900 });

    // history lists it and links back to it
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    await page.getByTestId('history-list').waitFor();
    const link = page.getByTestId('history-list').getByRole('link', { name: finalQuestion });
    await expect(link.count()).resolves.toBe(1);
    await screenshot(page, 'history');
    await link.click();
    expect(page.url()).toBe(answerUrl);
    await page.getByTestId('report').waitFor();

    // delete asks first: dismissing keeps it, accepting removes it (also on the server)
    await page.goBack();
    await page.getByTestId('history-list').waitFor();
    const del = page.getByRole('button', { name: `Delete answer: ${finalQuestion}` });
    page.once('dialog', (d) => void d.dismiss());
    await del.click();
    await expect(del.count()).resolves.toBe(1);
    page.once('dialog', (d) => void d.accept());
    await del.click();
    await del.waitFor({ state: 'detached' });
    const id = answerUrl.split('/').pop()!;
    expect((await fetch(`${server.url}/api/answers/${id}`)).status).toBe(404);

    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
  }, 240_000);
});
