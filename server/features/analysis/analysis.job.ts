/** The background job that runs an engine on one stored answer and records the report. */
import { type Report, reportSchema } from '../../analysis/report.js';
import { type AnalysisEngine, AnalysisError, type Progress } from '../../engines/engine.js';
import { type Job, type JobHandler, PermanentJobError } from '../../infra/queue/queue.js';
import { addCoaching, type ContentContext } from '../../analysis/summary/index.js';
import type { Storage } from '../../infra/storage/storage.js';
import type { AnswerRepository } from '../answers/answer.repository.js';
import type { AnswerService, AnswerTransition } from '../answers/answer.service.js';

export interface AnalysisJobDeps {
  /** Reads the answer. */
  answers: Pick<AnswerRepository, 'get'>;
  /** Every state change goes through `transition` (write + publish together). */
  states: Pick<AnswerService, 'transition' | 'progress'>;
  storage: Storage;
  engine: AnalysisEngine;
  /** Optional step after the engine (e.g. the LLM coach); its failure only adds a warning. */
  enrich?: (report: Report) => Promise<void>;
  log: { info(o: object, m?: string): void; warn(o: object, m?: string): void };
  /** Least time between two progress writes to the database. */
  progressWriteMs?: number;
  /** The question type and job description the content analysis uses (default: a 'general' question, no job). */
  contentContext?: (answer: { id: string; question_id: string | null }) => Promise<ContentContext>;
}

export function createAnalysisHandler(d: AnalysisJobDeps): JobHandler {
  return async (job: Job, signal: AbortSignal) => {
    const answer = await d.answers.get(job.answerId);
    if (!answer || answer.status === 'done') return; // deleted meanwhile, or already finished: nothing to do
    const to = (s: AnswerTransition) => d.states.transition(answer.id, s);

    await to({ status: 'processing', stage: 'starting', progress: 0, error: null });

    let lastWrite = 0;
    const onProgress = (p: Progress) => {
      const progress = Math.max(0, Math.min(0.99, p.progress));
      const now = Date.now();
      const write = now - lastWrite >= (d.progressWriteMs ?? 500);
      if (write) lastWrite = now;
      void d.states.progress(answer.id, p.stage, progress, write).catch(() => {});
    };

    const file = await d.storage.localFile(answer.media_key);
    const started = Date.now();
    try {
      const raw = await d.engine.analyze(
        { videoPath: file.path, question: answer.question_text, durationSec: answer.duration_sec, hasAudio: answer.has_audio === 1, hasVideo: answer.has_video === 1, answerId: answer.id },
        onProgress,
        signal,
      );
      const checked = reportSchema.safeParse(raw);
      if (!checked.success) throw new AnalysisError(`the ${d.engine.name} engine returned a report that does not match the format: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`);
      const report = checked.data;
      // content and summary, after every engine (the LLM coach below reads them)
      try {
        addCoaching(report, (await d.contentContext?.(answer)) ?? {});
      } catch (e) {
        report.warnings.push(`Summary and content analysis skipped: ${(e as Error).message}`);
      }
      if (d.enrich) {
        try {
          await d.enrich(report);
        } catch (e) {
          report.warnings.push(`Coach section skipped: ${(e as Error).message}`);
        }
      }
      await to({ status: 'done', stage: 'done', progress: 1, error: null, reportJson: JSON.stringify(report) });
      d.log.info({ answerId: answer.id, ms: Date.now() - started, engine: d.engine.name }, 'analysis done');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const permanent = err instanceof AnalysisError && err.permanent;
      const last = permanent || job.attempt >= job.maxAttempts;
      if (signal.aborted && !last) {
        // Handed back to the queue (shutdown): viewers see it waiting again.
        await to({ status: 'queued', stage: 'queued', progress: 0 });
      } else if (last) {
        await to({ status: 'failed', stage: 'failed', progress: 0, error: message });
      } else {
        await to({ status: 'queued', stage: `retrying (attempt ${job.attempt + 1} of ${job.maxAttempts})`, progress: 0, error: null });
      }
      throw permanent ? new PermanentJobError(message) : err;
    } finally {
      await file.release();
    }
  };
}
