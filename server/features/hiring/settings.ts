/** Settings of the hiring side, read from the environment (all optional). */
import { z } from 'zod';

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

export const hiringSettingsSchema = z.object({
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
  PUBLIC_URL: z.string().url().optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().optional(),
});

export type HiringSettings = z.infer<typeof hiringSettingsSchema>;

export function loadHiringSettings(env: Record<string, string | undefined>): HiringSettings {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') clean[k] = v;
  const parsed = hiringSettingsSchema.safeParse(clean);
  if (!parsed.success) {
    throw new Error(`Invalid hiring settings:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}
