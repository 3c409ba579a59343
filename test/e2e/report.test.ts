/**
 * The report page in a real Chromium against the real server: transcript words and timeline marks
 * seek the (Range-served) video, the current word is highlighted while playing, JSON export and print
 * layout work.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, truth } from '../helpers/fixtures.js';
import { startServer, type RunningServer } from '../helpers/server.js';
import { actAsUploader, ensureWebBuilt, launchBrowser, postFixture, screenshot, uploadFixture, waitDone, waitForExpr, type Browser } from './support.js';

const FIXTURE = 'clear-answer.webm';
const hasLocalEngine = existsSync(join(repoRoot, 'server/engines/local/index.ts'));

const currentTime = (b: Browser) => b.page.evaluate(`document.querySelector('[data-testid=player]').currentTime`) as Promise<number>;

/**
 * Word timings for the UI test with the quick engine (which has no recogniser): the fixture's true
 * words spread evenly over its true speech span. Only the page's behaviour is under test here.
 */
function spreadWords(): Array<{ text: string; start: number; end: number }> {
  const t = truth(FIXTURE);
  const words = t.text!.split(/\s+/);
  const step = (t.speechEndSec! - t.speechStartSec!) / words.length;
  return words.map((text, i) => ({ text, start: +(t.speechStartSec! + i * step).toFixed(2), end: +(t.speechStartSec! + (i + 0.8) * step).toFixed(2) }));
}

