/** E2E support: build the web app when stale, fake camera/microphone files, and a Chromium with fake devices. */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { fixture, repoRoot } from '../helpers/fixtures.js';
import { keepPracticeCookie, practiceCookie } from '../helpers/http.js';
import { type RunningServer, startServer } from '../helpers/server.js';

const exec = promisify(execFile);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const resultsDir = join(repoRoot, 'test-results');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  const index = join(repoRoot, 'dist/web/index.html');
  return !existsSync(index) || statSync(index).mtimeMs < Math.max(newestMtime(join(repoRoot, 'web')), newestMtime(join(repoRoot, 'contracts')));
}

/** Runs `vite build` when dist/web is older than web/ or contracts/ (a lock directory keeps parallel test files from building twice). */
export async function ensureWebBuilt(): Promise<void> {
  const lock = join(repoRoot, '.tmp/web-build.lock');
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  for (let i = 0; i < 600; i++) {
    if (!isStale()) return;
    try {
      mkdirSync(lock);
    } catch {
      await new Promise((r) => setTimeout(r, 250)); // another worker is building
      continue;
    }
    try {
      if (isStale()) await exec('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: repoRoot });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
  throw new Error('timed out waiting for the web build');
}

export interface FakeMedia {
  dir: string;
  y4m: string;
  wav: string;
  cleanup(): Promise<void>;
}

/** Camera and microphone input for Chromium, cut from a fixture: 640x480 yuv420p .y4m and 48 kHz 16-bit .wav. */
export async function makeFakeMedia(name = 'clear-answer.webm', seconds = 6): Promise<FakeMedia> {
  const dir = await mkdtemp(join(tmpdir(), 'ia-e2e-media-'));
  const src = fixture(name);
  const y4m = join(dir, 'camera.y4m');
  const wav = join(dir, 'mic.wav');
  const t = String(seconds);
  await exec('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', src, '-t', t, '-an', '-vf', 'scale=640:480,fps=15,format=yuv420p', '-f', 'yuv4mpegpipe', y4m]);
  await exec('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', src, '-t', t, '-vn', '-ac', '1', '-ar', '48000', '-c:a', 'pcm_s16le', wav]);
  return { dir, y4m, wav, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Debian Chromium with fake media devices fed from the files, auto-accepting the permission prompt. */
export async function launchBrowser(media: FakeMedia | null, viewport = { width: 1280, height: 900 }): Promise<Browser> {
  const userDir = await mkdtemp(join(tmpdir(), 'ia-e2e-profile-'));
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'];
  if (media) args.push(`--use-file-for-fake-video-capture=${media.y4m}`, `--use-file-for-fake-audio-capture=${media.wav}`);
  const context = await chromium.launchPersistentContext(userDir, { executablePath: CHROMIUM, headless: true, args, viewport });
  // 2 shared cores: give navigation and waits room when other tests load the machine.
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(userDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot to test-results/<name>.png and returns its path. */
/** The usual browser-test setup: the web app built, a real server, fake media, Chromium fed from it. */
export interface BrowserStack {
  server: RunningServer;
  media: FakeMedia;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserStack(env: Record<string, string>): Promise<BrowserStack> {
  await ensureWebBuilt();
  const [server, media] = await Promise.all([startServer({ env }), makeFakeMedia()]);
  const browser = await launchBrowser(media);
  return {
    server,
    media,
    browser,
    async close() {
      await browser.close();
      await server.stop();
      await server.cleanup();
      await media.cleanup();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Collects every value the page's progress bars and status line show (DOM observer inside the page). */
export async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const seen = (window.__progress = { upload: [], analysis: [], status: [] });
    const scan = () => {
      for (const bar of document.querySelectorAll('[role=progressbar]')) {
        const key = bar.getAttribute('aria-label') === 'Upload' ? 'upload' : 'analysis';
        const v = Number(bar.getAttribute('aria-valuenow'));
        if (seen[key][seen[key].length - 1] !== v) seen[key].push(v);
      }
      const s = document.querySelector('[data-testid=analysis-status]');
      if (s && seen.status[seen.status.length - 1] !== s.textContent) seen.status.push(s.textContent);
    };
    new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    scan();
  })()`);
}

export async function progressSeen(page: Page): Promise<{ upload: number[]; analysis: number[]; status: string[] }> {
  return (await page.evaluate('window.__progress')) as { upload: number[]; analysis: number[]; status: string[] };
}

/**
 * Polls a JavaScript expression in the page until it is truthy. (page.waitForFunction with a string
 * evaluates it through eval, which the app's Content-Security-Policy rightly forbids.)
 */
export async function waitForExpr(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await page.evaluate(expression);
      if (last) return;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${expression} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Answers belong to their practice owner (issue 11): gives the browser the anonymous identity the API helpers
 * used for their uploads on `baseUrl`, so its pages can open those answers.
 */
export async function actAsUploader(context: BrowserContext, baseUrl: string): Promise<void> {
  const value = /^ia_practice=(.+)$/.exec(practiceCookie(baseUrl).cookie ?? '')?.[1];
  if (!value) throw new Error(`no practice identity was used on ${baseUrl} yet: upload first`);
  await context.addCookies([{ name: 'ia_practice', value, url: baseUrl }]);
}

/** Uploads a fixture through the API (as the browser would) and waits until its analysis is done. */
export async function uploadFixture(baseUrl: string, name: string, timeoutMs = 120_000): Promise<{ id: string; answer: Record<string, unknown> }> {
  const id = await postFixture(baseUrl, name);
  return { id, answer: await waitDone(baseUrl, id, timeoutMs) };
}

/** Uploads a fixture through the API for a random question; returns the answer id (analysis queued). */
export async function postFixture(baseUrl: string, name: string): Promise<string> {
  const q = (await (await fetch(`${baseUrl}/api/questions/random`, { headers: practiceCookie(baseUrl) })).json()) as { id: string };
  const form = new FormData();
  form.append('questionId', q.id);
  form.append('video', new Blob([readFileSync(fixture(name))], { type: 'video/webm' }), name);
  const res = await fetch(`${baseUrl}/api/answers`, { method: 'POST', body: form, headers: practiceCookie(baseUrl) });
  keepPracticeCookie(baseUrl, res);
  if (res.status !== 202) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** Polls GET /api/answers/:id until done (throws when failed or too slow). */
export async function waitDone(baseUrl: string, id: string, timeoutMs = 120_000): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const answer = (await (await fetch(`${baseUrl}/api/answers/${id}`, { headers: practiceCookie(baseUrl) })).json()) as Record<string, unknown>;
    if (answer.status === 'done') return answer;
    if (answer.status === 'failed') throw new Error(`analysis failed: ${String(answer.error)}`);
    if (Date.now() > until) throw new Error(`analysis not done in time: ${JSON.stringify(answer)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
