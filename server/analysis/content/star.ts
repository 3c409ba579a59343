/**
 * STAR structure (situation, task, action, result) of a behavioural answer. Each sentence gets a score per part
 * from cue phrases (2 points each) and tense/person patterns ("I" + past tense: 1.5 for action; "we/it/there/they
 * was/were/had": 1 for situation; a number: 1 for result) plus a small position prior (situation in the first
 * third, result in the last: 0.5); a clause (see `clauses`) with >= 1.5 points is labelled with its best part.
 * Adjacent clauses with the same part form one span.
 */
import { STAR_PARTS, type Content, type StarPartName, type Word } from '../report.js';
import { type Sentence, findPhrase, norm } from './words.js';

const p = (s: string): string[][] => s.split('|').map((x) => x.trim().split(/\s+/));

export const STAR_CUES: Record<StarPartName, string[][]> = {
  situation: p(
    'when i was|for example|for instance|last spring|last summer|last autumn|last fall|last winter|last month|last quarter|a while ago|at my last job|at my previous|in my previous|in my last|in my first|last year|a few years ago|a couple of years ago|years ago|there was a time|at the time|back in|i was working|i worked at|i worked as|we were working|our team was|the situation|the context|the background|at the company|the company was|the project was|we had a|there was a',
  ),
  task: p(
    'my task|i was responsible|my responsibility|i needed to|i had to|the goal was|our goal|my goal was|my job was|i was asked to|we needed to|we had to|the challenge was|the problem was|my role was|i was tasked|i was in charge|it was up to me|the deadline|needed to be',
  ),
  action: p(
    'i decided|i started|i organised|i organized|i talked|i spoke|i set up|i created|i built|i wrote|i led|i proposed|i reached out|i made sure|i asked|i suggested|i worked with|i scheduled|i met with|so i|first i|then i|next i|after that i|i took|i called|i changed|i introduced|i brought|i designed|i put together|i went|i focused|i prioritised|i prioritized|i broke|i tested|i fixed',
  ),
  result: p(
    'as a result|in the end|the result|the outcome|we ended up|ended up|which meant|this meant|that meant|led to|resulted in|we managed|i managed|we delivered|we shipped|we finished|we launched|on time|ahead of schedule|percent|per cent|%|reduced|increased|improved|saved|grew|cut|dropped|halved|doubled|by half|no longer|stopped|running again|working again|back online|within an hour|within a day|within a week|the feedback|got promoted|was praised|finally|eventually|since then|i learned|i learnt|i\'ve learned|what i learned|taught me',
  ),
};

/** Past-tense forms that, after "I", describe a personal action. */
const IRREGULAR_PAST = new Set('made took went gave spoke wrote built led ran brought told found got set put began chose drove sent met thought taught sought bought held kept'.split(' '));
/** Points a sentence needs for a label: one cue phrase, or an "I + past tense" action, never the position prior alone. */
export const LABEL_MIN = 1.5;
const CONTEXT_VERBS = new Set(['was', 'were', 'had', 'worked', 'joined']);

const SEQUENCE_CUES = new Set(['so i', 'first i', 'then i', 'next i', 'after that i']);

/** A sentence about what the speaker would do ("I would", "I'd", "I will", "I'll", "we would"), not what they did. */
export function isHypothetical(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === "i'd" || t === "i'll" || t === "we'd" || t === "we'll") return true;
    if ((t === 'i' || t === 'we') && (tokens[i + 1] === 'would' || tokens[i + 1] === 'will')) return true;
  }
  return false;
}

function scoreSentence(tokens: string[], rel: number): { scores: Record<StarPartName, number>; cues: Record<StarPartName, string[]> } {
  const scores = { situation: 0, task: 0, action: 0, result: 0 } as Record<StarPartName, number>;
  const cues = { situation: [], task: [], action: [], result: [] } as Record<StarPartName, string[]>;
  for (const part of STAR_PARTS) {
    for (const cue of STAR_CUES[part]) {
      if (findPhrase(tokens, cue) >= 0) {
        scores[part] += 2;
        cues[part].push(cue.join(' '));
      }
    }
  }
  // tense/person patterns
  for (let i = 0; i < tokens.length - 1; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (a === 'i' && (/[a-z]{3,}ed$/.test(b) || IRREGULAR_PAST.has(b)) && !CONTEXT_VERBS.has(b)) {
      scores.action += 1.5;
      cues.action.push(`i ${b}`);
    }
    if ((a === 'we' || a === 'it' || a === 'there' || a === 'they') && (b === 'was' || b === 'were' || b === 'had')) {
      scores.situation += 1;
      cues.situation.push(`${a} ${b}`);
    }
  }
  if (tokens.some((t) => /^\d+$/.test(t))) {
    scores.result += 1;
    cues.result.push('a number');
  }
  // "I would ..." describes a plan, not something done: sequence words ("then I") earn no action there
  if (isHypothetical(tokens)) {
    const generic = cues.action.filter((c) => SEQUENCE_CUES.has(c));
    scores.action -= 2 * generic.length;
    cues.action = cues.action.filter((c) => !SEQUENCE_CUES.has(c));
  }
  if (rel < 0.34) scores.situation += 0.5;
  if (rel > 0.66) scores.result += 0.5;
  return { scores, cues };
}

