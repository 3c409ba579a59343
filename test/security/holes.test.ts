/**
 * The holes found by attack (issue 11), each shown closed. Run against the code before the fixes, each
 * `it` here failed (see the commit that added it).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { createTestApp, multipart, type TestApp } from '../helpers/app.js';
import { makeVideo } from '../helpers/media.js';
import { type RunningServer, startServer } from '../helpers/server.js';
import { fixture, repoRoot } from '../helpers/fixtures.js';
import { practiceCookie } from '../helpers/http.js';
import { type TusClient, tusClient } from '../helpers/tus.js';
import { browser as practiceBrowser } from '../practice/helpers.js';
import { addCandidate, ADMIN, adminLogin, type Client, createHiringApp, createInterview, type HiringApp, invite, login, reviewerLogin } from '../hiring/helpers.js';

const base = { DATA_DIR: '/tmp/ia-unused' };

describe('settings', () => {
  it('TRUST_PROXY=true is refused; a hop count or proxy addresses are accepted', () => {
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: true would trust any client-set X-Forwarded-For/);
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.2, 192.168.0.0/16' }).TRUST_PROXY).toEqual(['10.0.0.2', '192.168.0.0/16']);
    expect(loadConfig(base).TRUST_PROXY).toBe(false);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'proxy.example.com' })).toThrow(/not addresses: proxy.example.com/);
  });

  it('PUBLIC_URL is required outside development (NODE_ENV=production or a non-loopback HOST)', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/PUBLIC_URL: required when NODE_ENV=production/);
    expect(() => loadConfig({ ...base, HOST: '0.0.0.0' })).toThrow(/PUBLIC_URL: required when HOST=0.0.0.0/);
    expect(loadConfig({ ...base, HOST: '0.0.0.0', PUBLIC_URL: 'https://hire.example.com' }).secureCookies).toBe(true);
    expect(loadConfig(base).secureCookies).toBe(false);
  });

  it('the server exits 2 with a clear message on a bad setting, hiring settings included (no stack trace)', () => {
    for (const [env, message] of [
      [{ TRUST_PROXY: 'true' }, /TRUST_PROXY: true would trust/],
      [{ SESSION_HOURS: 'soon' }, /SESSION_HOURS: /],
      [{ NODE_ENV: 'production' }, /PUBLIC_URL: required/],
      [{ ANALYSIS_ENGINE: 'twelvelabs' }, /TWELVE_LABS_API_KEY is required/], // engine settings too, at start
      [{ LLM_BASE_URL: 'http://127.0.0.1:1/v1' }, /LLM_MODEL is required/], // and the coach's
    ] as const) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'server/main.ts')], { env: { ...process.env, TWELVE_LABS_API_KEY: '', LLM_MODEL: '', DATA_DIR: '/tmp/ia-never-created', ...env }, encoding: 'utf8', timeout: 60_000 });
      expect(r.status, JSON.stringify(env)).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });
});

describe('hiring side', () => {
  let t: HiringApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createHiringApp({ LOGIN_FAILURES_PER_EMAIL: '3', PUBLIC_URL: 'https://hire.example.com' });
    admin = await adminLogin(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('failed sign-ins slow down the attacker\'s address, not the owner signing in from elsewhere; 429 says RATE_LIMITED with Retry-After', async () => {
    const attacker = '203.0.113.7';
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/admin/login', remoteAddress: attacker, payload: { email: ADMIN.email, password: `guess number ${i}` } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/admin/login', remoteAddress: attacker, payload: ADMIN });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const owner = await t.app.inject({ method: 'POST', url: '/api/admin/login', remoteAddress: '198.51.100.20', payload: ADMIN });
    expect(owner.statusCode).toBe(200);
  });

  it('a common password is refused with the reason', async () => {
    const res = await admin.req('POST', '/api/admin/users', { email: 'weak@example.com', name: 'W', role: 'reviewer', password: 'password12' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('WEAK_PASSWORD');
    expect(res.json().message).toMatch(/commonly used password/);
  });

  it('the CSRF token is bound to the session: another session\'s token (or a planted cookie) is refused', async () => {
    const other = await adminLogin(t);
    expect(other.csrf).not.toBe(admin.csrf);
    const payload = { title: 'CSRF probe', questions: [{ questionId: 'q-gen-01' }] };
    const crossed = await t.app.inject({ method: 'POST', url: '/api/admin/interviews', headers: { cookie: `ia_session=${admin.cookie.match(/ia_session=([^;]+)/)![1]}; ia_csrf=${other.csrf}`, 'x-csrf-token': other.csrf }, payload });
    expect(crossed.statusCode).toBe(403);
    expect(crossed.json().code).toBe('CSRF_TOKEN_INVALID');
    const planted = await t.app.inject({ method: 'POST', url: '/api/admin/interviews', headers: { cookie: `ia_session=${admin.cookie.match(/ia_session=([^;]+)/)![1]}; ia_csrf=attacker`, 'x-csrf-token': 'attacker' }, payload });
    expect(planted.statusCode).toBe(403);
    expect((await admin.req('POST', '/api/admin/interviews', payload)).statusCode).toBe(201);
  });

  it('session and practice cookies are Secure when PUBLIC_URL is https, even over plain http to the app', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/login', payload: ADMIN });
    expect(res.cookies.find((c) => c.name === 'ia_session')?.secure).toBe(true);
    expect(res.cookies.find((c) => c.name === 'ia_csrf')?.secure).toBe(true);
    for (const url of ['/api/questions/random', '/get_question']) {
      const practice = await t.app.inject({ method: 'GET', url });
      expect(practice.cookies.length, url).toBeGreaterThan(0);
      for (const c of practice.cookies) expect(c.secure, `${url} ${c.name}`).toBe(true);
    }
  });

  it('invite URLs come from PUBLIC_URL, never from the Host header', async () => {
    const iv = await createInterview(admin);
    const cand = await addCandidate(admin, iv.id);
    const res = await admin.req('POST', `/api/admin/interviews/${iv.id}/candidates/${cand.id}/invites`, {}, { host: 'evil.example.net', 'x-forwarded-host': 'evil.example.net' });
    expect(res.statusCode).toBe(201);
    expect(res.json().url).toMatch(/^https:\/\/hire\.example\.com\/invite\//);
  });

  it('reviewers do not see candidates\' fairness group (list, detail, leaderboard, CSV); admins do', async () => {
    const iv = await createInterview(admin);
    const cand = await addCandidate(admin, iv.id, { name: 'Gina Group', group: 'G-secret' });
    await invite(admin, iv.id, cand.id);
    const reviewer = await reviewerLogin(t, admin, 'rev-group@example.com');
    const urls = [`/api/admin/interviews/${iv.id}/candidates`, `/api/admin/interviews/${iv.id}/candidates/${cand.id}`, `/api/admin/interviews/${iv.id}/leaderboard`, `/api/admin/interviews/${iv.id}/leaderboard.csv`];
    for (const url of urls) {
      const r = await reviewer.req('GET', url);
      expect(r.statusCode, url).toBe(200);
      expect(r.body, url).not.toContain('G-secret');
    }
    expect((await reviewer.req('GET', urls[3]!)).body.split('\r\n')[0]).not.toMatch(/group/);
    for (const url of urls) expect((await admin.req('GET', url)).body, url).toContain('G-secret');
    expect((await login(t, 'rev-group@example.com', 'reviewer password 1')).user.role).toBe('reviewer');
  });
});

describe('questions (practice side)', () => {
  let t: HiringApp;
  let secretId: string;
  const SECRET = 'Secret interview question: describe our unreleased product';
  beforeAll(async () => {
    t = await createHiringApp();
    const admin = await adminLogin(t);
    const iv = await createInterview(admin, { questions: [{ text: SECRET }] });
    secretId = iv.questions[0]!.questionId;
  });
  afterAll(async () => {
    await t?.close();
  });
  const draws = () => t.c.database.db.selectFrom('question_draws').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

  it('interview (hiring) questions are not in the public bank, in random draws, or answerable as practice', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/questions' });
    expect(list.body).not.toContain(SECRET);
    expect(list.json().items.length).toBeGreaterThan(5);
    const bank = list.json().items.length as number;
    let cookie = '';
    for (let i = 0; i < bank + 5; i++) {
      const r = await t.app.inject({ method: 'GET', url: '/api/questions/random', headers: cookie ? { cookie } : {} });
      expect(r.statusCode).toBe(200);
      expect(r.json().id).not.toBe(secretId);
      const set = r.cookies.find((c) => c.name === 'ia_session');
      if (set) cookie = `ia_session=${set.value}`;
    }
    for (let i = 0; i < 20; i++) expect((await t.app.inject({ method: 'GET', url: '/api/questions/random' })).json().id).not.toBe(secretId);
    const { payload, headers } = multipart({ questionId: secretId }, { name: 'a.webm', type: 'video/webm', data: Buffer.from('not really a video') });
    const answer = await t.app.inject({ method: 'POST', url: '/api/answers', payload, headers });
    expect(answer.statusCode).toBe(404);
    expect(answer.json().code).toBe('QUESTION_NOT_FOUND');
  });

  it('cookie-less random draws store nothing; old draws are purged', async () => {
    await t.c.database.db.deleteFrom('question_draws').execute();
    for (let i = 0; i < 30; i++) expect((await t.app.inject({ method: 'GET', url: '/api/questions/random' })).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await t.app.inject({ method: 'GET', url: '/get_question' })).statusCode).toBe(200);
    expect(Number((await draws()).n)).toBe(0);
    // An old draw of another browser, then a draw of an identified browser: the old one is gone.
    await t.c.database.db.insertInto('question_draws').values({ session_id: 'old-browser-session-id-0000', question_id: 'q-gen-01', drawn_at: new Date(Date.now() - 40 * 86_400_000).toISOString() }).execute();
    const first = await t.app.inject({ method: 'GET', url: '/api/questions/random' });
    const cookie = `ia_practice=${first.cookies.find((c) => c.name === 'ia_practice')!.value}`;
    (t.c.questions as unknown as { lastPurge: number }).lastPurge = 0; // the hourly purge is due
    expect((await t.app.inject({ method: 'GET', url: '/api/questions/random', headers: { cookie } })).statusCode).toBe(200);
    const rows = await t.c.database.db.selectFrom('question_draws').select('session_id').execute();
    expect(rows.map((r) => r.session_id)).not.toContain('old-browser-session-id-0000');
    expect(rows).toHaveLength(1); // the identified browser's draw
  });
});

describe('media and disk', () => {
  let t: TestApp;
  let png: string;
  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_RATE_PER_MIN: '1000' }, { worker: false });
    png = await makeVideo(join(t.dataDir, 'photo.png'), ['-f', 'lavfi', '-i', 'color=c=red:size=64x48', '-frames:v', '1']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a PNG named .webm is refused as an image, not a video (API)', async () => {
    const { payload, headers } = multipart({ questionId: 'q-gen-01' }, { name: 'answer.webm', type: 'video/webm', data: await readFile(png) });
    const res = await t.app.inject({ method: 'POST', url: '/api/answers', payload, headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('IMAGE_NOT_VIDEO');
    expect(res.json().message).toMatch(/This is an image \(PNG\), not a video/);
    expect(res.json().message).not.toMatch(/microphone|audio/);
  });

  it('a PNG named .webm is refused as an image by the CLI, with a non-zero exit', async () => {
    const fake = join(t.dataDir, 'answer.webm');
    await (await import('node:fs/promises')).copyFile(png, fake);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'server/cli/main.ts'), 'analyze', fake], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/this is an image \(PNG\), not a video/);
    expect(r.stdout).toBe('');
  });

  it('health reports the database and the disk, and is "ok" only when both are', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', checks: { database: { ok: true }, disk: { ok: true, minFreeMb: 200 } } });
    expect(res.json().checks.disk.freeMb).toBeGreaterThan(200);
  });

  it('at full database storage, sign-in answers 507 with a clear message (not 500), and health says so for the disk', async () => {
    const h = await createHiringApp({ DISK_MIN_FREE_MB: '10000000' });
    try {
      const degraded = await h.app.inject({ method: 'GET', url: '/api/health' });
      expect(degraded.statusCode).toBe(503);
      expect(degraded.json()).toMatchObject({ status: 'degraded', checks: { database: { ok: true }, disk: { ok: false, minFreeMb: 10000000 } } });
      // SQLite refuses to grow past max_page_count with SQLITE_FULL: the database file is full.
      const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(h.c.database.db);
      await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(h.c.database.db);
      let res = await h.app.inject({ method: 'POST', url: '/api/admin/login', payload: ADMIN });
      for (let i = 0; i < 50 && res.statusCode === 200; i++) res = await h.app.inject({ method: 'POST', url: '/api/admin/login', payload: ADMIN }); // until a new page is needed
      expect(res.statusCode).toBe(507);
      expect(res.json().code).toBe('STORAGE_FULL');
      expect(res.json().message).toMatch(/no space left/);
    } finally {
      await sql.raw('pragma max_page_count = 1073741823').execute(h.c.database.db);
      await h.close();
    }
  });

  it('a nearly full disk answers 507 to an upload before receiving it, with no server path in the message', async () => {
    const full = await createTestApp({ DISK_MIN_FREE_MB: '10000000' }, { worker: false });
    try {
      const { payload, headers } = multipart({ questionId: 'q-gen-01' }, { name: 'a.webm', type: 'video/webm', data: await readFile(png) });
      for (const url of ['/api/answers', '/upload']) {
        const res = await full.app.inject({ method: 'POST', url, payload, headers });
        expect(res.statusCode, url).toBe(507);
        expect(res.body, url).toMatch(/almost out of disk space/);
        for (const p of [full.dataDir, tmpdir(), repoRoot]) expect(res.body).not.toContain(p);
      }
      expect(await (await import('node:fs/promises')).readdir(join(full.dataDir, 'tmp'))).toEqual([]);
    } finally {
      await full.close();
    }
  });
});

describe('slow bodies', () => {
  let s: RunningServer;
  beforeAll(async () => {
    s = await startServer({ env: { ANALYSIS_ENGINE: 'quick', BODY_IDLE_TIMEOUT_SEC: '2' } });
  });
  afterAll(async () => {
    await s?.kill();
    await s?.cleanup();
  });

  it('drops an upload whose body goes silent after BODY_IDLE_TIMEOUT_SEC, not REQUEST_TIMEOUT_SEC', async () => {
    const { port } = new URL(s.url);
    const closedAfterMs = await new Promise<number>((resolve, reject) => {
      const sock = connect(Number(port), '127.0.0.1', () => {
        const boundary = 'xx';
        sock.write(`POST /api/answers HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 1000000\r\n\r\n`);
        sock.write(`--${boundary}\r\ncontent-disposition: form-data; name="questionId"\r\n\r\nq-gen-01\r\n--${boundary}\r\ncontent-disposition: form-data; name="video"; filename="a.webm"\r\ncontent-type: video/webm\r\n\r\n`);
        sock.write(Buffer.alloc(1000)); // then silence
      });
      const t0 = Date.now();
      sock.on('close', () => resolve(Date.now() - t0));
      sock.on('data', () => {});
      sock.on('error', () => {});
      setTimeout(() => reject(new Error('connection still open after 30 s')), 30_000).unref();
    });
    expect(closedAfterMs).toBeGreaterThanOrEqual(1_500);
    expect(closedAfterMs).toBeLessThan(15_000);
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
  });
});

describe('analysis budget and fair queue', () => {
  let video2s: Buffer;
  let video40s: Buffer;
  beforeAll(async () => {
    const dir = join(tmpdir(), `ia-budget-${process.pid}`);
    await (await import('node:fs/promises')).mkdir(dir, { recursive: true });
    video2s = await readFile(await makeVideo(join(dir, 'short.mkv'), ['-f', 'lavfi', '-i', 'color=c=blue:size=64x48:rate=5:d=2', '-f', 'lavfi', '-i', 'sine=f=220:r=16000:d=2', '-t', '2', '-c:v', 'mjpeg', '-c:a', 'pcm_s16le']));
    video40s = await readFile(await makeVideo(join(dir, 'long.mkv'), ['-f', 'lavfi', '-i', 'color=c=blue:size=64x48:rate=1:d=40', '-f', 'lavfi', '-i', 'anullsrc=r=8000:cl=mono', '-t', '40', '-c:v', 'mjpeg', '-c:a', 'pcm_mulaw']));
  });
  const upload = (t: TestApp, data: Buffer, ip = '192.0.2.1', url = '/api/answers') => {
    const { payload, headers } = multipart({ questionId: 'q-gen-01' }, { name: 'a.mkv', type: 'video/x-matroska', data });
    return t.app.inject({ method: 'POST', url, payload, headers, remoteAddress: ip });
  };

  it('at most ANALYSIS_MAX_QUEUED answers waiting per client: 429 RATE_LIMITED with Retry-After; another client is not affected', async () => {
    const t = await createTestApp({ ANALYSIS_MAX_QUEUED: '2', UPLOAD_RATE_PER_MIN: '1000' }, { worker: false });
    try {
      expect((await upload(t, video2s)).statusCode).toBe(202);
      expect((await upload(t, video2s)).statusCode).toBe(202);
      const third = await upload(t, video2s);
      expect(third.statusCode).toBe(429);
      expect(third.json()).toMatchObject({ code: 'RATE_LIMITED' });
      expect(third.json().message).toMatch(/2 answer\(s\) waiting for analysis \(the limit is 2\)/);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      expect((await upload(t, video2s, '192.0.2.99')).statusCode).toBe(202);
    } finally {
      await t.close();
    }
  });

  it('at most ANALYSIS_MINUTES_PER_HOUR minutes of media per client and hour, counted from the real duration', async () => {
    const t = await createTestApp({ ANALYSIS_MINUTES_PER_HOUR: '1', UPLOAD_RATE_PER_MIN: '1000' }, { worker: false });
    try {
      expect((await upload(t, video40s)).statusCode).toBe(202);
      const over = await upload(t, video40s);
      expect(over.statusCode).toBe(429);
      expect(over.json().code).toBe('RATE_LIMITED');
      expect(over.json().message).toMatch(/would go over the limit of 1 minute\(s\) of video analysed per hour \(0 min 20 s left\)/);
      // Retry-After: when the first video's minute ages out of the hour window.
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(3500);
      expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(3600);
      expect((await upload(t, video2s)).statusCode).toBe(202); // 42 s of 60: still fits
      expect(await t.c.database.db.selectFrom('answers').select('id').execute()).toHaveLength(2); // the refused one left nothing
    } finally {
      await t.close();
    }
  });

  it('/api/answers and /upload share one request bucket per client', async () => {
    const t = await createTestApp({ UPLOAD_RATE_PER_MIN: '3' }, { worker: false });
    try {
      const codes: number[] = [];
      for (const url of ['/api/answers', '/upload', '/api/answers', '/upload']) {
        const res = await t.app.inject({ method: 'POST', url, remoteAddress: '192.0.2.7', headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--\r\n' });
        codes.push(res.statusCode);
        if (res.statusCode === 429) expect(res.json().code).toBe('RATE_LIMITED');
      }
      expect(codes.slice(0, 3)).not.toContain(429);
      expect(codes[3]).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('the queue is fair across clients: one client\'s 10 waiting answers do not starve another\'s 1', async () => {
    const t = await createTestApp({ ANALYSIS_MAX_QUEUED: '20', UPLOAD_RATE_PER_MIN: '1000' }, { worker: false });
    try {
      const busy: string[] = [];
      for (let i = 0; i < 10; i++) busy.push((await upload(t, video2s, '192.0.2.10')).json().id);
      const other = (await upload(t, video2s, '192.0.2.20')).json().id as string;
      const order: string[] = [];
      await new Promise<void>((resolve) => {
        t.c.queue.start(
          async (job) => {
            order.push(job.answerId);
            if (order.length === 11) resolve();
          },
          { concurrency: 1 },
        );
      });
      expect(order.indexOf(other)).toBeLessThanOrEqual(1);
      expect(new Set(order)).toEqual(new Set([...busy, other]));
    } finally {
      await t.close();
    }
  });
});

/**
 * Resumable uploads (tus) used to be bound to nobody until submit: whoever learnt an upload id could HEAD, PATCH,
 * DELETE, follow or submit it. Now each upload belongs to the practice owner who created it; another browser (a
 * second cookie jar) and a browser without an identity get the same 404 as an upload that does not exist, on every
 * upload route (invite uploads: test/hiring/invite-uploads.test.ts).
 */
