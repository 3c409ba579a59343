/** The composition root: builds every service from the configuration, once. */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import type { Config } from './config.js';
import type { AnalysisEngine } from './engines/engine.js';
import { createEngine } from './engines/registry.js';
import { AnswerRepository } from './features/answers/answer.repository.js';
import { AnswerService } from './features/answers/answer.service.js';
import { AuditLog } from './features/audit/audit.repository.js';
import { BudgetRepository } from './features/budget/budget.repository.js';
import { AnalysisBudget } from './features/budget/budget.service.js';
import { AuthService } from './features/auth/auth.service.js';
import { LoginLimiter } from './features/auth/login-limiter.js';
import { SessionRepository } from './features/auth/session.repository.js';
import { UserRepository } from './features/auth/user.repository.js';
import { UserService } from './features/auth/user.service.js';
import { CandidateRepository } from './features/candidates/candidate.repository.js';
import { CandidateService } from './features/candidates/candidate.service.js';
import type { Hiring } from './features/hiring/services.js';
import { createHiringIntegrations, wireHiringEvents } from './features/hiring/integrations.js';
import { InterviewRepository } from './features/interviews/interview.repository.js';
import { InterviewService } from './features/interviews/interview.service.js';
import { InviteRepository } from './features/invites/invite.repository.js';
import { InviteService } from './features/invites/invite.service.js';
import { LeaderboardService } from './features/leaderboard/leaderboard.service.js';
import { ReviewRepository } from './features/reviews/review.repository.js';
import { ReviewService } from './features/reviews/review.service.js';
import { QuestionRepository } from './features/questions/question.repository.js';
import { QuestionService } from './features/questions/question.service.js';
import { MockSessionRepository } from './features/sessions/session.repository.js';
import { MockSessionService } from './features/sessions/session.service.js';
import type { Database } from './db/database.js';
import type { EventBus } from './infra/events/event-bus.js';
import { DiskGuard } from './infra/disk.js';
import { createInfra } from './infra/index.js';
import { configureTools } from './media/tools.js';
import type { JobQueue } from './infra/queue/queue.js';
import type { Storage } from './infra/storage/storage.js';
import { StreamingService } from './features/streaming/streaming.service.js';
import { StreamRelay } from './features/streaming/stream-relay.js';
import { StreamRepository } from './features/streaming/stream.repository.js';

export interface Container {
  config: Config;
  log: Logger;
  version: string;
  rootDir: string;
  tmpDir: string;
  database: Database;
  storage: Storage;
  queue: JobQueue;
  /** Stream jobs: streamed uploads analysed by a worker while they arrive (ROLE=api + ROLE=worker, docs/streaming.md). */
  streamQueue: JobQueue;
  events: EventBus;
  questions: QuestionService;
  answerRepo: AnswerRepository;
  answers: AnswerService;
  /** The analysis of uploads while they arrive (docs/streaming.md). */
  streaming: StreamingService;
  /** Streamed uploads in scale-out mode: chunks to storage, stream jobs, the `streams` rows. */
  streams: { repo: StreamRepository; relay: StreamRelay };
  /** Mock interviews. */
  sessions: MockSessionService;
  /** Per-client analysis budget (minutes per hour, answers waiting). */
  budget: AnalysisBudget;
  /** Free space of the data directory (uploads, health). */
  disk: DiskGuard;
  /** The hiring side's services (one LoginLimiter, one AuthService for the server and the tests). */
  hiring: Hiring;
  /** Created on first use: the API role never loads analysis models. */
  engine(): Promise<AnalysisEngine>;
  close(): Promise<void>;
}

/** The checkout: the nearest folder above this file with a package.json (works from server/ and dist/server/). */
export const rootDir = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return resolve(dir, '..');
  }
}

export class StartupError extends Error {}

