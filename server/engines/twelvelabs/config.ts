/** Settings of the Twelve Labs engine, parsed from an env object (process.env or a test's object). */
import { z } from 'zod';

/** The model names twelvelabs-js 1.3.4 accepts (its serializers reject anything else before sending). */
export const MARENGO_MODELS = ['marengo3.0'] as const;
export const PEGASUS_MODELS = ['pegasus1.5'] as const;
export const DEFAULT_BASE_URL = 'https://api.twelvelabs.io/v1.3';

const positiveInt = (name: string, def: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return def;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a positive integer (milliseconds), got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const envSchema = z.object({
  TWELVE_LABS_API_KEY: z
    .string({ error: 'TWELVE_LABS_API_KEY is required for the twelvelabs and hybrid engines' })
    .trim()
    .min(1, 'TWELVE_LABS_API_KEY is required for the twelvelabs and hybrid engines'),
  TWELVE_LABS_INDEX: z.string().trim().min(1, 'TWELVE_LABS_INDEX must not be empty').default('interview-analyzer'),
  TWELVE_LABS_MARENGO_MODEL: z
    .enum(MARENGO_MODELS, { error: `TWELVE_LABS_MARENGO_MODEL must be one of: ${MARENGO_MODELS.join(', ')}` })
    .default('marengo3.0'),
  TWELVE_LABS_PEGASUS_MODEL: z
    .enum(PEGASUS_MODELS, { error: `TWELVE_LABS_PEGASUS_MODEL must be one of: ${PEGASUS_MODELS.join(', ')}` })
    .default('pegasus1.5'),
  TWELVE_LABS_POLL_MS: positiveInt('TWELVE_LABS_POLL_MS', 5000),
  TWELVE_LABS_TIMEOUT_MS: positiveInt('TWELVE_LABS_TIMEOUT_MS', 15 * 60 * 1000),
  /** Same variable the SDK's TwelveLabs wrapper reads; we pass it to the client explicitly. */
  TWELVELABS_BASE_URL: z
    .url({ error: 'TWELVELABS_BASE_URL must be a URL such as https://api.twelvelabs.io/v1.3' })
    .optional(),
});

export interface TwelveLabsConfig {
  apiKey: string;
  indexName: string;
  marengoModel: (typeof MARENGO_MODELS)[number];
  pegasusModel: (typeof PEGASUS_MODELS)[number];
  pollMs: number;
  timeoutMs: number;
  baseUrl: string;
}

/** Parse the engine settings; throws an Error naming the bad variable (never echoing the API key). */
export function parseTwelveLabsConfig(env: Record<string, string | undefined>): TwelveLabsConfig {
  const r = envSchema.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => {
      const name = String(i.path[0] ?? '');
      return i.message.includes(name) ? i.message : `${name}: ${i.message}`;
    });
    throw new Error(`Invalid Twelve Labs settings: ${lines.join('; ')}`);
  }
  const e = r.data;
  return {
    apiKey: e.TWELVE_LABS_API_KEY,
    indexName: e.TWELVE_LABS_INDEX,
    marengoModel: e.TWELVE_LABS_MARENGO_MODEL,
    pegasusModel: e.TWELVE_LABS_PEGASUS_MODEL,
    pollMs: e.TWELVE_LABS_POLL_MS,
    timeoutMs: e.TWELVE_LABS_TIMEOUT_MS,
    baseUrl: (e.TWELVELABS_BASE_URL ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
  };
}
