/** Settings of the hiring side: parsed with the others in server/config.ts. */
import type { Config } from '../../config.js';

export type HiringSettings = Pick<Config, 'SESSION_HOURS' | 'LOGIN_RATE_PER_MIN' | 'LOGIN_FAILURES_PER_EMAIL' | 'INVITE_RATE_PER_MIN' | 'INVITE_DAYS' | 'RETENTION_DAYS' | 'PUBLIC_URL' | 'ADMIN_EMAIL' | 'ADMIN_PASSWORD' | 'secureCookies' | 'HOST' | 'PORT'>;
