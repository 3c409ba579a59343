/**
 * The connection drops while the answer is being recorded: a real Chromium with fake camera and microphone
 * records on the practice page (local engine), every request to /api/uploads is aborted for a few seconds in the
 * middle of the take (playwright route abort), tus-js-client resumes from the server's offset, and the report
 * covers the whole take: nothing was lost and the one-shot fallback was not needed. And the page is reloaded in the
 * middle of a take whose upload is stuck: the take kept in IndexedDB is offered again and sent from the server's
 * offset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, ensureWebBuilt, type FakeMedia, launchBrowser, makeFakeMedia, waitForExpr } from '../e2e/support.js';
import { type RunningServer, startServer } from '../helpers/server.js';

/** The answer belongs to the browser's practice identity: read it with that cookie. */
async function ownerCookie(page: { context(): { cookies(): Promise<Array<{ name: string; value: string }>> } }): Promise<string> {
  const c = (await page.context().cookies()).find((x) => x.name === 'ia_practice');
  return c ? `ia_practice=${c.value}` : '';
}

const RECORD_SEC = 16;

describe('streaming upload survives a dropped connection (browser)', () => {
  let server: RunningServer;
  let media: FakeMedia;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuilt();
    [server, media] = await Promise.all([startServer({ env: { ANALYSIS_ENGINE: 'local', THINK_TIME_SEC: '0' } }), makeFakeMedia('fillers-pauses.webm', RECORD_SEC + 4)]);
    browser = await launchBrowser(media);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await server?.cleanup();
    await media?.cleanup();
  });

  it('records through a few seconds of outage and gets a complete report', async () => {
    const { page } = browser;
    const console: string[] = [];
    page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
    let dropping = false;
    const aborted: string[] = [];
    const patched: number[] = [];
    await page.route('**/api/uploads**', async (route) => {
      const req = route.request();
      if (dropping) {
        aborted.push(req.method());
        return route.abort('connectionreset');
      }
      if (req.method() === 'PATCH') patched.push(Date.now());
      return route.continue();
    });

    await page.goto(`${server.url}/interview`);
    await waitForExpr(page, `(() => { const v = document.querySelector('[data-testid=preview]'); return v && v.readyState >= 2; })()`, 30_000);
    await waitForExpr(page, `!document.querySelector('[data-testid=question-text]').textContent.includes('Loading')`, 30_000);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByTestId('recording').waitFor({ timeout: 30_000 });
    const began = Date.now();
    await page.waitForTimeout(4000);
    const beforeDrop = patched.length;
    dropping = true;
    await page.waitForTimeout(5000);
    dropping = false;
    await page.waitForTimeout(Math.max(0, RECORD_SEC * 1000 - (Date.now() - began)));
    // the page says how far the analysis has got while recording
    await expect(page.getByTestId('stream-status').textContent()).resolves.toMatch(/Analysed up to \d:\d\d of \d:\d\d|Sending as you speak/);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    const recordedSec = (Date.now() - began) / 1000;
    await page.getByRole('button', { name: 'Submit for analysis' }).click();
    await page.waitForURL(/\/answers\/[^/]+$/, { timeout: 300_000 });
    await page.getByTestId('report').waitFor({ timeout: 300_000 });

    expect(beforeDrop).toBeGreaterThan(0); // chunks went up while recording, before the drop
    expect(aborted.length).toBeGreaterThan(0); // the drop really hit the upload
    expect(console.filter((l) => /streamed upload failed/.test(l))).toEqual([]); // tus resumed; no one-shot fallback

    const id = page.url().split('/').pop()!;
    const answer = (await (await fetch(`${server.url}/api/answers/${id}`, { headers: { cookie: await ownerCookie(page) } })).json()) as { status: string; durationSec: number; report: { transcript: { words: Array<{ end: number }> } | null; input: { durationSec: number } } };
    expect(answer.status).toBe('done');
    // nothing lost: the stored take lasts as long as the recording (MediaRecorder starts a moment after the click)
    expect(answer.durationSec).toBeGreaterThan(recordedSec - 2.5);
    expect(answer.durationSec).toBeLessThan(recordedSec + 1.5);
    // speech after the outage was recognised too
    const words = answer.report.transcript?.words ?? [];
    expect(words.length).toBeGreaterThan(15);
    expect(words[words.length - 1]!.end).toBeGreaterThan(10);
    expect(server.logs()).not.toMatch(/streaming analysis (failed|unusable)/);
  }, 420_000);

  it('offers a take interrupted by a reload and sends the rest of it', async () => {
    const { page } = browser;
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    let blocked = false;
    let patches = 0;
    await page.route('**/api/uploads**', (route) => {
      if (blocked) return route.abort('connectionreset');
      if (route.request().method() === 'PATCH') patches++;
      return route.continue();
    });
    await page.goto(`${server.url}/interview`);
    await waitForExpr(page, `(() => { const v = document.querySelector('[data-testid=preview]'); return v && v.readyState >= 2; })()`, 30_000);
    await waitForExpr(page, `!document.querySelector('[data-testid=question-text]').textContent.includes('Loading')`, 30_000);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByTestId('recording').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3000);
    expect(patches).toBeGreaterThan(0);
    blocked = true; // the server stops hearing from the page ...
    await page.waitForTimeout(5000);
    await page.reload({ waitUntil: 'domcontentloaded' }); // ... and the page is reloaded mid-take
    blocked = false;
    const card = page.getByTestId('unsent-take');
    await card.waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Send it now' }).click();
    await page.waitForURL(/\/answers\/[^/]+$/, { timeout: 300_000 });
    await page.getByTestId('report').waitFor({ timeout: 300_000 });
    const id = page.url().split('/').pop()!;
    const answer = (await (await fetch(`${server.url}/api/answers/${id}`, { headers: { cookie: await ownerCookie(page) } })).json()) as { status: string; durationSec: number };
    expect(answer.status).toBe('done');
    // the 8 s recorded before the reload, not just the 3 s the server had when the connection went
    expect(answer.durationSec).toBeGreaterThan(6);
    // sent: the browser forgets it
    await page.goto(`${server.url}/interview`);
    await waitForExpr(page, `!document.querySelector('[data-testid=question-text]').textContent.includes('Loading')`, 30_000);
    await page.waitForTimeout(1000);
    await expect(page.getByTestId('unsent-take').count()).resolves.toBe(0);
  }, 420_000);
});
