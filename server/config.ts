/** Settings from the environment (and a `.env` file in the working directory), validated at start. */
import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

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
  /** Attempts before a job ends as failed. */
  JOB_MAX_ATTEMPTS: int(3, 1, 20),
  /** Directory of the built web app (default: dist/web in the checkout). */
  WEB_DIR: z.string().optional(),
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  TRUST_PROXY: bool.default(false),
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
  /** Practice side: open (anonymous + optional accounts), accounts (sign-in required), off (hiring only: practice routes 404). */
  PRACTICE_MODE: z.enum(['open', 'accounts', 'off']).default('open'),
});

export type Config = z.infer<typeof configSchema> & { dataDir: string; env: Record<string, string | undefined> };

export class ConfigError extends Error {}

/** Parses settings; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.DATA_DIR), env };
}

function stripEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}
