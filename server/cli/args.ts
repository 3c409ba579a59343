import { type QuestionType, questionTypes } from '../../contracts/questions.js';

/** Command-line arguments of `interview-analyzer analyze FILE [--question TEXT] [--engine NAME] [--json]` (also `--question-type TYPE`, `--job FILE`). */
export interface CliArgs {
  command: 'analyze';
  file: string;
  question: string;
  engine: string;
  json: boolean;
  /** The question's type for the content analysis (length range, STAR check); 'general' by default. */
  questionType: QuestionType;
  /** A text file with the job description, for the relevance check. */
  jobFile: string | null;
}

export const USAGE = 'usage: interview-analyzer analyze FILE [--question TEXT] [--engine local|twelvelabs|hybrid] [--json]';

export function parseArgs(argv: readonly string[]): CliArgs | { error: string } {
  const [command, ...rest] = argv;
  if (command !== 'analyze') return { error: command ? `unknown command "${command}"` : 'missing command' };
  let file: string | undefined;
  let question = 'Tell me about yourself.';
  let engine = 'local';
  let json = false;
  let questionType: QuestionType = 'general';
  let jobFile: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') json = true;
    else if (a === '--question-type' || a === '--job') {
      const v = rest[++i];
      if (v === undefined) return { error: `${a} needs a value` };
      if (a === '--job') jobFile = v;
      else if ((questionTypes as readonly string[]).includes(v)) questionType = v as QuestionType;
      else return { error: `--question-type must be one of ${questionTypes.join(', ')} (got "${v}")` };
    }
    else if (a === '--question' || a === '--engine') {
      const v = rest[++i];
      if (v === undefined) return { error: `${a} needs a value` };
      if (a === '--question') question = v;
      else engine = v;
    } else if (a.startsWith('--')) return { error: `unknown option ${a}` };
    else if (file === undefined) file = a;
    else return { error: `unexpected argument ${a}` };
  }
  if (!file) return { error: 'missing FILE' };
  return { command: 'analyze', file, question, engine, json, questionType, jobFile };
}
