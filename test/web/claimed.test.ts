import { describe, expect, it } from 'vitest';
import { claimedText } from '../../web/src/lib/claimed.js';

describe('claimedText', () => {
  it('names each kind of work claimed, and says nothing when nothing was', () => {
    const none = { answers: 0, questions: 0, questionSets: 0, mockSessions: 0 };
    expect(claimedText(none)).toBe('');
    expect(claimedText({ ...none, answers: 1 })).toBe('1 answer(s) recorded in this browser are now in your account.');
    expect(claimedText({ ...none, answers: 2, mockSessions: 1 })).toBe('2 answer(s) and 1 mock interview(s) recorded in this browser are now in your account.');
    expect(claimedText({ answers: 3, questions: 2, questionSets: 1, mockSessions: 1 })).toBe(
      '3 answer(s), 2 own question(s), 1 question set(s) and 1 mock interview(s) recorded in this browser are now in your account.',
    );
  });
});
