import { expect, it } from 'vitest';
import { parseArgs } from './args.js';

it('reads the question type and job description file for the content analysis', () => {
  expect(parseArgs(['analyze', 'a.webm'])).toMatchObject({ questionType: 'general', jobFile: null });
  expect(parseArgs(['analyze', 'a.webm', '--question-type', 'behavioural', '--job', 'jd.txt'])).toMatchObject({ questionType: 'behavioural', jobFile: 'jd.txt' });
  expect(parseArgs(['analyze', 'a.webm', '--question-type', 'riddle'])).toEqual({ error: '--question-type must be one of behavioural, situational, technical, motivation, general (got "riddle")' });
  expect(parseArgs(['analyze', 'a.webm', '--job'])).toEqual({ error: '--job needs a value' });
});
