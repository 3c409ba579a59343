/** Shapes of the admin API responses (see the server feature routes). */
export type Role = 'admin' | 'reviewer';
export type Status = 'invited' | 'in_progress' | 'completed' | 'shortlisted' | 'rejected' | 'hired';
export const METRICS = ['confidence', 'clarity', 'speechRate', 'voiceTone', 'eyeContact', 'bodyLanguage', 'rating'] as const;
export type Metric = (typeof METRICS)[number];
export const METRIC_LABELS: Record<Metric, string> = {
  confidence: 'Confidence',
  clarity: 'Clarity',
  speechRate: 'Pace',
  voiceTone: 'Voice',
  eyeContact: 'Eye contact',
  bodyLanguage: 'Posture',
  rating: 'Reviewer rating',
};

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
}
export interface User extends Me {
  active: boolean;
  createdAt: string;
}
export interface AuditEntry {
  id: string;
  userEmail: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  detail: string | null;
  createdAt: string;
}
export interface InterviewQuestion {
  questionId: string;
  text: string;
  category: string;
  position: number;
  thinkTimeSec: number;
  answerTimeSec: number;
  retakes: number;
}
export interface Interview {
  id: string;
  title: string;
  description: string;
  consentText: string;
  retentionDays: number | null;
  weights: Record<Metric, number>;
  questions: InterviewQuestion[];
  createdAt: string;
}
export interface InterviewInput {
  title: string;
  description: string;
  consentText?: string;
  retentionDays?: number | null;
  weights?: Partial<Record<Metric, number>>;
  questions: Array<{ questionId?: string; text?: string; thinkTimeSec: number; answerTimeSec: number; retakes: number }>;
}
export interface Candidate {
  id: string;
  interviewId: string;
  name: string;
  email: string;
  status: Status;
  tags: string[];
  notes: string;
  group: string | null;
}
export interface Score {
  value: number | null;
  evidence: string[];
  tip: string;
}
export interface CandidateAnswer {
  questionId: string;
  questionText: string;
  position: number;
  answer: null | { id: string; status: string; error: string | null; videoUrl: string; durationSec: number; report: null | { scores: Record<string, Score>; warnings: string[] } };
  reviews: Array<{ reviewerId: string; reviewer: string; ratings: Record<string, number>; comment: string; updatedAt: string }>;
  overrides: Array<{ metric: string; originalValue: number | null; value: number; reason: string; by: string; at: string }>;
  scoresInForce: Record<string, number | null>;
}
export interface CandidateDetail {
  candidate: Candidate;
  invites: Array<{ id: string; state: string; expiresAt: string; consentAt: string | null; completedAt: string | null }>;
  decisions: Array<{ id: string; decision: string; reason: string; createdAt: string; by: string | null }>;
  answers: CandidateAnswer[];
  rubric: string[];
}
export interface Term {
  metric: Metric;
  value: number;
  weight: number;
  product: number;
}
export interface LeaderboardRow {
  rank: number | null;
  candidate: Pick<Candidate, 'id' | 'name' | 'email' | 'status' | 'tags' | 'group'>;
  answered: number;
  analysed: number;
  metrics: Record<Metric, number | null>;
  total: number | null;
  terms: Term[];
  weightSum: number;
  missing: Metric[];
  band: 'high' | 'middle' | 'low' | 'none';
}
export interface Leaderboard {
  weights: Record<Metric, number>;
  questions: number;
  rows: LeaderboardRow[];
}
export interface Fairness {
  groups: Array<{ group: string; assessed: number; selected: number; selectionRate: number; impactRatio: number | null; belowFourFifths: boolean; smallGroup: boolean }>;
  unknown: { assessed: number; selected: number };
  referenceGroup: string | null;
  warnings: string[];
}

/** GET /api/admin/queue: the server's own types (type-only import, erased from the bundle). */
export type { JobInfo as QueueJob, QueueStats } from '../../../server/infra/queue/queue.js';
