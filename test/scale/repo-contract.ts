/** The answers and questions repositories behave the same on every database (SQLite, Postgres). */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { AnswerRepository, type NewAnswer } from '../../server/features/answers/answer.repository.js';
import { QuestionRepository } from '../../server/features/questions/question.repository.js';
import { seedQuestions } from '../../server/features/questions/seed.js';
import { MockSessionRepository } from '../../server/features/sessions/session.repository.js';

const newAnswer = (over: Partial<NewAnswer> = {}): NewAnswer => ({
  id: randomUUID(),
  questionId: 'q-gen-01',
  questionText: 'Tell me about yourself.',
  mediaKey: 'answers/x/answer.webm',
  mime: 'video/webm',
  sizeBytes: 123_456,
  durationSec: 42.5,
  hasAudio: true,
  hasVideo: false,
  engine: 'quick',
  scope: 'practice',
  ...over,
});

/** `open` gives a migrated, empty database. */
export function repoContract(name: string, open: () => Promise<Database>): void {
  describe(`repositories on ${name}`, () => {
    let database: Database;
    let answers: AnswerRepository;
    let questions: QuestionRepository;

    beforeAll(async () => {
      database = await open();
      answers = new AnswerRepository(database.db);
      questions = new QuestionRepository(database.db);
      await questions.seed();
    });
    afterAll(async () => {
      await database.close();
    });

    it('seeds the question bank once (a second seed changes nothing) and lists it by category then id', async () => {
      await questions.seed();
      const list = await questions.list();
      expect(list).toHaveLength(seedQuestions.length);
      const sorted = [...list].sort((a, b) => (a.category === b.category ? (a.id < b.id ? -1 : 1) : a.category < b.category ? -1 : 1));
      expect(list).toEqual(sorted);
      expect(await questions.get('q-gen-01')).toEqual({ id: 'q-gen-01', text: 'Tell me about yourself.', category: 'general', type: 'general', roles: ['any'], origin: 'bank' });
      expect(await questions.get('nope')).toBeUndefined();
    });

    it('records draws per session, idempotently, and resets them', async () => {
      const s = `s-${randomUUID()}`;
      await questions.recordDraw(s, 'q-gen-01');
      await questions.recordDraw(s, 'q-gen-01');
      await questions.recordDraw(s, 'q-gen-02');
      const undrawn = await questions.undrawn(s);
      expect(undrawn).toHaveLength(seedQuestions.length - 2);
      expect(undrawn.map((q) => q.id)).not.toContain('q-gen-01');
      expect(await questions.undrawn(`s-${randomUUID()}`)).toHaveLength(seedQuestions.length);
      await questions.resetDraws(s);
      expect(await questions.undrawn(s)).toHaveLength(seedQuestions.length);
    });

    it('creates an answer and reads it back with the same types (numbers stay numbers)', async () => {
      const a = newAnswer();
      await answers.create(a);
      const row = await answers.get(a.id);
      expect(row).toMatchObject({ id: a.id, question_id: 'q-gen-01', status: 'queued', stage: 'queued', progress: 0, size_bytes: 123_456, duration_sec: 42.5, has_audio: 1, has_video: 0, engine: 'quick', scope: 'practice', report_json: null, error: null });
      expect(typeof row!.progress).toBe('number');
      expect(await answers.get(randomUUID())).toBeUndefined();
    });

    it('updates state, progress, error and report', async () => {
      const a = newAnswer();
      await answers.create(a);
      await answers.setState(a.id, { status: 'processing', stage: 'transcribing', progress: 0.25 });
      expect(await answers.get(a.id)).toMatchObject({ status: 'processing', stage: 'transcribing', progress: 0.25, error: null });
      await answers.setState(a.id, { status: 'failed', stage: 'failed', progress: 0, error: 'no audio track' });
      expect(await answers.get(a.id)).toMatchObject({ status: 'failed', error: 'no audio track' });
      const report = JSON.stringify({ version: 1, text: 'ünïcødé “quotes” 🎤' });
      await answers.setState(a.id, { status: 'done', stage: 'done', progress: 1, error: null, reportJson: report });
      expect(await answers.get(a.id)).toMatchObject({ status: 'done', progress: 1, error: null, report_json: report });
    });

    it('lists one scope, newest first, with limit and offset; finds unfinished answers', async () => {
      const scope = 'candidate' as const;
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const a = newAnswer({ scope });
        ids.push(a.id);
        await answers.create(a);
        await new Promise((r) => setTimeout(r, 3)); // distinct created_at
      }
      const listed = await answers.list(scope, 10);
      expect(listed.map((r) => r.id)).toEqual([...ids].reverse());
      expect((await answers.list(scope, 1, 1)).map((r) => r.id)).toEqual([ids[1]]);
      expect((await answers.list('practice', 100)).every((r) => r.scope === 'practice')).toBe(true);
      await answers.setState(ids[0]!, { status: 'done', stage: 'done', progress: 1 });
      await answers.setState(ids[1]!, { status: 'processing', stage: 'x', progress: 0.5 });
      const unfinished = (await answers.unfinished()).map((r) => r.id);
      expect(unfinished).toContain(ids[1]);
      expect(unfinished).toContain(ids[2]);
      expect(unfinished).not.toContain(ids[0]);
    });

    it('deletes an answer with its jobs (cascade), and says whether it existed', async () => {
      const a = newAnswer();
      await answers.create(a);
      const now = new Date().toISOString();
      await database.db.insertInto('jobs').values({ id: randomUUID(), answer_id: a.id, kind: 'analyze', status: 'queued', max_attempts: 3, run_after: now, locked_by: null, locked_until: null, last_error: null, created_at: now, updated_at: now }).execute();
      expect(await answers.delete(a.id)).toBe(true);
      expect(await answers.delete(a.id)).toBe(false);
      expect(await database.db.selectFrom('jobs').select('id').where('answer_id', '=', a.id).execute()).toEqual([]);
    });

    it('keeps an answer when its question is deleted (question_id set to null)', async () => {
      const qid = `q-${randomUUID()}`;
      await database.db.insertInto('questions').values({ id: qid, text: 'custom?', category: 'general', source: 'custom', created_at: new Date().toISOString() }).execute();
      const a = newAnswer({ questionId: qid, questionText: 'custom?' });
      await answers.create(a);
      await database.db.deleteFrom('questions').where('id', '=', qid).execute();
      expect(await answers.get(a.id)).toMatchObject({ question_id: null, question_text: 'custom?' });
    });

    it('keeps own questions per owner, filters by role, and stores mock interview sessions with their answers', async () => {
      const owner = `o-${randomUUID()}`;
      const qid = `own-${randomUUID()}`;
      await questions.createOwn(owner, { id: qid, text: 'My own nursing question?', category: 'own', type: 'situational', roles: ['nurse'] });
      expect((await questions.list(owner, { role: 'nurse', origin: 'own' })).map((q) => q.id)).toEqual([qid]);
      expect(await questions.list(`x-${owner}`, { origin: 'own' })).toEqual([]);
      expect((await questions.list(owner, { role: 'nurse' })).length).toBe(seedQuestions.filter((q) => q.roles.includes('nurse') || q.roles.includes('any')).length + 1);
      expect(await questions.updateOwn(`x-${owner}`, qid, { text: 'stolen' })).toBe(false);

      const sessions = new MockSessionRepository(database.db);
      const sid = randomUUID();
      const now = new Date().toISOString();
      await sessions.create(
        { id: sid, owner, role: 'nurse', categories: '[]', set_id: null, job_description: 'Ward nurse', think_time_sec: 30, answer_time_sec: 120, extra_time_pct: 25, audio_only: 0, created_at: now, updated_at: now },
        [1, 2, 3].map((position) => ({ session_id: sid, position, question_id: position === 1 ? qid : 'q-gen-01', question_text: 'Q', question_type: 'situational', category: 'own', answer_id: null, answered_at: null })),
      );
      const a = newAnswer();
      await answers.create(a);
      expect(await sessions.attachAnswer(sid, 1, a.id)).toBe(true);
      expect(await sessions.attachAnswer(sid, 9, a.id)).toBe(false);
      const listed = await sessions.list(owner, 10);
      expect(listed.map((r) => ({ id: r.id, total: Number(r.total), answered: Number(r.answered), extra: r.extra_time_pct }))).toEqual([{ id: sid, total: 3, answered: 1, extra: 25 }]);
      expect(await sessions.analysisContext(a.id)).toEqual({ job_description: 'Ward nurse', question_type: 'situational' });
      expect(await sessions.recentQuestionIds(owner, 5)).toEqual(new Set([qid, 'q-gen-01']));
      expect(await sessions.recentQuestionIds(`x-${owner}`, 5)).toEqual(new Set());
      expect(await sessions.get(`x-${owner}`, sid)).toBeUndefined();
      // Deleting the answer keeps the session item (answer_id set to null); deleting the session removes its items.
      await answers.delete(a.id);
      expect((await sessions.items(sid))[0]).toMatchObject({ position: 1, answer_id: null });
      expect(await sessions.delete(owner, sid)).toBe(true);
      expect(await sessions.items(sid)).toEqual([]);
      expect(await questions.deleteOwn(owner, qid)).toBe(true);
    });
  });
}
