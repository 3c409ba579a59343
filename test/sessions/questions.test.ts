/** The question bank (types, roles, filters), a practice user's own questions and question sets: real app, real SQLite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionRoles, questionTypes } from '../../contracts/questions.js';
import { seedQuestions } from '../../server/features/questions/seed.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { worker: false });
});
afterAll(() => t.close());

/** A browser: keeps the practice cookie it was given. */
function browser() {
  const jar: Record<string, string> = {};
  return async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const res = await t.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}), cookies: { ...jar } });
    for (const c of res.cookies) jar[c.name] = c.value;
    return res;
  };
}

describe('question bank', () => {
  it('has at least 150 distinct questions, each with a category, a known type and roles; every role has at least 12 of its own', () => {
    expect(seedQuestions.length).toBeGreaterThanOrEqual(150);
    expect(new Set(seedQuestions.map((q) => q.id)).size).toBe(seedQuestions.length);
    expect(new Set(seedQuestions.map((q) => q.text.toLowerCase())).size).toBe(seedQuestions.length);
    for (const q of seedQuestions) {
      expect(questionTypes).toContain(q.type);
      expect(q.roles.length).toBeGreaterThan(0);
      for (const r of q.roles) expect(questionRoles).toContain(r);
      expect(q.text).toMatch(/[.?]$/);
    }
    for (const role of questionRoles.filter((r) => r !== 'any')) expect(seedQuestions.filter((q) => q.roles.includes(role)).length).toBeGreaterThanOrEqual(12);
    for (const type of questionTypes) expect(seedQuestions.filter((q) => q.type === type).length).toBeGreaterThanOrEqual(5);
  });

  it('serves type, roles and origin with every question and filters by category, type and role', async () => {
    const b = browser();
    const all = (await b('GET', '/api/questions')).json().items as Array<{ id: string; type: string; roles: string[]; category: string; origin: string }>;
    expect(all).toHaveLength(seedQuestions.length);
    expect(all.find((q) => q.id === 'q-beh-01')).toEqual({ id: 'q-beh-01', text: expect.any(String), category: 'behavioral', type: 'behavioural', roles: ['any'], origin: 'bank' });

    const nurse = (await b('GET', '/api/questions?role=nurse')).json().items as typeof all;
    expect(nurse.length).toBe(seedQuestions.filter((q) => q.roles.includes('nurse') || q.roles.includes('any')).length);
    expect(nurse.every((q) => q.roles.includes('nurse') || q.roles.includes('any'))).toBe(true);
    expect(nurse.some((q) => q.roles.includes('sales'))).toBe(false);

    const techSwe = (await b('GET', '/api/questions?role=software-engineer&type=technical')).json().items as typeof all;
    expect(techSwe.length).toBeGreaterThanOrEqual(5);
    expect(techSwe.every((q) => q.type === 'technical')).toBe(true);

    const cats = (await b('GET', '/api/questions?category=teamwork,leadership')).json().items as typeof all;
    expect(new Set(cats.map((q) => q.category))).toEqual(new Set(['teamwork', 'leadership']));

    const facets = (await b('GET', '/api/questions/facets')).json();
    expect(facets.roles.find((r: { id: string }) => r.id === 'nurse')).toEqual({ id: 'nurse', label: 'Nurse', count: seedQuestions.filter((q) => q.roles.includes('nurse')).length });
    expect(facets.types.reduce((n: number, x: { count: number }) => n + x.count, 0)).toBe(seedQuestions.length);
  });

  it('answers bad filters with a 400 naming the field', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/questions?type=riddle' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/type/);
    const badRole = await t.app.inject({ method: 'GET', url: '/api/questions?role=astronaut' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().message).toMatch(/role/);
  });

  it('never puts the hiring team\'s questions into practice lists or draws', async () => {
    await t.c.database.db.insertInto('questions').values({ id: 'hiring-q', text: 'A hiring-only question?', category: 'custom', source: 'custom', created_at: new Date().toISOString() }).execute();
    const b = browser();
    const all = (await b('GET', '/api/questions')).json().items as Array<{ id: string }>;
    expect(all.map((q) => q.id)).not.toContain('hiring-q');
    const drawn = new Set<string>();
    for (let i = 0; i < seedQuestions.length + 2; i++) drawn.add((await b('GET', '/api/questions/random')).json().id);
    expect(drawn.has('hiring-q')).toBe(false);
    expect(drawn.size).toBe(seedQuestions.length);
  });

  it('re-seeding keeps the bank as it is (idempotent) and never touches other rows', async () => {
    const before = await t.c.database.db.selectFrom('questions').selectAll().orderBy('id').execute();
    await new (await import('../../server/features/questions/question.repository.js')).QuestionRepository(t.c.database.db).seed();
    const after = await t.c.database.db.selectFrom('questions').selectAll().orderBy('id').execute();
    expect(after).toEqual(before);
  });
});

