import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../server/features/candidates/purge.js';
import { verifyPassword } from '../../server/features/auth/password.js';
import { migrateToLatest, openSqlite } from '../../server/db/database.js';
import { repoRoot } from '../helpers/fixtures.js';
import { adminLogin, type Client, createHiringApp, createInterview, type HiringApp, reviewerLogin } from './helpers.js';
import { candidateAnswers } from './flow.js';

let t: HiringApp;
let admin: Client;
beforeAll(async () => {
  t = await createHiringApp({ RETENTION_DAYS: '30' }, { worker: true });
  admin = await adminLogin(t);
});
afterAll(() => t.close());

const mediaDir = (answerId: string) => join(t.dataDir, 'media', 'answers', answerId);
const count = async (table: 'answers' | 'reviews' | 'candidates' | 'invites' | 'decisions' | 'candidate_answers' | 'jobs' | 'review_comments' | 'webhook_deliveries' | 'mail_outbox', ids: string[], col = 'answer_id') =>
  (await t.c.database.db.selectFrom(table).select(col as never).where(col as never, 'in', ids as never).execute()).length;

describe('deleting a candidate', () => {
  it('removes their videos from disk and every answer, report, review and decision from the database', async () => {
    const iv = await createInterview(admin);
    const reviewer = await reviewerLogin(t, admin);
    const cand = await candidateAnswers(t, admin, iv.id, { name: 'Erase Me', email: 'erase@example.com' });
    const keep = await candidateAnswers(t, admin, iv.id, { name: 'Keep Me', email: 'keep@example.com' });
    await reviewer.req('PUT', `/api/admin/interviews/${iv.id}/candidates/${cand.id}/answers/${cand.answerIds[0]}/review`, { ratings: { relevance: 3 } });
    await reviewer.req('POST', `/api/admin/interviews/${iv.id}/candidates/${cand.id}/answers/${cand.answerIds[0]}/overrides`, { metric: 'clarity', value: 50, reason: 'r' });
    await reviewer.req('POST', `/api/admin/interviews/${iv.id}/candidates/${cand.id}/answers/${cand.answerIds[0]}/comments`, { atSec: 1, text: 'note' });
    // a webhook delivery carries the candidate's name and email
    await admin.req('POST', '/api/admin/webhooks', { url: 'http://127.0.0.1:9/unreachable' });
    await admin.req('POST', `/api/admin/interviews/${iv.id}/candidates/${cand.id}/decision`, { decision: 'rejected' });
    const deliveries = await t.c.database.db.selectFrom('webhook_deliveries').select('payload_json').where('candidate_id', '=', cand.id).execute();
    expect(deliveries.map((d) => d.payload_json).join()).toContain('erase@example.com');
    for (const a of cand.answerIds) expect((await readdir(mediaDir(a))).length).toBe(1);

    expect((await admin.req('DELETE', `/api/admin/interviews/${iv.id}/candidates/${cand.id}`)).statusCode).toBe(204);
    for (const a of cand.answerIds) expect(existsSync(mediaDir(a))).toBe(false);
    expect(await count('answers', cand.answerIds, 'id')).toBe(0);
    expect(await count('jobs', cand.answerIds)).toBe(0);
    expect(await count('reviews', cand.answerIds)).toBe(0);
    expect(await count('candidate_answers', cand.answerIds)).toBe(0);
    expect(await t.c.database.db.selectFrom('score_overrides').select('id').where('answer_id', 'in', cand.answerIds).execute()).toHaveLength(0);
    expect(await count('candidates', [cand.id], 'id')).toBe(0);
    expect(await count('invites', [cand.id], 'candidate_id')).toBe(0);
    expect(await count('decisions', [cand.id], 'candidate_id')).toBe(0);
    expect(await count('review_comments', cand.answerIds)).toBe(0);
    expect(await count('webhook_deliveries', [cand.id], 'candidate_id')).toBe(0);
    expect(await count('mail_outbox', [cand.id], 'candidate_id')).toBe(0);
    // the other candidate is untouched
    for (const a of keep.answerIds) expect(existsSync(mediaDir(a))).toBe(true);
    const audit = (await admin.req('GET', '/api/admin/audit?action=candidate.delete')).json().items[0];
    expect(audit).toMatchObject({ userEmail: 'admin@example.com', targetId: cand.id });
    expect(audit.detail).not.toContain('erase@example.com');
  });
});

describe('retention purge', () => {
  it('erases candidates older than their retention period (interview setting, else RETENTION_DAYS) and nothing else', async () => {
    const byDefault = await createInterview(admin, { title: 'default retention' });
    const short = await createInterview(admin, { title: 'short retention', retentionDays: 7 });
    const old = await candidateAnswers(t, admin, byDefault.id, { name: 'Old', email: 'old@example.com' });
    const recent = await candidateAnswers(t, admin, byDefault.id, { name: 'Recent', email: 'recent@example.com' });
    const shortOld = await candidateAnswers(t, admin, short.id, { name: 'Ten days', email: 'ten@example.com' });
    const now = new Date();
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
    const db = t.c.database.db;
    await db.updateTable('candidates').set({ created_at: daysAgo(31) }).where('id', '=', old.id).execute();
    await db.updateTable('candidates').set({ created_at: daysAgo(10) }).where('id', 'in', [recent.id, shortOld.id]).execute();

    const result = await purgeExpired(t.c, now);
    expect(result).toEqual({ candidates: 2, answers: 4 });
    for (const a of [...old.answerIds, ...shortOld.answerIds]) expect(existsSync(mediaDir(a))).toBe(false);
    for (const a of recent.answerIds) expect(existsSync(mediaDir(a))).toBe(true);
    expect((await db.selectFrom('candidates').select('id').where('id', 'in', [old.id, recent.id, shortOld.id]).execute()).map((r) => r.id)).toEqual([recent.id]);
    expect(await db.selectFrom('answers').select('id').where('id', 'in', [...old.answerIds, ...shortOld.answerIds]).execute()).toHaveLength(0);
    const purges = await db.selectFrom('audit_log').selectAll().where('action', '=', 'candidate.purge').execute();
    expect(purges.map((p) => p.target_id).sort()).toEqual([old.id, shortOld.id].sort());
    // running again finds nothing
    expect(await purgeExpired(t.c, now)).toEqual({ candidates: 0, answers: 0 });
  });
});

describe('create-admin command', () => {
  it('creates an admin with the password from stdin', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ia-cli-'));
    try {
      const run = promisify(execFile);
      const child = run(join(repoRoot, 'node_modules/.bin/tsx'), ['server/cli/admin.ts', 'create-admin', '--email', 'Cli@Example.com', '--password-stdin'], { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir } });
      child.child.stdin!.end('cli password 123\n');
      const { stdout } = await child;
      expect(stdout).toMatch(/created admin cli@example.com/);
      const database = openSqlite(join(dataDir, 'interview-analyzer.sqlite'));
      await migrateToLatest(database.db);
      const u = await database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      await database.close();
      expect(u).toMatchObject({ email: 'cli@example.com', role: 'admin', active: 1 });
      expect(await verifyPassword('cli password 123', u.password_hash)).toBe(true);
      const bad = await run(join(repoRoot, 'node_modules/.bin/tsx'), ['server/cli/admin.ts', 'create-admin'], { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir } }).catch((e: { code: number; stderr: string }) => e);
      expect(bad).toMatchObject({ code: 64, stderr: expect.stringMatching(/usage:/) });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
