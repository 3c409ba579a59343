/**
 * Issue 11 in a real Chromium: two browsers (two profiles, two cookie jars) cannot see each other's answers;
 * a read-only share link opens in the other browser; signing up claims the answers; the Progress page draws
 * 3+ real analyses with their reference bands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/server.js';
import { actAsUploader, type Browser, ensureWebBuilt, launchBrowser, postFixture, screenshot, startBrowserStack, type BrowserStack, waitDone, waitForExpr } from './support.js';

describe('practice for many people (browser)', () => {
  let stack: BrowserStack;
  let server: RunningServer;
  let alice: Browser;
  let bob: Browser;
  /** The answer alice recorded (set by the first test). */
  let answerPath = '';

  beforeAll(async () => {
    stack = await startBrowserStack({ ANALYSIS_ENGINE: 'quick', THINK_TIME_SEC: '20' });
    ({ server, browser: alice } = stack);
    bob = await launchBrowser(null);
  });
  afterAll(async () => {
    await bob?.close();
    await stack?.close();
  });

  it("two browsers: neither sees the other's answer; a share link shows it read-only, without the video", async () => {
    const { page } = alice;
    await page.goto(`${server.url}/interview`);
    await waitForExpr(page, `(() => { const v = document.querySelector('[data-testid=preview]'); return v && v.readyState >= 2; })()`, 20_000);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByTestId('think').waitFor();
    await page.keyboard.press('Space'); // "I'm ready" has focus
    await page.getByTestId('recording').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(4000);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await page.getByRole('button', { name: 'Submit for analysis' }).click();
    await page.waitForURL(/\/answers\/[^/]+$/, { timeout: 90_000 });
    await page.getByTestId('report').waitFor({ timeout: 60_000 });
    const answerUrl = page.url();
    const id = answerUrl.split('/').at(-1)!;
    const aliceCookies = await alice.context.cookies(server.url);
    expect(aliceCookies.find((c) => c.name === 'ia_practice')?.httpOnly).toBe(true);
    expect(aliceCookies.find((c) => c.name === 'ia_session')).toBeUndefined();

    // Bob: empty history, and alice's answer (page, API, video) is not found
    await bob.page.goto(`${server.url}/history`);
    await bob.page.getByText('No answers yet.').waitFor({ timeout: 15_000 });
    await screenshot(bob.page, 'practice-other-browser-history');
    await bob.page.goto(answerUrl);
    await bob.page.getByText('Answer not found').waitFor({ timeout: 15_000 });
    await expect(bob.page.getByTestId('report').count()).resolves.toBe(0);
    const api = await bob.page.evaluate(async (u) => [(await fetch(`/api/answers/${u}`)).status, (await fetch(`/api/answers/${u}/video`)).status, (await fetch(`/api/answers/${u}`, { method: 'DELETE' })).status], id);
    expect(api).toEqual([404, 404, 404]);
    await screenshot(bob.page, 'practice-other-browser-answer');

    // Alice still has it; she shares it without the video, from the keyboard
    await page.goto(`${server.url}/history`);
    await page.getByTestId('history-list').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('history-list').getByRole('link').count()).resolves.toBe(1);
    await page.goto(answerUrl);
    await page.getByTestId('report').waitFor();
    await page.getByTestId('share-open').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('share-dialog').getByRole('heading', { name: 'Share this report' }).waitFor();
    await page.getByTestId('share-create').click();
    const link = ((await page.getByTestId('share-link').textContent()) ?? '').trim();
    expect(link).toMatch(new RegExp(`^${server.url}/shared/[A-Za-z0-9_-]{43}$`));
    await screenshot(page, 'practice-share-dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('share-dialog').isVisible()).resolves.toBe(false);

    await bob.page.goto(link);
    await bob.page.getByTestId('report').waitFor({ timeout: 15_000 });
    await bob.page.getByTestId('no-video').waitFor();
    await expect(bob.page.getByTestId('share-open').count()).resolves.toBe(0);
    await screenshot(bob.page, 'practice-shared-report');
    // the link gives bob nothing else
    await bob.page.goto(`${server.url}/history`);
    await bob.page.getByText('No answers yet.').waitFor({ timeout: 15_000 });

    // revoked: the link stops working
    await page.getByTestId('share-open').click();
    await page.getByTestId('share-list').getByRole('button', { name: /Revoke/ }).click();
    await waitForExpr(page, `document.querySelectorAll('[data-testid=share-list] li').length === 0`);
    await bob.page.goto(link);
    await bob.page.getByText('Link not found').waitFor({ timeout: 15_000 });
    answerPath = new URL(answerUrl).pathname;
  }, 300_000);

  it("two accounts: each signs up in its browser; neither sees the other's answers", async () => {
    const signUp = async (b: Browser, email: string, name: string) => {
      await b.page.goto(`${server.url}/account`);
      const form = b.page.locator('section', { has: b.page.getByRole('heading', { name: 'Create an account' }) });
      await form.getByLabel('Email').fill(email);
      await form.getByLabel('Name (optional)').fill(name);
      await form.getByLabel(/^Password/).fill(`${name} practises a lot`);
      await form.getByRole('button', { name: 'Create account' }).click();
      await b.page.getByTestId('claimed').waitFor({ timeout: 20_000 });
      return (await b.page.getByTestId('claimed').textContent()) ?? '';
    };
    expect(await signUp(alice, 'alice@example.com', 'Alice')).toContain('1 answer(s) recorded in this browser are now in your account.');
    expect(await signUp(bob, 'bob@example.com', 'Bob')).not.toContain('answer(s)');
    expect((await bob.context.cookies(server.url)).find((c) => c.name === 'ia_session')).toBeTruthy();

    await alice.page.goto(`${server.url}/history`);
    await alice.page.getByTestId('history-list').waitFor({ timeout: 15_000 });
    await expect(alice.page.getByTestId('history-list').getByRole('link').count()).resolves.toBe(1);
    await bob.page.goto(`${server.url}/history`);
    await bob.page.getByText('No answers yet.').waitFor({ timeout: 15_000 });
    await bob.page.goto(`${server.url}${answerPath}`);
    await bob.page.getByText('Answer not found').waitFor({ timeout: 15_000 });
    await screenshot(bob.page, 'practice-other-account-answer');
    // signing out leaves alice's answer with her account, not with the browser
    await alice.page.goto(`${server.url}/account`);
    await alice.page.getByRole('button', { name: 'Sign out' }).click();
    await alice.page.getByRole('heading', { name: 'Create an account' }).waitFor({ timeout: 15_000 });
    await alice.page.goto(`${server.url}${answerPath}`);
    await alice.page.getByText('Answer not found').waitFor({ timeout: 15_000 });
  }, 120_000);
});