describe('report page (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  let id: string;

  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startServer({ env: { ANALYSIS_ENGINE: 'quick' } });
    ({ id } = await uploadFixture(server.url, FIXTURE));
    browser = await launchBrowser(null);
    await actAsUploader(browser.context, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await server?.cleanup();
  });

  it('seeks when a word or a mark is clicked, highlights the current word, exports JSON and prints', async () => {
    const { page } = browser;
    const words = spreadWords();
    // Add a transcript, a filler, a long pause and a looking-away span to the real report.
    await page.route(`**/api/answers/${id}`, async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { report: Record<string, unknown> & { speech: Record<string, unknown> | null; visual: Record<string, unknown> | null } };
      body.report.transcript = { text: words.map((w) => w.text).join(' '), words, recognizer: 'e2e-spread' };
      body.report.speech = { ...(body.report.speech ?? {}), fillers: [{ text: words[5]!.text, start: words[5]!.start, end: words[5]!.end, kind: 'marker' }], pauses: [{ start: 20, end: 22 }] };
      body.report.visual = { facePresentRatio: null, facingCameraRatio: null, lookingAwaySpans: [{ start: 27, end: 29.5 }], noFaceSpans: [] };
      // an optional model-opinion section, with markup that must show as text
      body.report.coach = { summary: 'Lead with the result. <img src=x onerror="window.__xss=1">', nextSteps: ['Shorten the intro'] };
      await route.fulfill({ response: res, json: body });
    });
    await page.goto(`${server.url}/answers/${id}`);
    await page.getByTestId('report').waitFor({ timeout: 15_000 });
    await waitForExpr(page, `document.querySelector('[data-testid=player]').readyState >= 1`, 15_000);

    // click a word in the middle: the video seeks to its start
    const target = words[40]!;
    const button = page.locator('[data-testid=transcript] [data-word="40"]');
    await expect(button.textContent()).resolves.toBe(target.text);
    await button.click(); // plays from the word
    await waitForExpr(page, `!document.querySelector('[data-testid=player]').seeking`);
    await page.evaluate(`document.querySelector('[data-testid=player]').pause()`);
    const at = await currentTime(browser);
    expect(at).toBeGreaterThanOrEqual(target.start - 0.05);
    expect(at).toBeLessThan(target.start + 1.5);
    await expect(button.getAttribute('aria-current')).resolves.toBe('true');

    // marks: a filler word is flagged, the long pause appears in the transcript and on the timeline
    await expect(page.locator('[data-testid=transcript] [data-word="5"]').getAttribute('class')).resolves.toContain('filler');
    await expect(page.locator('.tok.pause').count()).resolves.toBe(1);
    await page.getByRole('button', { name: /Looking away 2\.5 s at 0:27/ }).click();
    await waitForExpr(page, `!document.querySelector('[data-testid=player]').seeking`);
    expect(Math.abs((await currentTime(browser)) - 27)).toBeLessThan(0.3);
    await page.getByRole('button', { name: /Pause 2\.0 s at 0:20/ }).click();
    await waitForExpr(page, `!document.querySelector('[data-testid=player]').seeking`);
    expect(Math.abs((await currentTime(browser)) - 20)).toBeLessThan(0.3);

    // while playing, the highlighted word follows the video
    await page.locator('[data-testid=transcript] [data-word="10"]').click();
    await page.evaluate(`(() => { const v = document.querySelector('[data-testid=player]'); v.muted = true; return v.play(); })()`);
    await waitForExpr(page, `document.querySelector('[data-testid=player]').currentTime > ${words[13]!.start + 0.05}`, 10_000);
    await page.evaluate(`document.querySelector('[data-testid=player]').pause()`);
    const active = Number(await page.locator('[data-testid=transcript] [aria-current=true]').getAttribute('data-word'));
    expect(active).toBeGreaterThanOrEqual(12);
    await screenshot(page, 'report-transcript');

    // the coach section is labelled as a model opinion and its text is not interpreted as HTML
    const coach = page.getByRole('region', { name: 'Coaching notes' });
    await expect(coach.textContent()).resolves.toContain('model opinion');
    await expect(coach.textContent()).resolves.toContain('Lead with the result. <img src=x onerror="window.__xss=1">');
    await expect(coach.locator('img').count()).resolves.toBe(0);
    await expect(coach.textContent()).resolves.toContain('Shorten the intro');

    // Download JSON: the report as a file
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
    expect(download.suggestedFilename()).toBe(`interview-report-${id}.json`);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { schemaVersion: number; transcript: { words: unknown[] } };
    expect(saved.schemaVersion).toBe(1);
    expect(saved.transcript.words).toHaveLength(words.length);

    // print layout: no player or buttons, evidence opened
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('player').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.score-details').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'report-print');
    await page.emulateMedia({ media: 'screen' });
  }, 120_000);

  it.skipIf(!hasLocalEngine)('shows live progress, then seeks to a word recognised by the local engine', async () => {
    const local = await startServer({ env: { ANALYSIS_ENGINE: 'local' } });
    try {
      const localId = await postFixture(local.url, FIXTURE);
      const { page } = browser;
      await actAsUploader(browser.context, local.url);
      // Open the page while the analysis runs: it shows the live progress, then the report by itself.
      // The event stream is cut off here so the polling fallback is what brings the report (the
      // interview flow test covers the event stream).
      await page.route('**/events', (route) => route.abort());
      let polls = 0;
      page.on('request', (r) => {
        if (r.url().endsWith(`/api/answers/${localId}`)) polls++;
      });
      await page.goto(`${local.url}/answers/${localId}`);
      const status = page.getByTestId('analysis-status');
      await status.waitFor({ timeout: 10_000 });
      await screenshot(page, 'report-progress');
      // (the API wait names the error if the analysis fails; the page must then follow within a few polls)
      const answer = await waitDone(local.url, localId, 360_000);
      await page.getByTestId('report').waitFor({ timeout: 20_000 });
      await page.unroute('**/events');
      expect(polls).toBeGreaterThan(2);
      const report = answer.report as { transcript: { words: Array<{ text: string; start: number }> } | null };
      const words = report.transcript?.words ?? [];
      expect(words.length).toBeGreaterThan(20);
      await expect(page.getByTestId('score-card').count()).resolves.toBe(6);
      await expect(page.locator('[data-testid=transcript] [data-word]').count()).resolves.toBe(words.length);
      await waitForExpr(page, `document.querySelector('[data-testid=player]').readyState >= 1`, 15_000);
      const i = Math.floor(words.length / 2);
      await page.locator(`[data-testid=transcript] [data-word="${i}"]`).click(); // plays from the word
      await waitForExpr(page, `!document.querySelector('[data-testid=player]').seeking`);
      await page.evaluate(`document.querySelector('[data-testid=player]').pause()`);
      const at = await currentTime(browser);
      expect(at).toBeGreaterThanOrEqual(words[i]!.start - 0.05);
      expect(at).toBeLessThan(words[i]!.start + 1.5);
      await page.getByRole('button', { name: 'Show measurements, charts and glossary' }).click();
      await page.locator('canvas').first().waitFor(); // charts load as a separate chunk, once the details are opened
      await screenshot(page, 'report-local');
    } finally {
      await local.stop();
      await local.cleanup();
    }
  }, 480_000);
});
