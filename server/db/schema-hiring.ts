/** Tables of the hiring side (issue 6). Portable types: text, integer, real; ISO timestamps as text; booleans as 0/1. */
import type { CandidateStatus } from '../../contracts/statuses.js';
import type { UserRole } from '../../contracts/users.js';
import type { OutboxColumns } from './schema.js';

export type { CandidateStatus, UserRole };

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** `scrypt$N$r$p$saltB64$hashB64` (see server/features/auth/password.ts) */
  password_hash: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the random session id; the id itself lives only in the cookie. */
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface InterviewsTable {
  id: string;
  title: string;
  description: string;
  consent_text: string;
  /** Days an answer is kept after it was recorded; null = the RETENTION_DAYS default. */
  retention_days: number | null;
  /** JSON Record<metric, weight>; null = the default weights. */
  weights_json: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** JSON per-interview mail templates (migration 005); null = the defaults. */
  mail_templates_json: string | null;
  /** JSON { company, logoUrl, intro } (migration 005); null = no branding. */
  brand_json: string | null;
}

export interface InterviewQuestionsTable {
  id: string;
  interview_id: string;
  question_id: string;
  position: number;
  think_time_sec: number;
  answer_time_sec: number;
  retakes: number;
  /** JSON RubricCriterion[] (migration 005d); null = the default rubric (contracts/rubric.ts). */
  rubric_json: string | null;
}

export interface CandidatesTable {
  id: string;
  interview_id: string;
  name: string;
  email: string;
  status: CandidateStatus;
  /** JSON string[] */
  tags_json: string;
  notes: string;
  /** Admin-entered (or volunteered) group for the fairness export; never inferred. */
  group_label: string | null;
  created_at: string;
  updated_at: string;
}

export interface InvitesTable {
  id: string;
  candidate_id: string;
  interview_id: string;
  /** SHA-256 (hex) of the token; the token is shown once, when the invite is created. */
  token_hash: string;
  expires_at: string;
  revoked_at: string | null;
  consent_at: string | null;
  /** The consent text the candidate agreed to, as shown. */
  consent_text: string | null;
  completed_at: string | null;
  created_by: string | null;
  created_at: string;
  /** Tracking (migration 005): the invite mail was accepted by the SMTP server; the link was first opened; the first answer arrived; the candidate declined consent. */
  sent_at: string | null;
  opened_at: string | null;
  started_at: string | null;
  declined_at: string | null;
}

export interface CandidateAnswersTable {
  answer_id: string;
  invite_id: string;
  candidate_id: string;
  interview_id: string;
  question_id: string;
  created_at: string;
}

export interface ReviewsTable {
  id: string;
  answer_id: string;
  reviewer_id: string;
  /** JSON Record<criterion, 1..5> */
  ratings_json: string;
  comment: string;
  created_at: string;
  updated_at: string;
}

export interface ScoreOverridesTable {
  id: string;
  answer_id: string;
  metric: string;
  original_value: number | null;
  value: number;
  reason: string;
  user_id: string;
  created_at: string;
}

export interface DecisionsTable {
  id: string;
  candidate_id: string;
  interview_id: string;
  decision: string;
  reason: string;
  user_id: string;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  user_id: string | null;
  user_email: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  detail: string | null;
  created_at: string;
}

export type MailKind = 'invite' | 'reminder' | 'confirmation' | 'finished';
export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';

export interface MailOutboxTable extends OutboxColumns {
  kind: MailKind;
  to_addr: string;
  subject: string;
  /** Holds the invite link until the mail is sent or cancelled; then the link is removed. */
  body_text: string;
  status: MailStatus;
  message_id: string | null;
  interview_id: string | null;
  candidate_id: string | null;
  invite_id: string | null;
  dedupe_key: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface WebhooksTable {
  id: string;
  url: string;
  secret: string;
  events_json: string;
  active: number;
  created_by: string | null;
  created_at: string;
}

export type DeliveryStatus = 'queued' | 'delivering' | 'delivered' | 'failed';

export interface WebhookDeliveriesTable extends OutboxColumns {
  webhook_id: string;
  event: string;
  candidate_id: string | null;
  payload_json: string;
  status: DeliveryStatus;
  last_status: number | null;
  created_at: string;
  delivered_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ReviewCommentsTable {
  id: string;
  answer_id: string;
  user_id: string;
  at_sec: number;
  text: string;
  created_at: string;
}

export interface HiringDB {
  review_comments: ReviewCommentsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  api_tokens: ApiTokensTable;
  mail_outbox: MailOutboxTable;
  users: UsersTable;
  sessions: SessionsTable;
  interviews: InterviewsTable;
  interview_questions: InterviewQuestionsTable;
  candidates: CandidatesTable;
  invites: InvitesTable;
  candidate_answers: CandidateAnswersTable;
  reviews: ReviewsTable;
  score_overrides: ScoreOverridesTable;
  decisions: DecisionsTable;
  audit_log: AuditLogTable;
}
