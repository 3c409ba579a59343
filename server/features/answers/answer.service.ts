import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Answer, AnswerSummary } from '../../../contracts/answers.js';
import type { Report } from '../../analysis/report.js';
import type { AnswerStatus } from '../../../contracts/statuses.js';
import type { AnswerScope } from '../../db/schema.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import type { AnswerEvent, EventBus } from '../../infra/events/event-bus.js';
import type { JobQueue } from '../../infra/queue/queue.js';
import type { Storage } from '../../infra/storage/storage.js';
import { prepareVideo } from '../../media/prepare.js';
import type { AnalysisBudget } from '../budget/budget.service.js';
import type { QuestionService } from '../questions/question.service.js';
import type { AnswerRepository, AnswerRow } from './answer.repository.js';

export const ANALYZE_JOB = 'analyze';

export type AnswerDto = Answer;
export type { AnswerSummary };

/** A state change of an answer (see AnswerService.transition). */
export interface AnswerTransition {
  status: AnswerStatus;
  stage: string | null;
  progress: number;
  error?: string | null;
  reportJson?: string | null;
}

export interface SubmitInput {
  file: { path: string; size: number } | null;
  questionId?: string | undefined;
  /** Free question text, for the legacy route when no id is given. */
  questionText?: string | undefined;
  /** 'candidate' for answers given through an invite: hidden from the public practice API. */
  scope?: AnswerScope;
  /** The take was cut short by a reload and resumed (see PrepareLimits.interrupted). */
  interrupted?: boolean;
  /** Runs once the answer row exists, before its analysis is queued (the streaming analysis attaches itself). */
  onCreated?: (id: string) => void;
  /**
   * Runs once the answer row exists: true when another job writes its report (a streamed upload's stream job in
   * scale-out mode, docs/streaming.md), so no analyze job is queued.
   */
  handOff?: (id: string) => Promise<boolean>;
  /** An answer without camera: the recording may (and should) have no video track. */
  audioOnly?: boolean;
  /** A tighter duration limit than the server's (e.g. a mock interview's answer time). */
  maxDurationSec?: number;
  /** The practice owner whose own questions this answer may be given to (practice scope). */
  questionOwner?: string | null;
  /** The question, already resolved and checked by the caller (a mock interview's item); instead of questionId. */
  question?: { id: string | null; text: string };
  /** The practice owner key (features/practice/owner.ts); null for candidate answers. */
  owner?: string | null;
  /** The client whose analysis budget pays for this answer (server/features/budget); none = not metered. */
  client?: string | undefined;
}

export interface AnswerServiceDeps {
  repo: AnswerRepository;
  questions: QuestionService;
  storage: Storage;
  queue: JobQueue;
  events: EventBus;
  tmpDir: string;
  maxDurationSec: number;
  engineName: string;
  budget?: AnalysisBudget;
  /** True when another job (a streamed upload's stream job) analyses this answer: reconcile() then queues nothing. */
  analysedElsewhere?: (answerId: string) => Promise<boolean>;
}

export class AnswerService {
  constructor(private readonly d: AnswerServiceDeps) {}

