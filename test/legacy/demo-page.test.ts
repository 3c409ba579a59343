/**
 * A page that speaks the Twelve Labs demo's contract (test/legacy/demo-page, written from the contract), in
 * Debian's Chromium with fake camera and microphone, against the real server with the local engine: it gets a
 * question, records as video/mp4, posts the file as `video` to /upload and shows `${data[key]}/10` for the six
 * scores and the key points; then a second upload is rate-limited and the page shows the server's `error`.
 * The page is served by the test on the server's origin (Playwright routing), so its calls are same-origin.
 * The demo's 20 s think + 30 s answer are shortened by the page's `think` and `answer` query parameters.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyScoreNames, legacyScoreSources } from '../../contracts/legacy.js';
import type { Report } from '../../server/analysis/report.js';
import { tenPointScore } from '../../server/features/legacy/legacy-reply.js';
import { type Browser, type FakeMedia, launchBrowser, makeFakeMedia, screenshot, waitForExpr } from '../e2e/support.js';
import { repoRoot } from '../helpers/fixtures.js';
import { type RunningServer, startServer } from '../helpers/server.js';

const THINK_SEC = 1;
const ANSWER_SEC = 8;
const PAGE_DIR = join(repoRoot, 'test/legacy/demo-page');

describe('the demo contract in a browser', () => {
  let server: RunningServer;
  let media: FakeMedia;
  let browser: Browser;

  beforeAll(async () => {
    [server, media] = await Promise.all([startServer({ env: { ANALYSIS_ENGINE: 'local', UPLOAD_RATE_PER_MIN: '1' } }), makeFakeMedia('clear-answer.webm', 12)]);
    browser = await launchBrowser(media);
    await browser.page.route(`${server.url}/legacy-demo/*`, async (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop()!;
      if (name !== 'index.html' && name !== 'main.js') return route.fulfill({ status: 404, body: 'not found' });
      await route.fulfill({ status: 200, contentType: name.endsWith('.js') ? 'text/javascript' : 'text/html', body: await readFile(join(PAGE_DIR, name)) });
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await server?.cleanup();
    await media?.cleanup();
  });

  it('records as video/mp4, uploads, shows six x/10 scores and the key points; a refused upload shows the error', async () => {
    const { page } = browser;
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const uploads: Buffer[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/upload') uploads.push(r.postDataBuffer() ?? Buffer.alloc(0));
    });
    await page.goto(`${server.url}/legacy-demo/index.html?think=${THINK_SEC}&answer=${ANSWER_SEC}`);

    // Debian's Chromium 156 records "video/mp4" as asked (VP9 + Opus inside MP4; it has no AAC encoder, so
    // avc1+mp4a is refused). The page falls back to WebM only where isTypeSupported('video/mp4') is false.
    const support = (await page.evaluate(`({ mp4: MediaRecorder.isTypeSupported('video/mp4'), aac: MediaRecorder.isTypeSupported('video/mp4;codecs=avc1,mp4a') })`)) as { mp4: boolean; aac: boolean };
    console.log(`MediaRecorder.isTypeSupported: video/mp4 ${support.mp4}, video/mp4;codecs=avc1,mp4a ${support.aac}`);

    await page.getByRole('button', { name: 'Start Interview' }).click();
    await waitForExpr(page, `document.querySelector('[data-testid=question]').textContent.length > 10`);
    await waitForExpr(page, `!document.querySelector('[data-testid=results]').hidden || !document.querySelector('[data-testid=error]').hidden`, 240_000);
    await screenshot(page, 'legacy-demo-results');
    expect(await page.getByTestId('error').isHidden(), (await page.getByTestId('error').textContent()) ?? '').toBe(true);

    const recordedType = (await page.evaluate('document.body.dataset.recordedType')) as string;
    expect(recordedType).toBe(support.mp4 ? 'video/mp4' : 'video/webm');

    const shown: Record<string, string> = {};
    for (const key of legacyScoreNames) shown[key] = (await page.locator(`[data-score="${key}"]`).textContent()) ?? '';
    for (const [key, text] of Object.entries(shown)) expect([key, text]).toEqual([key, expect.stringMatching(/^([1-9]|10|n\/a)\/10$/)]);
    const points = await page.getByTestId('key-points').locator('li').allTextContents();
    expect(points.length).toBeGreaterThan(0);
    expect(points).not.toContain('No key points found');

    // What the page shows is what the server measured: the stored answer's report, mapped by the one rule.
    // The answer belongs to the browser's practice identity (the ia_practice cookie the upload set).
    const owner = (await browser.context.cookies(server.url)).find((c) => c.name === 'ia_practice');
    expect(owner?.httpOnly).toBe(true);
    const asOwner = { headers: { cookie: `ia_practice=${owner!.value}` } };
    const history = (await (await fetch(`${server.url}/api/answers`, asOwner)).json()) as { items: Array<{ id: string }> };
    expect(history.items).toHaveLength(1);
    const answer = (await (await fetch(`${server.url}/api/answers/${history.items[0]!.id}`, asOwner)).json()) as { report: Report; videoUrl: string };
    for (const key of legacyScoreNames) expect([key, shown[key]]).toEqual([key, `${tenPointScore(answer.report.scores[legacyScoreSources[key]].value)}/10`]);
    expect(points).toEqual(answer.report.keyPoints);
    expect(answer.report.engine).toBe('local');
    expect(answer.report.input.durationSec).toBeGreaterThan(ANSWER_SEC - 2);
    // What the browser sent: one multipart file field `video`, an MP4 container (ISO BMFF: "ftyp" at byte 4).
    const recorderMime = (await page.evaluate('document.body.dataset.recorderMime')) as string;
    console.log(`MediaRecorder recorded ${recorderMime}; the server stored it as ${(await fetch(`${server.url}${answer.videoUrl}`, asOwner)).headers.get('content-type')}`);
    const sent = uploads[0]!;
    expect(sent.toString('latin1')).toMatch(/content-disposition: form-data; name="video"; filename="interview\.(mp4|webm)"\r\ncontent-type: video\/(mp4|webm)/i);
    const fileStart = sent.indexOf('\r\n\r\n') + 4;
    if (recordedType === 'video/mp4') expect(sent.subarray(fileStart + 4, fileStart + 8).toString('latin1')).toBe('ftyp');
    else expect(sent.subarray(fileStart, fileStart + 4).toString('hex')).toBe('1a45dfa3'); // EBML (WebM)

    // Second answer within the minute: UPLOAD_RATE_PER_MIN=1 refuses it, and the page shows the server's message.
    await page.getByRole('button', { name: 'Start Interview' }).click();
    await waitForExpr(page, `!document.querySelector('[data-testid=error]').hidden`, 120_000);
    await screenshot(page, 'legacy-demo-error');
    const error = (await page.getByTestId('error').textContent()) ?? '';
    expect(error).toMatch(/rate limit|too many/i); // the server's message, not the page's own
    expect(error).not.toMatch(/^Something went wrong/);
    expect(await page.getByTestId('results').isHidden()).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