describe('own questions and question sets', () => {
  it('lets a practice user create, edit and delete their own questions, which only they see and draw', async () => {
    const alice = browser();
    const bob = browser();
    const created = await alice('POST', '/api/questions', { text: 'How would you explain our product to my grandmother?', category: 'Pitching', type: 'situational', roles: ['sales'] });
    expect(created.statusCode).toBe(201);
    const q = created.json();
    expect(q).toMatchObject({ text: 'How would you explain our product to my grandmother?', category: 'pitching', type: 'situational', roles: ['sales'], origin: 'own' });

    expect(((await alice('GET', '/api/questions?origin=own')).json().items as Array<{ id: string }>).map((x) => x.id)).toEqual([q.id]);
    expect(((await alice('GET', '/api/questions?role=sales')).json().items as Array<{ id: string }>).map((x) => x.id)).toContain(q.id);
    expect((await bob('GET', '/api/questions?origin=own')).json().items).toEqual([]);
    expect(((await bob('GET', '/api/questions')).json().items as Array<{ id: string }>).map((x) => x.id)).not.toContain(q.id);
    // Bob can neither change nor delete it: 404, as if it did not exist.
    expect((await bob('PATCH', `/api/questions/${q.id}`, { text: 'Hijacked question text here?' })).statusCode).toBe(404);
    expect((await bob('DELETE', `/api/questions/${q.id}`)).statusCode).toBe(404);
    // Bank questions cannot be edited through this route either.
    expect((await alice('PATCH', '/api/questions/q-gen-01', { text: 'Tell me everything about yourself.' })).statusCode).toBe(404);

    const edited = await alice('PATCH', `/api/questions/${q.id}`, { type: 'behavioural' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id: q.id, type: 'behavioural', text: q.text });

    // Alice's draws include her question: draw the whole pool once.
    const drawn = new Set<string>();
    for (let i = 0; i < seedQuestions.length + 1; i++) drawn.add((await alice('GET', '/api/questions/random')).json().id);
    expect(drawn.has(q.id)).toBe(true);

    expect((await alice('DELETE', `/api/questions/${q.id}`)).statusCode).toBe(204);
    expect((await alice('GET', '/api/questions?origin=own')).json().items).toEqual([]);
  });

  it('rejects bad own questions with a 400 naming the problem', async () => {
    const a = browser();
    const short = await a('POST', '/api/questions', { text: 'Why?' });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toMatch(/at least 10 characters/);
    const badType = await a('POST', '/api/questions', { text: 'A perfectly fine question?', type: 'trick' });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().message).toMatch(/type/);
  });

  it('keeps question sets per owner, in order, with bank and own questions; rejects questions the owner cannot use', async () => {
    const alice = browser();
    const bob = browser();
    const own = (await alice('POST', '/api/questions', { text: 'What would you change in your first 90 days?' })).json();
    const bobsOwn = (await bob('POST', '/api/questions', { text: 'Bob only: what is your favourite bug?' })).json();

    const res = await alice('POST', '/api/question-sets', { name: 'Final round', questionIds: [own.id, 'q-gen-01', 'q-beh-02'] });
    expect(res.statusCode).toBe(201);
    const set = res.json();
    expect(set.name).toBe('Final round');
    expect(set.questions.map((q: { id: string }) => q.id)).toEqual([own.id, 'q-gen-01', 'q-beh-02']);

    expect((await bob('GET', `/api/question-sets/${set.id}`)).statusCode).toBe(404);
    expect((await bob('GET', '/api/question-sets')).json().items).toEqual([]);
    expect((await bob('PATCH', `/api/question-sets/${set.id}`, { name: 'mine now' })).statusCode).toBe(404);
    expect((await bob('DELETE', `/api/question-sets/${set.id}`)).statusCode).toBe(404);

    const stolen = await alice('POST', '/api/question-sets', { name: 'x', questionIds: [bobsOwn.id] });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().code).toBe('UNKNOWN_QUESTION');
    const dup = await alice('POST', '/api/question-sets', { name: 'x', questionIds: ['q-gen-01', 'q-gen-01'] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().code).toBe('DUPLICATE_QUESTION');
    const empty = await alice('POST', '/api/question-sets', { name: 'x', questionIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/at least one question/);

    const patched = await alice('PATCH', `/api/question-sets/${set.id}`, { name: 'Final round v2', questionIds: ['q-beh-02', own.id] });
    expect(patched.json()).toMatchObject({ name: 'Final round v2', questions: [{ id: 'q-beh-02' }, { id: own.id }] });
    // Deleting an own question removes it from the set; the set stays.
    await alice('DELETE', `/api/questions/${own.id}`);
    expect(((await alice('GET', `/api/question-sets/${set.id}`)).json().questions as Array<{ id: string }>).map((q) => q.id)).toEqual(['q-beh-02']);
    expect((await alice('DELETE', `/api/question-sets/${set.id}`)).statusCode).toBe(204);
    expect((await alice('GET', `/api/question-sets/${set.id}`)).statusCode).toBe(404);
  });
});
