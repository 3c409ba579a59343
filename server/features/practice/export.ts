/** "Download all my data": a zip with the account, every answer with its report, the videos, own questions, question sets and mock interviews. */
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import type { AccountUser } from '../../../contracts/account.js';
import type { Question, QuestionSet } from '../../../contracts/questions.js';
import type { Session } from '../../../contracts/sessions.js';
import type { Storage } from '../../infra/storage/storage.js';
import { toDto } from '../answers/answer.service.js';
import type { OwnedAnswerRow, ShareRow } from './practice.repository.js';

/** What the account made besides answers (the shapes of the API: contracts/questions.ts, contracts/sessions.ts). */
export interface OwnWork {
  questions: Question[];
  questionSets: QuestionSet[];
  mockSessions: Session[];
}

export async function buildExport(user: AccountUser, rows: OwnedAnswerRow[], shares: ShareRow[], storage: Storage, own: OwnWork, now = new Date()): Promise<Readable> {
  const stored = new Set<string>();
  for (const r of rows) if (await storage.stat(r.media_key)) stored.add(r.id);
  const zip = new yazl.ZipFile();
  const readme = [
    'Interview Analyzer: all data of your practice account',
    `Exported ${now.toISOString()} for ${user.email}.`,
    '',
    'account.json  your account (the password is stored only as a scrypt hash and is not included)',
    'answers.json  every answer: question, status, timings and the full analysis report (Report v1)',
    'shares.json   the read-only links you made (their tokens are stored only hashed and cannot be shown again)',
    'questions.json      your own questions',
    'question-sets.json  your question sets, their questions in order',
    'mock-interviews.json  your mock interviews: settings, questions, the answer given to each and the session report',
    'videos/       the recordings, one file per answer id (answers.json says `video: null` when a file was no longer stored)',
    '',
  ].join('\n');
  zip.addBuffer(Buffer.from(readme), 'README.txt', { mtime: now });
  zip.addBuffer(Buffer.from(JSON.stringify(user, null, 2)), 'account.json', { mtime: now });
  const answers = rows.map((r) => ({ ...toDto(r), category: r.category, video: stored.has(r.id) ? `videos/${r.id}.${ext(r.mime)}` : null, sizeBytes: r.size_bytes }));
  zip.addBuffer(Buffer.from(JSON.stringify(answers, null, 2)), 'answers.json', { mtime: now });
  const links = shares.map((s) => ({ id: s.id, answerId: s.answer_id, includeVideo: s.include_video === 1, createdAt: s.created_at, revokedAt: s.revoked_at }));
  zip.addBuffer(Buffer.from(JSON.stringify(links, null, 2)), 'shares.json', { mtime: now });
  zip.addBuffer(Buffer.from(JSON.stringify(own.questions, null, 2)), 'questions.json', { mtime: now });
  zip.addBuffer(Buffer.from(JSON.stringify(own.questionSets, null, 2)), 'question-sets.json', { mtime: now });
  zip.addBuffer(Buffer.from(JSON.stringify(own.mockSessions, null, 2)), 'mock-interviews.json', { mtime: now });
  for (const r of rows.filter((x) => stored.has(x.id))) {
    // Videos are already compressed: stored, not deflated.
    zip.addReadStreamLazy(`videos/${r.id}.${ext(r.mime)}`, { mtime: new Date(r.created_at), compress: false }, (cb) => cb(null, storage.read(r.media_key)));
  }
  zip.end();
  return zip.outputStream as unknown as Readable;
}

const ext = (mime: string) => (mime === 'video/webm' ? 'webm' : 'mp4');