  /** Validates the upload, stores it durably, records the answer and queues its analysis. */
  async submit(input: SubmitInput): Promise<{ id: string }> {
    if (!input.file) throw badRequest('MISSING_VIDEO', 'No video was uploaded: send the file in the "video" field.');
    if (input.file.size === 0) throw badRequest('EMPTY_FILE', 'The uploaded video is empty (0 bytes). Please record again.');
    const question = await this.resolveQuestion(input, input.scope ?? 'practice');
    const id = randomUUID();
    const prepared = await prepareVideo(input.file.path, join(this.d.tmpDir, `prepared-${id}`), { maxDurationSec: Math.min(this.d.maxDurationSec, input.maxDurationSec ?? Number.POSITIVE_INFINITY), audioOnly: input.audioOnly === true, interrupted: input.interrupted === true });
    const ext = prepared.mime.endsWith('/webm') ? 'webm' : 'mp4';
    const mediaKey = `answers/${id}/answer.${ext}`;
    let rank = 0;
    try {
      // The client's budget pays for the video's real duration (429 when spent or its queue is full).
      if (input.client && this.d.budget) rank = await this.d.budget.charge(input.client, id, prepared.durationSec);
      const stored = await this.d.storage.putFile(mediaKey, prepared.path);
      await this.d.repo.create({
        id,
        questionId: question.id,
        questionText: question.text,
        mediaKey,
        mime: prepared.mime,
        sizeBytes: stored.size,
        durationSec: prepared.durationSec,
        hasAudio: prepared.hasAudio,
        hasVideo: prepared.hasVideo,
        engine: this.d.engineName,
        scope: input.scope ?? 'practice',
        owner: input.owner ?? null,
      });
    } catch (err) {
      await rm(prepared.path, { force: true });
      await this.d.storage.deletePrefix(`answers/${id}`);
      throw err;
    }
    input.onCreated?.(id);
    if (input.handOff && (await input.handOff(id).catch(() => false))) return { id };
    // A crash between the row and the job is repaired by reconcile() at the next start.
    await this.d.queue.enqueue(id, ANALYZE_JOB, { rank });
    return { id };
  }

  private async resolveQuestion(input: SubmitInput, scope: AnswerScope): Promise<{ id: string | null; text: string }> {
    if (input.question) return input.question;
    if (input.questionId !== undefined && input.questionId !== '') {
      // Practice answers only to the public bank (or the practice user's own questions): an interview's questions are not revealed to the public.
      const q = scope === 'practice' ? await this.d.questions.getPublic(input.questionId, input.questionOwner ?? null) : await this.d.questions.get(input.questionId);
      if (!q) throw notFound('QUESTION_NOT_FOUND', `Unknown question id "${input.questionId.slice(0, 80)}".`);
      return q;
    }
    if (input.questionText !== undefined) {
      const text = input.questionText.trim();
      if (text.length === 0 || text.length > 1000) throw badRequest('BAD_QUESTION', 'The question text must be 1 to 1000 characters.');
      return { id: null, text };
    }
    throw badRequest('MISSING_QUESTION', 'Say which question this answers: send the "questionId" field.');
  }

  /**
   * With `scope`, an answer of another scope is reported as not found (the practice API never shows candidates'
   * answers); with `owner`, so is an answer of another owner (the practice API shows each owner only its own).
   */
  async get(id: string, scope?: AnswerScope, owner?: string): Promise<AnswerDto> {
    return toDto(await this.row(id, scope, owner));
  }

  /** The row, or 404 when it is missing, of another scope or of another owner. */
  async row(id: string, scope?: AnswerScope, owner?: string): Promise<AnswerRow> {
    const row = await this.d.repo.get(id);
    if (!row || (scope && row.scope !== scope) || (owner !== undefined && row.owner !== owner)) throw notFound('ANSWER_NOT_FOUND', `No answer with id "${id.slice(0, 80)}".`);
    return row;
  }

  async list(scope: AnswerScope, limit: number, owner?: string): Promise<AnswerSummary[]> {
    const rows = await this.d.repo.list(scope, limit, 0, owner);
    return rows.map((r) => ({
      id: r.id,
      questionText: r.question_text,
      status: r.status,
      createdAt: r.created_at,
      durationSec: r.duration_sec,
      scores: r.report_json ? scoreValues(JSON.parse(r.report_json) as Report) : null,
    }));
  }

  /**
   * The one way an answer changes state: writes it and publishes the event together, so a live viewer
   * (server-sent events) sees every change, the worker's and the recovery paths' alike.
   */
  async transition(id: string, s: AnswerTransition): Promise<void> {
    await this.d.repo.setState(id, s);
    this.d.events.publish({ answerId: id, status: s.status, stage: s.stage, progress: s.progress, error: s.error ?? null });
  }

  /** Analysis progress: published at once; written to the database only when `write` (the caller throttles writes). */
  async progress(id: string, stage: string, progress: number, write: boolean): Promise<void> {
    this.d.events.publish({ answerId: id, status: 'processing', stage, progress, error: null });
    if (write) await this.d.repo.setState(id, { status: 'processing', stage, progress });
  }