export async function createContainer(config: Config, opts: { logger?: Logger } = {}): Promise<Container> {
  const log = opts.logger ?? pino({ level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-api-key"]'] });
  const tmpDir = join(config.dataDir, 'tmp');
  configureTools(config.tools); // ffmpeg, ffprobe, pocketsphinx for every module of this process
  await ensureWritable(config.dataDir, tmpDir);

  const infra = await createInfra(config, log);
  const { database, storage, queue, streamQueue, events } = infra;
  const questionRepo = new QuestionRepository(database.db);
  await questionRepo.seed();
  const questions = new QuestionService(questionRepo, Math.random, config.QUESTION_DRAW_DAYS);
  const answerRepo = new AnswerRepository(database.db);
  const budget = new AnalysisBudget(new BudgetRepository(database.db), { minutesPerHour: config.ANALYSIS_MINUTES_PER_HOUR, maxQueued: config.ANALYSIS_MAX_QUEUED });
  const streamRepo = new StreamRepository(database.db);
  // ROLE=api with the local engine: streamed uploads go to storage as chunks and a worker analyses them as they arrive
  const relay = new StreamRelay({ enabled: config.ROLE === 'api' && config.ANALYSIS_ENGINE === 'local', repo: streamRepo, storage, queue: streamQueue, tmpDir, log });
  const answers = new AnswerService({ repo: answerRepo, questions, storage, queue, events, tmpDir, maxDurationSec: config.MAX_VIDEO_SEC, engineName: config.ANALYSIS_ENGINE, budget, analysedElsewhere: (id) => relay.analysesAnswer(id) });
  const sessions = new MockSessionService({ repo: new MockSessionRepository(database.db), questions, answers, answerRepo, maxVideoSec: config.MAX_VIDEO_SEC });

  const streaming = new StreamingService({ engineName: config.ANALYSIS_ENGINE, role: config.ROLE, speech: config.engines.speech, log });

  let enginePromise: Promise<AnalysisEngine> | null = null;
  const engine = () => (enginePromise ??= createEngine(config.ANALYSIS_ENGINE, config.engines, log));

  const c: Container = {
    config,
    log,
    version: readVersion(),
    rootDir,
    tmpDir,
    database,
    storage,
    queue,
    streamQueue,
    events,
    questions,
    answerRepo,
    answers,
    streaming,
    streams: { repo: streamRepo, relay },
    sessions,
    budget,
    disk: new DiskGuard(config.dataDir, config.DISK_MIN_FREE_MB),
    hiring: undefined as unknown as Hiring, // set just below: the review service reads answers through the container
    engine,
    async close() {
      streaming.close();
      await Promise.all([queue.stop(), streamQueue.stop()]);
      if (enginePromise) await (await enginePromise.catch(() => null))?.close?.();
      await infra.close();
    },
  };
  c.hiring = createHiring(c);
  return c;
}

/** The hiring side's services, from the same database, storage and settings. */
function createHiring(c: Container): Hiring {
  const db = c.database.db;
  const settings = c.config;
  const audit = new AuditLog(db);
  const userRepo = new UserRepository(db);
  const sessions = new SessionRepository(db);
  const interviewRepo = new InterviewRepository(db);
  const reviewRepo = new ReviewRepository(db);
  const interviews = new InterviewService(interviewRepo, audit);
  const candidates = new CandidateService(new CandidateRepository(db), c.storage, audit);
  const { mail, webhooks, tokens } = createHiringIntegrations(c, audit);
  const invites = new InviteService(new InviteRepository(db), interviewRepo, candidates, audit, settings.INVITE_DAYS, mail);
  wireHiringEvents({ invites, candidates, mail, webhooks });
  return {
    settings,
    audit,
    auth: new AuthService({ users: userRepo, sessions, limiter: new LoginLimiter(settings.LOGIN_FAILURES_PER_EMAIL, 15 * 60_000), audit, sessionHours: settings.SESSION_HOURS }),
    users: new UserService(userRepo, sessions, audit),
    interviews,
    candidates,
    invites,
    reviews: new ReviewService(c, reviewRepo, interviewRepo, candidates, audit),
    leaderboard: new LeaderboardService(interviews, candidates, reviewRepo, settings.FAIRNESS_MIN_GROUP),
    mail,
    webhooks,
    tokens,
  };
}

/** The data directory must exist and be writable; leftovers of interrupted uploads are removed. */
async function ensureWritable(dataDir: string, tmpDir: string): Promise<void> {
  try {
    await mkdir(tmpDir, { recursive: true });
    const probe = join(tmpDir, `.write-test-${process.pid}`);
    await writeFile(probe, 'ok');
    await rm(probe);
  } catch (e) {
    throw new StartupError(`The data directory ${dataDir} is not writable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Set DATA_DIR to a writable folder.`);
  }
  for (const f of await readdir(tmpDir)) {
    if (f.startsWith('upload-') || f.startsWith('prepared-')) await rm(join(tmpDir, f), { force: true, recursive: true });
  }
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
