/** Server errors reach the page as readable messages with a way forward (real server, real refusal). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../helpers/server.js';
import { screenshot, waitForExpr, type Browser, startBrowserStack, type BrowserStack } from './support.js';

describe('server errors in the page (browser)', () => {
  let stack: BrowserStack;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    // Recording stops by itself at 5 s, and the server refuses videos longer than 2 s: the upload must be refused.
    stack = await startBrowserStack({ ANALYSIS_ENGINE: 'quick', MAX_VIDEO_SEC: '2', THINK_TIME_SEC: '3', RECORDING_MAX_SEC: '5' });
    ({ server, browser } = stack);
  });
  afterAll(() => stack?.close());

  it('shows the refusal message, and retrying or going back works', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/interview`);
    await waitForExpr(page, `(() => { const v = document.querySelector('[data-testid=preview]'); return v && v.readyState >= 2; })()`, 15_000);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    // think time of 3 s runs out by itself this time
    await page.getByTestId('recording').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('recording').textContent()).resolves.toContain('/ 0:05');
    // no Stop click: the recording ends at the 5 s limit
    const t0 = Date.now();
    await page.getByTestId('review').waitFor({ timeout: 15_000 });
    expect(Date.now() - t0).toBeGreaterThan(3500);
    await expect(page.getByTestId('review').textContent()).resolves.toMatch(/Length 0:0[45]/);
    await page.getByRole('button', { name: 'Submit for analysis' }).click();

    const alert = page.getByTestId('upload').getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('The upload did not go through');
    expect(text).toMatch(/The video is \d+ s long; the limit is 2 s\./);
    await screenshot(page, 'error-upload');

    // "Try again" sends it again and gets the same refusal; "Back to my recording" returns to the review
    await page.getByRole('button', { name: 'Try again' }).click();
    await alert.waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Back to my recording' }).click();
    await page.getByTestId('review').waitFor();

    // an unknown answer id shows the server's 404 message
    await page.goto(`${server.url}/answers/does-not-exist`);
    const notFound = page.getByRole('alert');
    await notFound.waitFor({ timeout: 10_000 });
    await expect(notFound.textContent()).resolves.toContain('Answer not found');
  }, 120_000);
});