describe('resumable uploads belong to their creator', () => {
  let t: TestApp;
  let base: string;
  let tus: TusClient;
  const alice = practiceCookie(); // this test process's practice owner
  const mallory = { cookie: `ia_practice=${randomBytes(32).toString('base64url')}` }; // another browser
  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_RATE_PER_MIN: '1000' }, { worker: false });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    tus = tusClient(base);
  });
  afterAll(async () => {
    await t?.close();
  });

  const submit = (id: string, headers: Record<string, string>) =>
    fetch(`${base}/api/uploads/${id}/submit`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ questionId: 'q-gen-01' }) });
  const events = (id: string, headers: Record<string, string>) => fetch(`${base}/api/uploads/${id}/events`, { headers });

  it('another browser, or none, gets 404 on HEAD, PATCH, DELETE, events and submit, exactly as for an unknown id', async () => {
    const video = await readFile(fixture('short.webm'));
    const created = await tus.create('/api/uploads', undefined, alice);
    expect(created.status).toBe(201);
    const url = created.headers.get('location')!;
    const id = url.split('/').pop()!;
    expect((await tus.patch(url, 0, video.subarray(0, 20_000), { headers: alice })).status).toBe(204);

    const none = 'f'.repeat(32);
    const routes: Array<[string, (id: string, h: Record<string, string>) => Promise<Response>]> = [
      ['HEAD', (x, h) => tus.head(`/api/uploads/${x}`, h)],
      ['PATCH', (x, h) => tus.patch(`/api/uploads/${x}`, 20_000, video.subarray(20_000, 30_000), { headers: h })],
      ['DELETE', (x, h) => tus.del(`/api/uploads/${x}`, h)],
      ['events', events],
      ['submit', submit],
    ];
    for (const who of [mallory, {}]) {
      for (const [name, call] of routes) {
        const theirs = await call(id, who);
        const unknown = await call(none, who);
        expect(theirs.status, `${name} ${JSON.stringify(who)}`).toBe(404);
        expect(unknown.status, name).toBe(404);
        expect((await theirs.text()).replace(id, 'ID'), name).toBe((await unknown.text()).replace(none, 'ID'));
      }
    }
    // an id that is a path never reaches the store
    expect((await tus.head('/api/uploads/..%2F..%2Fuploads', alice)).status).toBe(404);
    // the creator's upload is untouched and still theirs: resume, then finish and submit
    const head = await tus.head(url, alice);
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe('20000');
    const ev = await events(id, alice);
    expect(ev.status).toBe(200);
    await ev.body?.cancel();
    const r = await tus.patch(url, 20_000, video.subarray(20_000), { length: video.length, headers: alice });
    expect(r.status).toBe(204);
    expect(Number(r.headers.get('upload-offset'))).toBe(video.length);
    expect((await submit(id, mallory)).status).toBe(404); // complete, still not theirs
    const ok = await submit(id, alice);
    expect(ok.status).toBe(202);
  });

  it('a signed-in owner\'s upload needs the CSRF token to change and is theirs alone (anonymous identities get 404)', async () => {
    const carol = practiceBrowser(t);
    expect((await carol.req('POST', '/api/account/signup', { email: 'carol.uploads@example.com', password: 'carol practice 2026', name: 'Carol' })).statusCode).toBe(201);
    const cookie = Object.entries(carol.jar)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const csrf = { cookie, 'x-csrf-token': carol.jar.ia_csrf! };
    expect((await tus.create('/api/uploads', undefined, { cookie })).status).toBe(403); // no CSRF token
    const created = await tus.create('/api/uploads', undefined, csrf);
    expect(created.status).toBe(201);
    const url = created.headers.get('location')!;
    expect((await tus.head(url, { cookie })).status).toBe(200);
    expect((await tus.patch(url, 0, new Uint8Array(100), { headers: { cookie } })).status).toBe(403);
    expect((await tus.patch(url, 0, new Uint8Array(100), { headers: csrf })).status).toBe(204);
    for (const other of [alice, mallory]) expect((await tus.head(url, other)).status).toBe(404);
    expect((await tus.del(url, csrf)).status).toBe(204);
  });

  it('a browser without an identity gets one when it creates an upload, and only that identity can use it', async () => {
    const created = await tus.create('/api/uploads');
    expect(created.status).toBe(201);
    const cookie = /^ia_practice=[^;]+/.exec(created.headers.getSetCookie().find((c) => c.startsWith('ia_practice=')) ?? '')?.[0];
    expect(cookie).toBeTruthy();
    const url = created.headers.get('location')!;
    expect((await tus.head(url, { cookie: cookie! })).status).toBe(200);
    expect((await tus.head(url, alice)).status).toBe(404);
    expect((await tus.head(url)).status).toBe(404);
  });
});
