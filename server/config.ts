/** Settings from the environment (and a `.env` file in the working directory), validated at start. */
import { existsSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { CoachSettings } from './coach/index.js';
import { MODELS, OFFICIAL_BASE_URL } from './engines/local/models/catalog.js';
import type { EngineSettings } from './engines/registry.js';
import { parseTwelveLabsConfig } from './engines/twelvelabs/config.js';
import { DEFAULT_TOOLS, type MediaTools } from './media/tools.js';

/** SPEECH_MODEL: auto, pocketsphinx or a name from the model catalogue. */
const speechModel = z
  .string()
  .refine((v) => v === 'auto' || v === 'pocketsphinx' || MODELS.some((m) => m.name === v), { message: `must be auto, pocketsphinx or one of ${MODELS.map((m) => m.name).join(', ')}` });

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

/** A program: a name looked up on PATH, or a path (with a slash) that must be an existing file. */
const program = (def: string) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((v) => !/[\0\n]/.test(v), { message: 'must be a program name or path' })
    .refine((v) => !v.includes('/') || (existsSync(v) && statSync(v).isFile()), { message: 'no such file (give the full path of the program, or a name on PATH)' })
    .default(def);

/** A folder that must exist. */
const folder = (def: string) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((v) => v === def || (existsSync(v) && statSync(v).isDirectory()), { message: 'no such folder' })
    .default(def);

/** The optional LLM coach (docs/engines.md): off unless LLM_BASE_URL is set, then LLM_MODEL is required. */
const coachSchema = {
  LLM_BASE_URL: z.url({ error: 'LLM_BASE_URL must be a URL such as http://127.0.0.1:11434/v1' }).optional(),
  LLM_MODEL: z.string().trim().min(1).optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number({ error: 'LLM_TIMEOUT_MS must be a number of milliseconds' }).int().positive('LLM_TIMEOUT_MS must be positive').max(3_600_000).default(60_000),
};

export const configSchema = z.object({
  PORT: int(3000, 0, 65535),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  ANALYSIS_ENGINE: z.enum(['local', 'twelvelabs', 'hybrid', 'quick']).default('local'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest accepted upload, in megabytes. */
  MAX_UPLOAD_MB: int(500, 1, 10_000),
  /** Longest accepted video, in seconds (a little above the recording limit: browsers overshoot). */
  MAX_VIDEO_SEC: int(600, 1, 24 * 3600),
  /** Recording limit the browser enforces (seconds). */
  RECORDING_MAX_SEC: int(120, 5, 3600),
  THINK_TIME_SEC: int(20, 0, 600),
  RETAKES: int(2, 0, 20),
  /** Analyses run at once in this process. */
  JOB_CONCURRENCY: int(1, 1, 64),
  /** Streamed uploads a worker analyses at once while they arrive (ROLE=worker; a stream job mostly waits for bytes). */
  STREAM_JOB_CONCURRENCY: int(4, 1, 64),
  /** Attempts before a job ends as failed. */
  JOB_MAX_ATTEMPTS: int(3, 1, 20),
  /** Directory of the built web app (default: dist/web in the checkout). */
  WEB_DIR: z.string().optional(),
  /**
   * Behind a reverse proxy: how many proxy hops to trust (e.g. 1), or the proxies' addresses/CIDRs
   * (comma-separated). `false` (default) trusts none. `true` is refused: it would believe any client's
   * X-Forwarded-For and let anyone pick the address the per-client limits count.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): false | number | string[] => {
      const t = v.trim().toLowerCase();
      if (['false', '0', 'no', 'off'].includes(t)) return false;
      if (['true', 'yes', 'on'].includes(t)) {
        ctx.addIssue({ code: 'custom', message: 'true would trust any client-set X-Forwarded-For; give the number of proxies in front of the server (e.g. 1) or their addresses (e.g. 10.0.0.2,10.0.0.3)' });
        return z.NEVER;
      }
      if (/^\d+$/.test(t)) {
        const n = Number(t);
        if (n > 10) ctx.addIssue({ code: 'custom', message: 'more than 10 proxy hops: give their addresses instead' });
        return n;
      }
      const list = v.split(',').map((x) => x.trim()).filter(Boolean);
      const bad = list.filter((x) => !isIpOrCidr(x));
      if (bad.length > 0 || list.length === 0) {
        ctx.addIssue({ code: 'custom', message: `expected false, a hop count or proxy addresses/CIDRs; not addresses: ${bad.join(', ').slice(0, 200)}` });
        return z.NEVER;
      }
      return list;
    }),
  /** `production` requires PUBLIC_URL (as does listening on a non-loopback HOST). */
  NODE_ENV: z.string().optional(),
  /** Upload requests per minute per client. */
  UPLOAD_RATE_PER_MIN: int(30, 1, 100_000),
  /** How long the demo's POST /upload keeps the request open waiting for the report before answering 504 (see docs/legacy-demo.md). */
  LEGACY_UPLOAD_WAIT_SEC: int(600, 1, 24 * 3600),
  /** A client must send all request headers within this time (slow-loris protection). */
  HEADERS_TIMEOUT_SEC: int(30, 1, 600),
  /** Scale-out adapters (see docs/deploy.md); unset = the embedded defaults. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  /** Seconds a running job stays locked without renewal: how soon a dead worker's job goes to another (default 60, BullMQ 30). */
  JOB_LOCK_SEC: z.coerce.number().int().min(1).max(3600).optional(),
  /** A whole request, upload included, must finish within this time. */
  REQUEST_TIMEOUT_SEC: int(900, 5, 24 * 3600),
  /** Hiring mail (docs/hiring.md): smtp://user:pass@host:port or smtps://...; unset = no mail, invite links are shown to copy. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  /** The sender of hiring mail, e.g. "Acme Hiring <hiring@acme.example>". */
  MAIL_FROM: z.string().min(3).default('Interview Analyzer <no-reply@localhost>'),
  /** Reminders go this many hours before an invite's deadline (comma-separated, e.g. 48,24); 0 = none. */
  INVITE_REMINDER_HOURS: z
    .string()
    .default('24')
    .transform((s, ctx) => {
      const hours = s.split(',').map((x) => Number(x.trim()));
      if (hours.some((h) => !Number.isInteger(h) || h < 0 || h > 24 * 365)) ctx.addIssue({ code: 'custom', message: 'comma-separated whole hours, e.g. 48,24 (0 = no reminder)' });
      return [...new Set(hours.filter((h) => h > 0))].sort((a, b) => b - a);
    }),
  /** Attempts to send one mail before it is marked failed (retries back off 30 s x 4^n, capped at 1 h). */
  MAIL_MAX_ATTEMPTS: int(5, 1, 50),
  /** Attempts to deliver one webhook before it is marked failed. */
  WEBHOOK_MAX_ATTEMPTS: int(6, 1, 50),
  /** A webhook receiver must answer within this time. */
  WEBHOOK_TIMEOUT_SEC: int(10, 1, 120),
  /** Fairness report: groups smaller than this are "too few to judge" (no four-fifths alarm). */
  FAIRNESS_MIN_GROUP: int(5, 1, 1000),
  /** An upload whose body sends nothing for this long is dropped (a silent client does not hold a connection). */
  BODY_IDLE_TIMEOUT_SEC: int(30, 1, 3600),
  /** Analysis budget per client: minutes of media accepted per hour (0 = no limit). */
  ANALYSIS_MINUTES_PER_HOUR: int(60, 0, 100_000),
  /** Analysis budget per client: answers waiting or being analysed at once. */
  ANALYSIS_MAX_QUEUED: int(5, 1, 10_000),
  /** Free space the data directory must keep; below it uploads answer 507 and health reports the disk. */
  DISK_MIN_FREE_MB: int(200, 0, 10_000_000),
  /** Days a browser's record of the questions it has drawn is kept. */
  QUESTION_DRAW_DAYS: int(30, 1, 3650),

  // The hiring side (issue 6).
  /** Lifetime of an admin/reviewer session. */
  SESSION_HOURS: int(12, 1, 24 * 30),
  /** Login attempts per minute per client IP. */
  LOGIN_RATE_PER_MIN: int(10, 1, 100_000),
  /** Failed logins per email per 15 minutes before that email is locked for the rest of the window. */
  LOGIN_FAILURES_PER_EMAIL: int(5, 1, 100_000),
  /** Invite-link requests per minute per client IP (token lookups). */
  INVITE_RATE_PER_MIN: int(60, 1, 100_000),
  /** Default validity of a new invite link. */
  INVITE_DAYS: int(14, 1, 365),
  /** Days candidate answers are kept (unless an interview sets its own); 0 = keep forever. */
  RETENTION_DAYS: int(180, 0, 36_500),
  /** The public address used to build invite URLs, e.g. https://hiring.example.com (default: from the request). */
  PUBLIC_URL: z.url().optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  /** Speech recognizer of the local engine: auto (a downloaded sherpa-onnx model when present), pocketsphinx, or a model name (docs/engines.md). */
  SPEECH_MODEL: speechModel.default('auto'),
  /** Where `interview-analyzer models download` fetches from (the official sherpa-onnx release; a mirror or a test server). */
  SPEECH_MODEL_BASE_URL: z.url().default(OFFICIAL_BASE_URL),
  /** Practice side: open (anonymous + optional accounts), accounts (sign-in required), off (hiring only: practice routes 404). */
  PRACTICE_MODE: z.enum(['open', 'accounts', 'off']).default('open'),
  /** The programs the analysis runs (Debian's ffmpeg and pocketsphinx by default); see server/media/tools.ts. */
  FFMPEG_PATH: program(DEFAULT_TOOLS.ffmpeg),
  FFPROBE_PATH: program(DEFAULT_TOOLS.ffprobe),
  POCKETSPHINX_BIN: program(DEFAULT_TOOLS.pocketsphinxBin),
  POCKETSPHINX_MODEL_DIR: folder(DEFAULT_TOOLS.pocketsphinxModelDir),
  ...coachSchema,
  /** The command line prints the engines' warnings on stderr. */
  IA_VERBOSE: bool.default(false),
});

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Outside development (NODE_ENV=production, or listening beyond this machine) an API process needs PUBLIC_URL: invite URLs never come from the Host header. */
const checkedSchema = configSchema.superRefine((c, ctx) => {
  if (c.LLM_BASE_URL && !c.LLM_MODEL) ctx.addIssue({ code: 'custom', path: ['LLM_MODEL'], message: 'LLM_MODEL is required when LLM_BASE_URL is set' });
  const development = c.NODE_ENV !== 'production' && LOOPBACK.has(c.HOST);
  if (!c.PUBLIC_URL && !development && c.ROLE !== 'worker') {
    ctx.addIssue({
      code: 'custom',
      path: ['PUBLIC_URL'],
      message: `required when ${c.NODE_ENV === 'production' ? 'NODE_ENV=production' : `HOST=${c.HOST} (not loopback)`}: the address people reach the server at, e.g. https://interviews.example.com (invite links and cookies use it)`,
    });
  }
});

function isIpOrCidr(x: string): boolean {
  const [addr, bits, ...rest] = x.split('/');
  if (rest.length > 0 || !addr || (bits !== undefined && !/^\d{1,3}$/.test(bits))) return false;
  return isIP(addr) !== 0 || ['loopback', 'linklocal', 'uniquelocal'].includes(addr);
}

export type Config = z.infer<typeof configSchema> & {
  dataDir: string;
  /** DATA_DIR/models: downloaded speech models */
  modelsDir: string;
  env: Record<string, string | undefined>;
  /** The analysis engines' settings, parsed here and injected into the engine registry. */
  engines: EngineSettings;
  /** Session and practice cookies are Secure (PUBLIC_URL is https). */
  secureCookies: boolean;
  /** ffmpeg, ffprobe and pocketsphinx, handed to server/media/tools.ts by the composition root and the CLI. */
  tools: MediaTools;
  /** The LLM coach's settings; null when LLM_BASE_URL is unset (the coach is off). */
  coach: CoachSettings | null;
};

export class ConfigError extends Error {}

/** Parses settings; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = checkedSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const d = parsed.data;
  return {
    ...d,
    dataDir: resolve(d.DATA_DIR),
    modelsDir: resolve(d.DATA_DIR, 'models'),
    env,
    secureCookies: d.PUBLIC_URL?.startsWith('https:') ?? false,
    engines: engineSettings(env, d.ANALYSIS_ENGINE),
    tools: { ffmpeg: d.FFMPEG_PATH, ffprobe: d.FFPROBE_PATH, pocketsphinxBin: d.POCKETSPHINX_BIN, pocketsphinxModelDir: d.POCKETSPHINX_MODEL_DIR },
    coach: d.LLM_BASE_URL && d.LLM_MODEL ? { baseUrl: d.LLM_BASE_URL, model: d.LLM_MODEL, apiKey: d.LLM_API_KEY, timeoutMs: d.LLM_TIMEOUT_MS } : null,
  };
}

/** The settings of another engine than ANALYSIS_ENGINE (the command line's --engine), from the same settings. */
export function engineSettingsFor(config: Config, engine: string): EngineSettings {
  return engine === config.ANALYSIS_ENGINE ? config.engines : engineSettings(config.env, engine);
}

/**
 * The settings of the analysis engine `engine` (also used by the command line). Throws ConfigError naming the
 * bad variable, so a bad Twelve Labs setting stops the server at start (exit 2), not at the first analysis.
 */
export function engineSettings(env: Record<string, string | undefined>, engine: string): EngineSettings {
  const clean = stripEmpty(env);
  let twelvelabs: EngineSettings['twelvelabs'] = null;
  if (engine === 'twelvelabs' || engine === 'hybrid') {
    try {
      twelvelabs = parseTwelveLabsConfig(clean);
    } catch (e) {
      throw new ConfigError((e as Error).message);
    }
  }
  const model = speechModel.default('auto').safeParse(clean.SPEECH_MODEL);
  if (!model.success) throw new ConfigError(`Invalid settings:\n  SPEECH_MODEL: ${model.error.issues[0]?.message ?? 'invalid'}`);
  return { twelvelabs, speech: { speechModel: model.data, modelsDir: resolve(clean.DATA_DIR ?? './data', 'models') } };
}

function stripEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}
