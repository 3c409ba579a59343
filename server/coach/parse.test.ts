import { describe, expect, it } from 'vitest';
import { parseCoachReply } from './index.js';
import { toCoachSection } from './schema.js';

const reply = {
  key_points: ['k'], relevance: { addresses_question: false, explanation: 'Talks about hobbies instead.' },
  star: { situation: { present: true, quote: 'Last year, our  team' }, task: { present: false, quote: null }, action: { present: false, quote: '' }, result: { present: true, quote: 'we shipped' } },
  tips: ['a', 'b', 'c'],
};

describe('parseCoachReply', () => {
  it('accepts JSON wrapped in prose or fences', () => {
    const r = parseCoachReply('Here you go:\n```json\n' + JSON.stringify(reply) + '\n```');
    expect(r.ok && r.reply.tips).toEqual(['a', 'b', 'c']);
  });
  it.each([
    ['no json at all', /no JSON object/],
    ['{"key_points": [1,]}', /does not parse/],
    [JSON.stringify({ ...reply, tips: ['a', 'b', 'c', 'd'] }), /tips/],
    [JSON.stringify({ ...reply, tips: ['only one'] }), /tips/],
    [JSON.stringify({ ...reply, star: { situation: reply.star.situation } }), /star\.task/],
  ])('explains what is wrong with %s', (text, problem) => {
    const r = parseCoachReply(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(problem);
  });
});

describe('toCoachSection', () => {
  it('checks each quote against the transcript, ignoring case and spacing', () => {
    const s = toCoachSection(reply, 'Last year our team was late. In the end, we shipped on time.', 'm', 12);
    expect(s.star.situation.quoteInTranscript).toBe(true);
    expect(s.star.result).toEqual({ present: true, quote: 'we shipped', quoteInTranscript: true });
    expect(s.star.action).toEqual({ present: false, quote: null, quoteInTranscript: null });
    expect(s.relevance).toEqual({ addressesQuestion: false, explanation: 'Talks about hobbies instead.' });
    expect(s.timingMs).toBe(12);
  });
});

describe('rewrite and follow-up questions', () => {
  it('carries them into the section, and leaves them empty when the model gives none', () => {
    const withExtras = parseCoachReply(JSON.stringify({ ...reply, rewrite: '  Last year our team was late; I set weekly goals and we shipped on time. ', follow_up_questions: ['What would you do differently?'] }));
    expect(withExtras.ok).toBe(true);
    if (!withExtras.ok) return;
    const s = toCoachSection(withExtras.reply, 'x', 'm', 1);
    expect(s.rewrite).toBe('Last year our team was late; I set weekly goals and we shipped on time.');
    expect(s.followUpQuestions).toEqual(['What would you do differently?']);
    const plain = parseCoachReply(JSON.stringify(reply));
    if (plain.ok) expect(toCoachSection(plain.reply, 'x', 'm', 1)).toMatchObject({ rewrite: null, followUpQuestions: [] });
    const tooMany = parseCoachReply(JSON.stringify({ ...reply, follow_up_questions: ['a', 'b', 'c', 'd'] }));
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) expect(tooMany.problem).toMatch(/follow_up_questions/);
  });
});
