import { describe, expect, it } from 'vitest';
import { keyOf, parseRubric } from '../../web/src/admin/rubricText.js';

describe('parseRubric', () => {
  it('reads one criterion per line with five levels', () => {
    expect(parseRubric('System design: none | sketch | workable | sound | excellent\n\nTrade-offs: a|b|c|d|e')).toEqual({
      rubric: [
        { key: 'systemDesign', label: 'System design', anchors: ['none', 'sketch', 'workable', 'sound', 'excellent'] },
        { key: 'tradeOffs', label: 'Trade-offs', anchors: ['a', 'b', 'c', 'd', 'e'] },
      ],
    });
  });
  it('names the problem', () => {
    expect(parseRubric('')).toEqual({ error: 'Write at least one criterion, or leave the rubric off.' });
    expect(parseRubric('no colon here')).toEqual({ error: 'Line 1: start with the criterion\u2019s name and a colon, e.g. "Design: ...".'.replace('\u2019', "'") });
    expect(parseRubric('Design: a | b | c | d')).toEqual({ error: 'Line 1 (Design): describe all five levels, separated by |.' });
    expect(parseRubric('Design: a|b|c|d|e\ndesign: a|b|c|d|e')).toEqual({ error: 'Line 2: "design" appears twice.' });
  });
  it('makes keys the server accepts', () => {
    expect(keyOf('2nd round')).toBe('c2ndRound');
    expect(keyOf('Communication')).toBe('communication');
  });
});
