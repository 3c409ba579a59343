/** The background job that runs an engine on one stored answer and records the report. */
import type { AnswerStatus } from '../../../contracts/statuses.js';
import { type Report, reportSchema } from '../../analysis/report.js';
import { type AnalysisEngine, AnalysisError, type AnalysisInput, type Progress } from '../../engines/engine.js';
import type { EventBus } from '../../infra/events/event-bus.js';
import { type Job, type JobHandler, PermanentJobError } from '../../infra/queue/queue.js';
import type { Storage } from '../../infra/storage/storage.js';
import type { AnswerRepository } from '../answers/answer.repository.js';

export interface AnalysisJobDeps {
  answers: AnswerRepository;
  storage: Storage;
  engine: AnalysisEngine;
  events: EventBus;
  /** Optional step after the engine (e.g. the LLM coach); its failure only adds a warning. */
  enrich?: (report: Report) => Promise<void>;
  log: { info(o: object, m?: string): void; warn(o: object, m?: string): void };
  /** What else the engine should know about an answer (a mock interview's job description, the question type). */
  context?: (answerId: string) => Promise<Pick<AnalysisInput, 'jobDescription' | 'questionType'>>;
  /** Least time between two progress writes to the database. */
  progressWriteMs?: number;
}

export function createAnalysisHandler(d: AnalysisJobDeps): JobHandler {
  return async (job: Job, signal: AbortSignal) => {
    const answer = await d.answers.get(job.answerId);
    if (!answer || answer.status === 'done') return; // deleted meanwhile, or already finished: nothing to do
    const publish = (status: AnswerStatus, stage: string | null, progress: number, error: string | null = null) =>
      d.events.publish({ answerId: answer.id, status, stage, progress, error });

    await d.answers.setState(answer.id, { status: 'processing', stage: 'starting', progress: 0, error: null });
    publish('processing', 'starting', 0);

    let lastWrite = 0;
    const onProgress = (p: Progress) => {
      const progress = Math.max(0, Math.min(0.99, p.progress));
      publish('processing', p.stage, progress);
      const now = Date.now();
      if (now - lastWrite >= (d.progressWriteMs ?? 500)) {
        lastWrite = now;
        void d.answers.setState(answer.id, { status: 'processing', stage: p.stage, progress }).catch(() => {});
      }
    };

    const file = await d.storage.localFile(answer.media_key);
    const started = Date.now();
    try {
      const context = d.context ? await d.context(answer.id) : {};
      const raw = await d.engine.analyze(
        { videoPath: file.path, question: answer.question_text, durationSec: answer.duration_sec, hasAudio: answer.has_audio === 1, hasVideo: answer.has_video === 1, answerId: answer.id, ...context },
        onProgress,
        signal,
      );
      const checked = reportSchema.safeParse(raw);
      if (!checked.success) throw new AnalysisError(`the ${d.engine.name} engine returned a report that does not match the format: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`);
      const report = checked.data;
      if (d.enrich) {
        try {
          await d.enrich(report);
        } catch (e) {
          report.warnings.push(`Coach section skipped: ${(e as Error).message}`);
        }
      }
      await d.answers.setState(answer.id, { status: 'done', stage: 'done', progress: 1, error: null, reportJson: JSON.stringify(report) });
      publish('done', 'done', 1);
      d.log.info({ answerId: answer.id, ms: Date.now() - started, engine: d.engine.name }, 'analysis done');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const permanent = err instanceof AnalysisError && err.permanent;
      const last = permanent || job.attempt >= job.maxAttempts;
      if (signal.aborted && !last) {
        await d.answers.setState(answer.id, { status: 'queued', stage: 'queued', progress: 0 });
      } else if (last) {
        await d.answers.setState(answer.id, { status: 'failed', stage: 'failed', progress: 0, error: message });
        publish('failed', 'failed', 0, message);
      } else {
        const stage = `retrying (attempt ${job.attempt + 1} of ${job.maxAttempts})`;
        await d.answers.setState(answer.id, { status: 'queued', stage, progress: 0, error: null });
        publish('queued', stage, 0);
      }
      throw permanent ? new PermanentJobError(message) : err;
    } finally {
      await file.release();
    }
  };
}
