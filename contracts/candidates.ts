/** Candidates of an interview: add, import from CSV, edit, decide, erase. */
import { z } from 'zod';
import { resourceId } from './ids.js';
import { CANDIDATE_STATUSES, DECISIONS } from './statuses.js';

export const candidateStatus = z.enum(CANDIDATE_STATUSES);
export const decision = z.enum(DECISIONS);

export const candidateParams = z.object({ id: resourceId, candidateId: resourceId });

export const candidateSchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  name: z.string(),
  email: z.string(),
  status: candidateStatus,
  tags: z.array(z.string()),
  notes: z.string(),
  /** Self-described group for the fairness report: entered by people, never inferred. */
  group: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const candidateInput = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().max(320),
  tags: z.array(z.string().max(50)).max(20).optional(),
  notes: z.string().max(10_000).optional(),
  group: z.string().max(100).nullable().optional(),
});
export type CandidateInput = z.input<typeof candidateInput>;
export const candidatePatch = candidateInput.partial();

export const candidateQuery = z.object({ status: candidateStatus.optional(), tag: z.string().max(50).optional() });
export const candidateList = z.object({ items: z.array(candidateSchema) });
export type CandidateList = z.infer<typeof candidateList>;

export const candidateImport = z.object({ csv: z.string().max(2_000_000) });
export const importError = z.object({ line: z.number(), message: z.string() });
export type ImportError = z.infer<typeof importError>;
export const importResult = z.object({ created: z.array(candidateSchema), errors: z.array(importError) });
export type ImportResult = z.infer<typeof importResult>;

export const decisionBody = z.object({ decision, reason: z.string().max(2000).default('') });
export const bulkDecisionBody = decisionBody.extend({ candidateIds: z.array(resourceId).min(1).max(500) });
export type BulkDecision = z.input<typeof bulkDecisionBody>;

/** A recorded decision: who decided what, when and why. */
export const decisionRecord = z.object({ id: z.string(), decision: z.string(), reason: z.string(), createdAt: z.string(), by: z.string().nullable() });
export type DecisionRecord = z.infer<typeof decisionRecord>;
