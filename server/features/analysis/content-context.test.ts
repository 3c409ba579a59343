import { expect, it } from 'vitest';
import { questionTypeOf } from './content-context.js';

it("uses the bank's question type, else guesses it from the category, else 'general'", () => {
  expect(questionTypeOf({ type: 'technical', category: 'behavioral' })).toBe('technical');
  expect(questionTypeOf({ type: null, category: 'behavioral' })).toBe('behavioural');
  expect(questionTypeOf({ category: 'Teamwork' })).toBe('behavioural');
  expect(questionTypeOf({ category: 'career' })).toBe('motivation');
  expect(questionTypeOf({ type: 'riddle', category: 'general' })).toBe('general');
  expect(questionTypeOf(undefined)).toBe('general');
});
