/** Table types for Kysely. Column types stay portable between SQLite and Postgres (text, integer, real). */
import type { Generated } from 'kysely';
import type { AnswerStatus, JobState } from '../../contracts/statuses.js';
import type { HiringDB } from './schema-hiring.js';
import type { PracticeDB } from './schema-practice.js';

/** The columns every outbox table has (mail_outbox, webhook_deliveries): claimed and retried by server/infra/outbox.ts. */
export interface OutboxColumns {
  id: string;
  /** 'queued' when due, the table's busy status while a sender holds it, 'failed' after max_attempts, or the table's own final states. */
  status: string;
  attempts: number;
  max_attempts: number;
  /** Not before (ISO time). */
  run_after: string;
  locked_by: string | null;
  /** The holder's lease ends (ISO time). */
  locked_until: string | null;
  last_error: string | null;
  updated_at: string;
}

export interface QuestionsTable {
  id: string;
  text: string;
  category: string;
  /** 'bank' for seeded questions, 'custom' for the hiring team's, 'practice' for a practice user's own (see `owner`) */
  source: string;
  created_at: string;
  /** contracts/questions.ts questionTypes */
  type: Generated<string>;
  /** JSON array of contracts/questions.ts questionRoles */
  roles: Generated<string>;
  /** The practice owner of a 'practice' question; null otherwise. */
  owner: Generated<string | null>;
}

export interface QuestionSetsTable {
  id: string;
  owner: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface QuestionSetItemsTable {
  set_id: string;
  position: number;
  question_id: string;
}

export interface MockSessionsTable {
  id: string;
  owner: string;
  role: string | null;
  /** JSON array of category names */
  categories: string;
  set_id: string | null;
  job_description: string | null;
  think_time_sec: number;
  answer_time_sec: number;
  extra_time_pct: number;
  audio_only: number;
  created_at: string;
  updated_at: string;
}

export interface MockSessionItemsTable {
  session_id: string;
  position: number;
  question_id: string | null;
  question_text: string;
  question_type: string;
  category: string;
  answer_id: string | null;
  answered_at: string | null;
}

export interface QuestionDrawsTable {
  session_id: string;
  question_id: string;
  drawn_at: string;
}

export type { AnswerStatus } from '../../contracts/statuses.js';

export interface AnswersTable {
  id: string;
  question_id: string | null;
  question_text: string;
  status: AnswerStatus;
  stage: string | null;
  progress: number;
  error: string | null;
  report_json: string | null;
  media_key: string;
  mime: string;
  size_bytes: number;
  duration_sec: number;
  has_audio: number;
  has_video: number;
  engine: string;
  /** 'practice' (public practice API) or 'candidate' (hiring side only); defaults to 'practice' */
  scope: Generated<AnswerScope>;
  /** The practice owner key (`a:<sha256>` anonymous, `u:<user id>` account); null for candidate answers. */
  owner: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

export type AnswerScope = 'practice' | 'candidate';

export type JobStatus = JobState;

export interface JobsTable {
  id: string;
  answer_id: string;
  kind: string;
  status: JobStatus;
  attempts: Generated<number>;
  max_attempts: number;
  run_after: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  /** Lower runs first (migration 008): the client's number of waiting jobs when this one was queued. */
  priority: Generated<number>;
}

/** A streamed upload copied to storage as chunks for the workers (migration 010, docs/streaming.md "Scale-out"). */
export interface StreamsTable {
  upload_id: string;
  state: 'receiving' | 'submitted' | 'closed';
  answer_id: string | null;
  chunks: Generated<number>;
  bytes: Generated<number>;
  size: number | null;
  received_sec: Generated<number>;
  analysed_sec: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** Media seconds accepted for analysis per client (migration 008). */
export interface AnalysisUsageTable {
  answer_id: string;
  client_key: string;
  seconds: number;
  created_at: string;
}

export interface DB extends HiringDB, PracticeDB {
  analysis_usage: AnalysisUsageTable;
  questions: QuestionsTable;
  question_draws: QuestionDrawsTable;
  question_sets: QuestionSetsTable;
  question_set_items: QuestionSetItemsTable;
  mock_sessions: MockSessionsTable;
  mock_session_items: MockSessionItemsTable;
  answers: AnswersTable;
  jobs: JobsTable;
  /** The queue of streaming jobs (migration 010): the columns of `jobs`; `answer_id` holds the upload id. */
  stream_jobs: JobsTable;
  streams: StreamsTable;
}
