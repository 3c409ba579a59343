import { describe, expect, it } from 'vitest';
import type { Word } from '../report.js';
import { analyzeContent } from './index.js';
import { keySentences } from './keySentences.js';
import { answerLength } from './length.js';
import { jobTerms, questionTerms, relevance } from './relevance.js';
import { transcriptGate } from './reliability.js';
import { starStructure } from './star.js';
import { talkingPoints } from './talkingPoints.js';
import { sentences } from './words.js';

/** Words at 2.5 words/s, 0.3 s each, with a 0.8 s gap between sentences (no punctuation, like pocketsphinx). */
function spoken(sents: string[], start = 1, wps = 2.5): Word[] {
  const out: Word[] = [];
  let t = start;
  for (const s of sents) {
    for (const text of s.split(/\s+/)) {
      out.push({ text, start: +t.toFixed(2), end: +(t + 0.3).toFixed(2) });
      t += 1 / wps;
    }
    t += 0.8;
  }
  return out;
}

const STORY = [
  'last year i was working at a small logistics company in leeds',
  'our team was late on a warehouse migration project for a big client',
  'my task was to get the delivery back on schedule within six weeks',
  'i decided to split the work into weekly milestones with the client',
  'then i set up a short daily call so blockers came out early',
  'as a result we delivered the migration two weeks ahead of schedule',
  'i learned that small visible milestones keep everyone honest about progress',
];

