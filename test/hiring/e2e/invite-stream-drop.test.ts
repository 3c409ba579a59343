/**
 * A candidate's connection drops while they answer (issue 16 for the invite flow): a real Chromium with fake camera
 * and microphone opens the invite link, consents and records; every request to the invite's upload URLs is aborted
 * for a few seconds in the middle of the take (playwright route abort); tus-js-client resumes from the server's
 * offset; the answer arrives complete, becomes the candidate's answer to the question and is analysed by the local
 * engine with the streaming session (no one-shot fallback). The page shows upload progress and "saved", never an
 * analysis. Then a reload in the middle of the next take: the take kept in the browser is offered and sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, ensureWebBuilt, type FakeMedia, launchBrowser, makeFakeMedia } from '../../e2e/support.js';
import { waitSettled } from '../flow.js';
import { addCandidate, adminLogin, createHiringApp, createInterview, type HiringApp, invite } from '../helpers.js';

const RECORD_SEC = 16;

let t: HiringApp;
let media: FakeMedia;
let browser: Browser;
let base: string;

beforeAll(async () => {
  await ensureWebBuilt();
  [t, media] = await Promise.all([createHiringApp({ ANALYSIS_ENGINE: 'local', INVITE_RATE_PER_MIN: '1000' }, { worker: true }), makeFakeMedia('fillers-pauses.webm', RECORD_SEC + 4)]);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser(media);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await media?.cleanup();
});

type Report = { input: { durationSec: number }; transcript: { words: Array<{ end: number }> } | null; timingsMs: Record<string, number> };

async function answerOf(inviteId: string, questionId: string): Promise<{ id: string; status: string; durationSec: number; report: Report | null }> {
  const link = await t.c.database.db.selectFrom('candidate_answers').select('answer_id').where('invite_id', '=', inviteId).where('question_id', '=', questionId).executeTakeFirstOrThrow();
  await waitSettled(t, link.answer_id, 300_000);
  const row = await t.c.database.db.selectFrom('answers').select(['status', 'duration_sec', 'report_json', 'scope']).where('id', '=', link.answer_id).executeTakeFirstOrThrow();
  expect(row.scope).toBe('candidate');
  return { id: link.answer_id, status: row.status, durationSec: row.duration_sec, report: row.report_json ? (JSON.parse(row.report_json) as Report) : null };
}

describe('candidate answer streamed over a dropped connection (browser)', () => {
  it('records through a few seconds of outage, and the complete answer arrives and is analysed; a reload mid-take keeps the take', async () => {
    const admin = await adminLogin(t);
    const iv = await createInterview(admin, {
      title: 'Field engineer',
      questions: [
        { questionId: 'q-gen-01', thinkTimeSec: 0, answerTimeSec: 60, retakes: 1 },
        { text: 'Tell us about a tool you built.', thinkTimeSec: 0, answerTimeSec: 60, retakes: 1 },
      ],
    });
    const cand = await addCandidate(admin, iv.id);
    const inv = await invite(admin, iv.id, cand.id);
    const [q1, q2] = iv.questions.map((q) => q.questionId) as [string, string];

    const { page, context } = browser;
    await context.clearCookies();
    const logs: string[] = [];
    page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
    const oneShot: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/invite\/[^/]+\/answers$/.test(new URL(r.url()).pathname)) oneShot.push(r.method());
    });
    let dropping = false;
    const aborted: string[] = [];
    const patched: number[] = [];
    await page.route('**/api/invite/*/uploads**', (route) => {
      const req = route.request();
      if (dropping) {
        aborted.push(req.method());
        return route.abort('connectionreset');
      }
      if (req.method() === 'PATCH') patched.push(Date.now());
      return route.continue();
    });

    await page.goto(`${base}/invite/${inv.token}`);
    await page.getByRole('button', { name: 'I agree, start the interview' }).click();
    await page.getByRole('button', { name: 'Skip the practice' }).click();
    await page.getByText('Question 1 of 2').waitFor();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByTestId('recording').waitFor({ timeout: 30_000 });
    const began = Date.now();
    await page.waitForTimeout(4000);
    const beforeDrop = patched.length;
    dropping = true;
    await page.waitForTimeout(5000);
    dropping = false;
    await page.waitForTimeout(Math.max(0, RECORD_SEC * 1000 - (Date.now() - began)));
    // the candidate sees the upload, not an analysis
    await expect(page.getByTestId('upload-status').textContent()).resolves.toMatch(/Sav(ed|ing)/);
    expect(await page.getByText(/Analysed up to/).count()).toBe(0);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    const recordedSec = (Date.now() - began) / 1000;
    await page.getByTestId('review').waitFor({ timeout: 20_000 });
    // after Stop the server catches up with what the outage held back: "saved"
    await page.getByTestId('upload-status').getByText(/Saved: all of your recording/).waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByText('Question 2 of 2').waitFor({ timeout: 120_000 });

    expect(beforeDrop).toBeGreaterThan(0); // chunks went up while recording, before the drop
    expect(aborted.length).toBeGreaterThan(0); // the drop really hit the upload
    expect(logs.filter((l) => /streamed upload failed|pageerror/.test(l))).toEqual([]); // tus resumed
    expect(oneShot).toEqual([]); // no one-shot fallback

    const first = await answerOf(inv.invite.id, q1);
    expect(first.status).toBe('done');
    // nothing lost: the stored answer lasts as long as the recording (MediaRecorder starts a moment after the click)
    expect(first.durationSec).toBeGreaterThan(recordedSec - 2.5);
    expect(first.durationSec).toBeLessThan(recordedSec + 1.5);
    // speech after the outage was recognised, by the streaming session that measured the take as it arrived
    const words = first.report!.transcript?.words ?? [];
    expect(words.length).toBeGreaterThan(15);
    expect(words[words.length - 1]!.end).toBeGreaterThan(10);
    expect(first.report!.timingsMs['stream.finishMs']).toBeGreaterThanOrEqual(0);

    // question 2: the connection goes while recording and the page is reloaded mid-take
    let blocked = false;
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    let patches = 0;
    await page.route('**/api/invite/*/uploads**', (route) => {
      if (blocked) return route.abort('connectionreset');
      if (route.request().method() === 'PATCH') patches++;
      return route.continue();
    });
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByTestId('recording').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3000);
    expect(patches).toBeGreaterThan(0);
    blocked = true;
    await page.waitForTimeout(5000);
    await page.reload({ waitUntil: 'domcontentloaded' });
    blocked = false;
    await page.getByText('Question 2 of 2').waitFor();
    const card = page.getByTestId('unsent-take');
    await card.waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Send it now' }).click();
    await page.getByTestId('thank-you').waitFor({ timeout: 120_000 });
    const second = await answerOf(inv.invite.id, q2);
    expect(second.status).toBe('done');
    // the 8 s recorded before the reload, not just the 3 s the server had when the connection went
    expect(second.durationSec).toBeGreaterThan(6);
    expect(oneShot).toEqual([]);
    // sent: the browser forgets it
    // a string, run in the page (the test's own types have no DOM)
    const left = await page.evaluate<number>(`new Promise((resolve) => {
      const req = indexedDB.open('interview-analyzer-takes', 1);
      req.onsuccess = () => {
        const all = req.result.transaction('takes', 'readonly').objectStore('takes').getAll();
        all.onsuccess = () => resolve(all.result.filter((x) => (x.scope || '').startsWith('invite:')).length);
      };
    })`);
    expect(left).toBe(0);
  }, 600_000);
});