  /** Queues a failed answer again. */
  async retry(id: string, scope?: AnswerScope, owner?: string): Promise<void> {
    const row = await this.row(id, scope, owner);
    if (row.status !== 'failed') throw conflict('NOT_FAILED', `Only a failed answer can be retried; this one is ${row.status}.`);
    await this.transition(id, { status: 'queued', stage: 'queued', progress: 0, error: null });
    await this.d.queue.enqueue(id, ANALYZE_JOB);
  }

  /**
   * Runs a failed job again (the admin queue view): the answer shows as queued before a worker can take the
   * job, never after it finished. False when the job is not (or no longer) failed.
   */
  async retryJob(jobId: string, answerId: string): Promise<boolean> {
    await this.transition(answerId, { status: 'queued', stage: 'queued', progress: 0, error: null });
    return this.d.queue.retry(jobId);
  }

  /** Removes the answer, its jobs and its video. */
  async delete(id: string, scope?: AnswerScope, owner?: string): Promise<void> {
    const row = await this.row(id, scope, owner);
    if (row.status === 'processing') throw conflict('ANSWER_BUSY', 'This answer is being analysed; delete it when the analysis has finished.');
    await this.d.repo.delete(id);
    await this.d.storage.deletePrefix(`answers/${id}`);
  }

  /** Removes an answer that must not exist (a lost race), whatever its state: its row, jobs and video. */
  async discard(id: string): Promise<void> {
    await this.d.repo.delete(id);
    await this.d.storage.deletePrefix(`answers/${id}`);
  }

  /**
   * Resolves when the answer is done or failed, or with its state as it stands when `timeoutMs` has passed
   * (for the legacy synchronous route). Rejects with `signal.reason` when the caller gives up (the analysis
   * itself goes on); nothing stays subscribed after it settles.
   */
  async waitUntilSettled(id: string, timeoutMs: number, signal?: AbortSignal): Promise<AnswerDto> {
    signal?.throwIfAborted();
    return new Promise<AnswerDto>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        unsubscribe();
        signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const check = async (e?: AnswerEvent, timedOut = false) => {
        if (e && e.status !== 'done' && e.status !== 'failed') return;
        try {
          const dto = await this.get(id);
          if (timedOut || dto.status === 'done' || dto.status === 'failed') finish(() => resolve(dto));
        } catch (err) {
          finish(() => reject(err));
        }
      };
      const onAbort = () => finish(() => reject(signal!.reason));
      const unsubscribe = this.d.events.subscribe(id, (e) => void check(e));
      const timer = setTimeout(() => void check(undefined, true), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      void check();
    });
  }

  /** After a restart: every unfinished answer gets a job again if it lost it. Returns how many were queued. */
  async reconcile(): Promise<number> {
    let n = 0;
    for (const a of await this.d.repo.unfinished()) {
      if (await this.d.queue.hasActiveJob(a.id)) continue;
      if (await this.d.analysedElsewhere?.(a.id)) continue;
      // Another worker may have finished it between the two reads: its row says done before its job leaves the queue.
      const fresh = await this.d.repo.get(a.id);
      if (!fresh || (fresh.status !== 'queued' && fresh.status !== 'processing')) continue;
      await this.transition(a.id, { status: 'queued', stage: 'queued', progress: 0 });
      await this.d.queue.enqueue(a.id, ANALYZE_JOB);
      n++;
    }
    return n;
  }
}

export function toDto(r: AnswerRow): AnswerDto {
  return {
    id: r.id,
    status: r.status,
    stage: r.stage,
    progress: r.progress,
    report: r.status === 'done' && r.report_json ? (JSON.parse(r.report_json) as Report) : null,
    error: r.error,
    questionId: r.question_id,
    questionText: r.question_text,
    createdAt: r.created_at,
    durationSec: r.duration_sec,
    videoUrl: `/api/answers/${r.id}/video`,
  };
}

export function scoreValues(report: Report): Record<string, number | null> {
  return Object.fromEntries(Object.entries(report.scores).map(([k, s]) => [k, s.value]));
}