const CLAUSE_SUBJECTS = new Set(['i', 'we', 'they', 'it', 'everything', 'everyone', 'the', 'our', 'my']);
const CLAUSE_JOINS = new Set(['and', 'so', 'then', 'but']);
/** Fewest words on each side of a clause break. */
export const CLAUSE_MIN_WORDS = 4;

/**
 * A sentence cut into clauses, so one sentence can hold an action and its result: at , ; : (punctuated
 * transcripts) and before "and/so/then/but" + a subject ("and we", "so I", "and everything"), keeping at least
 * CLAUSE_MIN_WORDS words on each side.
 */
export function clauses(words: readonly Word[], s: Sentence): Sentence[] {
  const out: Sentence[] = [];
  const mk = (a: number, b: number): Sentence => ({
    text: words
      .slice(a, b + 1)
      .map((w) => w.text)
      .join(' '),
    start: words[a]!.start,
    end: words[b]!.end,
    first: a,
    last: b,
  });
  let a = s.first;
  for (let i = s.first + 1; i <= s.last; i++) {
    const punct = /[,;:]$/.test(words[i - 1]!.text);
    const join = CLAUSE_JOINS.has(norm(words[i]!.text)) && CLAUSE_SUBJECTS.has(norm(words[i + 1]?.text ?? ''));
    if ((punct || join) && i - a >= CLAUSE_MIN_WORDS && s.last - i + 1 >= CLAUSE_MIN_WORDS) {
      out.push(mk(a, i - 1));
      a = i;
    }
  }
  out.push(mk(a, s.last));
  return out;
}

export function starStructure(words: readonly Word[], sents: readonly Sentence[]): NonNullable<Content['structure']> {
  const spans: NonNullable<Content['structure']>['spans'] = [];
  const total = Math.max(1e-6, (words[words.length - 1]?.end ?? 0) - (words[0]?.start ?? 0));
  for (const s of sents.flatMap((x) => clauses(words, x))) {
    const tokens = s.text.split(/\s+/).map(norm).filter(Boolean);
    const rel = (s.start - (words[0]?.start ?? 0)) / total;
    const { scores, cues } = scoreSentence(tokens, rel);
    let best: StarPartName | null = null;
    for (const part of STAR_PARTS) if (scores[part] >= LABEL_MIN && (best === null || scores[part] > scores[best])) best = part;
    if (!best) continue;
    const prev = spans[spans.length - 1];
    if (prev && prev.part === best && prev.lastWord === s.first - 1) {
      prev.text += ` ${s.text}`;
      prev.end = s.end;
      prev.lastWord = s.last;
      prev.cues = [...new Set([...prev.cues, ...cues[best]])];
    } else spans.push({ part: best, text: s.text, start: s.start, end: s.end, firstWord: s.first, lastWord: s.last, cues: [...new Set(cues[best])] });
  }
  const present = STAR_PARTS.filter((part) => spans.some((s) => s.part === part));
  const missing = STAR_PARTS.filter((part) => !present.includes(part));
  const hypothetical = sents.filter((x) => isHypothetical(x.text.split(/\s+/).map(norm))).length;
  const evidence = [
    ...spans.map((s) => `${s.part} at ${s.start.toFixed(1)}-${s.end.toFixed(1)} s (cues: ${s.cues.slice(0, 3).join(', ')})`),
    missing.length ? `Not found: ${missing.join(', ')}.` : 'All four parts found.',
    ...(hypothetical ? [`${hypothetical} sentence${hypothetical === 1 ? '' : 's'} say what you would do ("I would", "I'll") rather than what you did.`] : []),
  ];
  const tips: Record<StarPartName, string> = {
    situation: 'Start by setting the scene in one or two sentences: where you were and when.',
    task: 'Say what you were responsible for, in one sentence ("My task was to...").',
    action: 'Describe what you did yourself, with "I" and concrete steps ("I set up...", "I asked...").',
    result: 'End with the outcome, ideally a number or a change you can point to, and what you learned.',
  };
  const tip = missing.includes('action') && hypothetical >= 2
    ? 'Tell a real example in the past tense: what you actually did ("I called...", "I set up..."), not what you would do.'
    : missing.length ? tips[missing.includes('result') ? 'result' : missing.includes('action') ? 'action' : missing[0]!] : 'Complete STAR structure: keep the situation short and spend most time on your actions and the result.';
  return { spans, present, missing, evidence, tip };
}