describe('progress page (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startServer({ env: { ANALYSIS_ENGINE: 'local' } });
    browser = await launchBrowser(null);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await server?.cleanup();
  });

  it('signing up claims three analysed answers; Progress charts them with the reference bands', async () => {
    const ids: string[] = [];
    for (const name of ['slow.webm', 'fast.webm', 'clear-answer.webm']) ids.push(await postFixture(server.url, name));
    for (const id of ids) await waitDone(server.url, id, 600_000);
    await actAsUploader(browser.context, server.url);
    const { page } = browser;

    await page.goto(`${server.url}/account`);
    await page.getByRole('heading', { name: 'Create an account' }).waitFor({ timeout: 15_000 });
    await page.getByText('3 answers recorded in this browser will move into the account you sign in to or create.').waitFor({ timeout: 15_000 });
    const signUp = page.locator('section', { has: page.getByRole('heading', { name: 'Create an account' }) });
    await signUp.getByLabel('Email').fill('pat@example.com');
    await signUp.getByLabel('Name (optional)').fill('Pat');
    await signUp.getByLabel(/^Password/).fill('pat practises daily');
    await signUp.getByLabel(/^Password/).press('Enter');
    await page.getByText('3 answer(s) recorded in this browser are now in your account.').waitFor({ timeout: 20_000 });
    await page.getByTestId('account-link').getByText('Account (Pat)').waitFor();
    await screenshot(page, 'practice-account');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
    await page.getByRole('heading', { name: 'Your progress', level: 1 }).waitFor();
    await page.getByTestId('progress-chart-wpm').waitFor({ timeout: 15_000 });
    await expect(page.getByText('From your 3 analysed answers').count()).resolves.toBe(1);
    await expect(page.getByTestId('progress-chart-wpm').textContent()).resolves.toMatch(/Reference band \(shaded\): 100 wpm to 165 wpm; Microsoft Speaker Coach/);
    for (const m of ['score.confidence', 'score.clarity', 'score.speechRate']) await page.getByTestId(`progress-chart-${m}`).waitFor();
    const rows = await page.getByTestId('progress-table').locator('tbody tr').count();
    expect(rows).toBe(11);
    const notes = (await page.getByTestId('improved').locator('li').count()) + (await page.getByTestId('next').locator('li').count());
    expect(notes).toBeGreaterThan(0);
    // charts are drawn (non-blank canvas)
    await waitForExpr(page, `(() => { const c = document.querySelector('[data-testid="progress-chart-wpm"] canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n > 500; })()`);
    await screenshot(page, 'practice-progress');

    // history filters and search live in the URL
    await page.goto(`${server.url}/history?category=general`);
    await page.getByTestId('history-count').waitFor();
    await expect(page.getByTestId('history-count').textContent()).resolves.toMatch(/answers? match the filters/);
    await page.reload();
    await page.locator('select[name=category] option[value=general]').waitFor({ state: 'attached' });
    await expect(page.locator('select[name=category]').inputValue()).resolves.toBe('general');
    await screenshot(page, 'practice-history-filtered');
  }, 900_000);
});
