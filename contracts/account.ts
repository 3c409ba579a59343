/** Practice accounts (issue 11): sign up, sign in, the signed-in practice user, password, deletion. */
import { z } from 'zod';

export const PRACTICE_MODES = ['open', 'accounts', 'off'] as const;
export const practiceModeSchema = z.enum(PRACTICE_MODES);
/** open: anonymous practice plus optional accounts; accounts: sign-in required; off: no practice side. */
export type PracticeMode = z.infer<typeof practiceModeSchema>;

export const accountUser = z.object({ id: z.string(), email: z.string(), name: z.string(), createdAt: z.string() });
export type AccountUser = z.infer<typeof accountUser>;

/** GET /api/account: who practises in this browser. */
export const accountState = z.object({
  mode: practiceModeSchema,
  /** The signed-in practice user, or null (anonymous). */
  user: accountUser.nullable(),
  /** A hiring-team member is signed in (practice answers are kept under that account; manage it in the admin panel). */
  staff: z.boolean(),
});
export type AccountState = z.infer<typeof accountState>;

export const signUpBody = z.object({ email: z.string().trim().email('Enter a valid email address.').max(320), password: z.string().max(256), name: z.string().trim().max(200).default('') });
export type SignUpBody = z.input<typeof signUpBody>;

export const signInBody = z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(256) });
export type SignInBody = z.infer<typeof signInBody>;

/** What signing up or in took over from this browser's anonymous practice: answers, own questions, question sets, mock interviews. */
export const claimedWork = z.object({ answers: z.number().int(), questions: z.number().int(), questionSets: z.number().int(), mockSessions: z.number().int() });
export type ClaimedWork = z.infer<typeof claimedWork>;

/** Sign up / sign in: the user, the CSRF token to echo, how many anonymous answers of this browser were claimed (`claimed`), and all that was claimed (`claimedWork`). */
export const signedIn = z.object({ user: accountUser, csrfToken: z.string(), claimed: z.number().int(), claimedWork: claimedWork });
export type SignedIn = z.infer<typeof signedIn>;

export const passwordChange = z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().max(256) });
export type PasswordChange = z.infer<typeof passwordChange>;

/** DELETE /api/account: the password again, so a borrowed browser cannot erase an account. */
export const accountDelete = z.object({ password: z.string().min(1).max(256) });
export type AccountDelete = z.infer<typeof accountDelete>;
/** What deleting an account removed. */
export const accountDeleted = z.object({ deletedAnswers: z.number() });
export type AccountDeleted = z.infer<typeof accountDeleted>;