describe('sentences', () => {
  it('cuts at pauses, joins short fragments and splits long runs at the largest gap', () => {
    const w = spoken(['so', ...STORY.slice(0, 2)]);
    const s = sentences(w);
    expect(s).toHaveLength(2);
    expect(s[0]!.text).toBe(`so ${STORY[0]}`);
    expect(s[0]!.first).toBe(0);
    expect(s[1]!.start).toBe(w[s[1]!.first]!.start);
    const long = spoken([Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ')]);
    long[30]!.start += 0.2; // a slightly longer gap before word 30
    const parts = sentences(long);
    expect(parts.map((p) => p.first)).toEqual([0, 30]);
  });
  it('uses punctuation when the recogniser gives it', () => {
    const w: Word[] = 'I led it. We won! Then what?'.split(' ').map((text, i) => ({ text, start: i, end: i + 0.5 }));
    expect(sentences(w).map((s) => s.text)).toEqual(['I led it.', 'We won!', 'Then what?']);
  });
});

describe('transcriptGate', () => {
  const words = spoken(STORY);
  it('trusts a transcript with enough words and no bad flags', () => {
    expect(transcriptGate({ transcript: { text: '', words, recognizer: 'x' } })).toEqual({ reliable: true, reason: null });
  });
  it('refuses a missing, short, flagged or low-confidence transcript and says why', () => {
    expect(transcriptGate({ transcript: null }).reason).toMatch(/No transcript/);
    expect(transcriptGate({ transcript: { text: '', words: words.slice(0, 10), recognizer: 'x' } }).reason).toMatch(/Only 10 words were recognised \(at least 25/);
    const flagged = { text: '', words, recognizer: 'x', reliability: { level: 'low', reasons: ['word count disagrees with syllables'] } };
    expect(transcriptGate({ transcript: flagged }).reason).toMatch(/marked unreliable \(word count disagrees with syllables\)/);
    const unsure = { text: '', words: words.map((w) => ({ ...w, confidence: 0.3 })), recognizer: 'x' };
    expect(transcriptGate({ transcript: unsure }).reason).toMatch(/mean word confidence is 0\.30/);
    // with a level from the recogniser stage, its judgement stands (it already weighs the confidence)
    const fair = { ...unsure, reliability: { level: 'fair', reasons: [], meanConfidence: 0.3 } };
    expect(transcriptGate({ transcript: fair }).reliable).toBe(true);
  });
});

describe('answerLength', () => {
  it('compares speaking time with the range of the question type', () => {
    const w = spoken(STORY);
    const l = answerLength(w, 'behavioural');
    expect(l.wordCount).toBe(w.length);
    expect(l.speakingSec).toBeCloseTo(w.at(-1)!.end - w[0]!.start, 1);
    expect(l.speakingSec).toBeLessThan(60);
    expect(l.verdict).toBe('too short');
    expect(l.rangeSec).toEqual({ min: 60, max: 150 });
    expect(l.evidence[1]).toMatch(/behavioural question: 60-150 s/);
    expect(answerLength(w, 'motivation').verdict).toBe('within range');
    expect(answerLength(spoken(Array(20).fill(STORY[0])), 'motivation').verdict).toBe('too long');
  });
});

describe('starStructure', () => {
  it('finds all four parts of a STAR story with their spans and times', () => {
    const w = spoken(STORY);
    const st = starStructure(w, sentences(w));
    expect(st.present).toEqual(['situation', 'task', 'action', 'result']);
    expect(st.missing).toEqual([]);
    const part = (i: number) => st.spans.find((s) => s.firstWord <= sentences(w)[i]!.first && s.lastWord >= sentences(w)[i]!.last)?.part;
    expect([0, 1, 2, 3, 4, 5].map(part)).toEqual(['situation', 'situation', 'task', 'action', 'action', 'result']);
    const action = st.spans.find((s) => s.part === 'action')!;
    expect(action.start).toBe(sentences(w)[3]!.start);
    expect(action.end).toBe(sentences(w)[4]!.end);
    expect(action.cues).toContain('i decided');
  });
  it('names the missing parts and tips the most important one', () => {
    const w = spoken(STORY.slice(0, 3));
    const st = starStructure(w, sentences(w));
    expect(st.missing).toEqual(['action', 'result']);
    expect(st.evidence.at(-1)).toBe('Not found: action, result.');
    expect(st.tip).toMatch(/outcome/);
  });
  it('gives no action credit to what the speaker would do, and says so', () => {
    const w = spoken([
      'in my last job our team was often late with releases',
      'first i would talk to everyone to understand the problem',
      'then i would set up a weekly planning meeting with the leads',
      'i will make sure the plan is shared with the client',
    ]);
    const st = starStructure(w, sentences(w));
    expect(st.present).not.toContain('action');
    expect(st.evidence).toContain('3 sentences say what you would do ("I would", "I\'ll") rather than what you did.');
    expect(st.tip).toMatch(/past tense: what you actually did/);
  });
  it('splits a sentence into clauses so an action and its result can share it', () => {
    const w: Word[] = 'For example, last spring our main server failed during a launch. I kept the team focused, we split up the work, and everything was running again within an hour.'
      .split(' ')
      .map((text, i) => ({ text, start: i * 0.4, end: i * 0.4 + 0.3 }));
    const st = starStructure(w, sentences(w));
    expect(st.spans.map((s) => [s.part, s.text])).toEqual([
      ['situation', 'For example, last spring our main server failed during a launch.'],
      ['action', 'I kept the team focused,'], // "we split up the work," carries no cue
      ['result', 'and everything was running again within an hour.'],
    ]);
    expect(st.missing).toEqual(['task']);
  });
  it('finds no structure in an answer that tells no story', () => {
    const w = spoken(['communication is important in every team', 'good teams share information openly and often']);
    expect(starStructure(w, sentences(w)).present).toEqual([]);
  });
});

describe('relevance', () => {
  it('extracts topic terms, leaving out the words that frame the question', () => {
    expect(questionTerms('Tell me about a time you had to meet a tight deadline.')).toEqual(['meet', 'tight', 'deadline']);
    expect(jobTerms('We need a logistics analyst. The analyst owns client reporting and logistics planning, client calls.')).toEqual(['logistics', 'analyst', 'client', 'reporting', 'planning', 'calls']);
  });
  it('matches by stem and lists used and missed terms for the question and the job', () => {
    const w = spoken(STORY);
    const r = relevance(w, 'Describe a project you delivered under a tight deadline.', 'Logistics coordinator: plans warehouse moves. Logistics experience and Excel reporting, Excel dashboards.');
    expect(r.question.used).toEqual(['project', 'delivered']);
    expect(r.question.missed).toEqual(['tight', 'deadline']);
    expect(r.question.coverage).toBe(0.5);
    // repeated terms first (logistics, excel), then the rest in order; "warehouse" matches "warehouse"
    expect(r.job).toEqual({ used: ['logistics', 'warehouse'], missed: ['excel', 'coordinator', 'plans', 'moves', 'experience', 'reporting'], coverage: 0.25 });
    expect(r.evidence[0]).toMatch(/Question terms used 2 of 4 \(50%\): project, delivered; not used: tight, deadline/);
    expect(relevance(w, 'Why this role?', null).job).toBeNull();
  });
  it('tips the missed question terms when coverage is low', () => {
    const r = relevance(spoken(STORY), 'How do you handle conflict with a manager?');
    expect(r.question.coverage).toBe(0);
    expect(r.tip).toMatch(/conflict, manager/);
  });
});

describe('talkingPoints', () => {
  it('finds experience, skills, lessons and goals sentences with times', () => {
    const w = spoken([...STORY, 'i am good at keeping a plan simple', 'in the future i want to lead larger projects']);
    const tp = talkingPoints(w, sentences(w));
    expect(tp.experience.map((x) => x.text)).toEqual([STORY[0]]);
    expect(tp.lessons.map((x) => x.text)).toEqual([STORY[6]]);
    expect(tp.skills.map((x) => x.text)).toEqual(['i am good at keeping a plan simple']);
    expect(tp.goals[0]!.text).toBe('in the future i want to lead larger projects');
    expect(tp.goals[0]!.start).toBe(sentences(w).at(-1)!.start);
  });
  it('counts repeated words, overused phrases and hedges', () => {
    const w = spoken([
      'to be honest i think the project was kind of late',
      'to be honest the project team was maybe tired',
      'the project budget was probably fine i guess',
      'the project went live and the client signed the project off',
    ]);
    const tp = talkingPoints(w, sentences(w));
    expect(tp.repeatedWords[0]).toEqual({ word: 'project', count: 5 });
    expect(tp.overusedPhrases[0]).toMatchObject({ phrase: 'to be honest', count: 2 });
    expect(tp.overusedPhrases[0]!.times).toEqual([w[0]!.start, w[11]!.start]);
    expect(tp.hedges.map((h) => h.text)).toEqual(['i think', 'kind of', 'maybe', 'probably', 'i guess']);
    expect(tp.tip).toMatch(/Say it plainly: drop "i think"/);
  });
});

describe('keySentences', () => {
  it('returns whole sentences with their times, favouring the question topic', () => {
    const w = spoken(STORY);
    const k = keySentences(sentences(w), 'Tell me about a migration project that was late.');
    expect(k).toHaveLength(3);
    for (const s of k) expect(STORY).toContain(s.text);
    expect(k.map((s) => s.text)).toContain(STORY[1]);
    expect(k[0]!.start).toBeLessThan(k[1]!.start);
  });
});

describe('analyzeContent', () => {
  it('checks STAR only for behavioural questions and defaults to general', () => {
    const report = { question: 'Tell me about a project.', transcript: { text: STORY.join(' '), words: spoken(STORY), recognizer: 'x' } };
    const general = analyzeContent(report);
    expect(general.questionType).toBe('general');
    expect(general.structure).toBeNull();
    expect(general.length?.rangeSec).toEqual({ min: 30, max: 120 });
    expect(analyzeContent(report, { questionType: 'behavioural' }).structure?.present).toHaveLength(4);
  });
  it('makes no claim on an unreliable transcript and says why', () => {
    const c = analyzeContent({ question: 'q', transcript: { text: 'hi', words: spoken(['hello there']), recognizer: 'x' } }, { questionType: 'behavioural' });
    expect(c).toEqual({ reliable: false, unreliableReason: expect.stringMatching(/Only 2 words/), questionType: 'behavioural', length: null, structure: null, relevance: null, talkingPoints: null, keySentences: [] });
  });
});
