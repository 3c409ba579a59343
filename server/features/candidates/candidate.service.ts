/** Candidates of an interview: add one, import a CSV list, edit, record decisions, erase. */
import { randomUUID } from 'node:crypto';
import type { CandidateStatus, Decision } from '../../../contracts/statuses.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import type { Storage } from '../../infra/storage/storage.js';
import type { Actor, AuditLog } from '../audit/audit.repository.js';
import { type CandidateDto, type CandidateRepository, type CandidateRow, toCandidateDto } from './candidate.repository.js';
import { type ImportError, isEmail, readCandidateCsv } from './import.js';

export interface CandidateInput {
  name: string;
  email: string;
  tags?: string[] | undefined;
  notes?: string | undefined;
  group?: string | null | undefined;
}

export type { Decision } from '../../../contracts/statuses.js';

export class CandidateService {
  constructor(
    private readonly repo: CandidateRepository,
    private readonly storage: Storage,
    private readonly audit: AuditLog,
  ) {}

  async row(interviewId: string, id: string): Promise<CandidateRow> {
    const row = await this.repo.get(interviewId, id);
    if (!row) throw notFound('CANDIDATE_NOT_FOUND', `No candidate "${id.slice(0, 80)}" in this interview.`);
    return row;
  }

  async list(interviewId: string, filter: { status?: CandidateStatus | undefined; tag?: string | undefined } = {}): Promise<CandidateDto[]> {
    return (await this.repo.list(interviewId)).map(toCandidateDto).filter((c) => (!filter.status || c.status === filter.status) && (!filter.tag || c.tags.includes(filter.tag)));
  }

  async create(actor: Actor, interviewId: string, input: CandidateInput): Promise<CandidateDto> {
    const email = input.email.trim().toLowerCase();
    if (!isEmail(email)) throw badRequest('BAD_EMAIL', `"${input.email.slice(0, 80)}" is not an email address.`);
    if ((await this.repo.emails(interviewId)).has(email)) throw conflict('CANDIDATE_EXISTS', `${email} is already a candidate of this interview.`);
    const row = newRow(interviewId, { ...input, email });
    await this.repo.insertMany([row]);
    await this.audit.record(actor, 'candidate.create', 'candidate', row.id, { interviewId });
    return toCandidateDto(row);
  }

  async importCsv(actor: Actor, interviewId: string, csv: string): Promise<{ created: CandidateDto[]; errors: ImportError[] }> {
    const { rows, errors } = readCandidateCsv(csv, await this.repo.emails(interviewId));
    const created = rows.map((r) => newRow(interviewId, r));
    await this.repo.insertMany(created);
    await this.audit.record(actor, 'candidate.import', 'interview', interviewId, { created: created.length, errors: errors.length });
    return { created: created.map(toCandidateDto), errors };
  }

  async update(actor: Actor, interviewId: string, id: string, patch: Partial<CandidateInput>): Promise<CandidateDto> {
    await this.row(interviewId, id);
    if (patch.email !== undefined) {
      const email = patch.email.trim().toLowerCase();
      if (!isEmail(email)) throw badRequest('BAD_EMAIL', `"${patch.email.slice(0, 80)}" is not an email address.`);
      const existing = await this.repo.byEmail(interviewId, email);
      if (existing && existing.id !== id) throw conflict('CANDIDATE_EXISTS', `${email} is already a candidate of this interview.`);
      patch = { ...patch, email };
    }
    await this.repo.update(id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.tags !== undefined ? { tags_json: JSON.stringify(cleanTags(patch.tags)) } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
      ...(patch.group !== undefined ? { group_label: patch.group?.trim() || null } : {}),
    });
    await this.audit.record(actor, 'candidate.update', 'candidate', id, { fields: Object.keys(patch) });
    return toCandidateDto(await this.row(interviewId, id));
  }

  /** A human decision: recorded with who, when and why, separately from any score. */
  async decide(actor: Actor, interviewId: string, ids: string[], decision: Decision, reason: string): Promise<CandidateDto[]> {
    const rows = await Promise.all(ids.map((id) => this.row(interviewId, id)));
    const now = new Date().toISOString();
    await this.repo.recordDecisions(interviewId, rows.map((r) => r.id), decision, reason, actor.id, now);
    for (const r of rows) await this.audit.record(actor, `candidate.${decision}`, 'candidate', r.id, { interviewId, reason });
    return Promise.all(ids.map(async (id) => toCandidateDto(await this.row(interviewId, id))));
  }

  decisions(candidateId: string) {
    return this.repo.decisions(candidateId);
  }

  invites(candidateId: string) {
    return this.repo.invites(candidateId);
  }

  /** The candidate's own progress; never overrides a human decision. */
  async markProgress(interviewId: string, id: string, status: 'in_progress' | 'completed'): Promise<void> {
    const row = await this.row(interviewId, id);
    const order: CandidateStatus[] = ['invited', 'in_progress', 'completed'];
    if (order.includes(row.status) && order.indexOf(row.status) < order.indexOf(status)) await this.repo.update(id, { status });
  }

  async erase(actor: Actor, interviewId: string, id: string): Promise<void> {
    await this.row(interviewId, id);
    const { answers } = await this.repo.erase(this.storage, id);
    await this.audit.record(actor, 'candidate.delete', 'candidate', id, { interviewId, answers });
  }
}

const cleanTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))].slice(0, 20);

function newRow(interviewId: string, input: CandidateInput): CandidateRow {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    interview_id: interviewId,
    name: input.name.trim(),
    email: input.email,
    status: 'invited',
    tags_json: JSON.stringify(cleanTags(input.tags ?? [])),
    notes: input.notes ?? '',
    group_label: input.group?.trim() || null,
    created_at: now,
    updated_at: now,
  };
}
