/**
 * Password hashing with scrypt (node:crypto), a per-user random salt and a constant-time compare.
 * Parameters: N = 2^15 (CPU/memory cost, 32 MiB), r = 8 (block size), p = 3 (parallelisation): one of the
 * equivalent minimum settings in the OWASP Password Storage Cheat Sheet (N=2^17,r=8,p=1 / N=2^16,r=8,p=2 /
 * N=2^15,r=8,p=3 ...), about 0.1-0.2 s per hash on one core;
 * 16-byte salt, 64-byte key. Stored as `scrypt$N$r$p$saltB64$hashB64` so parameters can be raised
 * later; hashes made with older parameters still verify.
 */
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonWords } from '@zxcvbn-ts/language-common';
import { dictionary as englishWords, translations } from '@zxcvbn-ts/language-en';

export const SCRYPT_PARAMS = { N: 32768, r: 8, p: 3, saltBytes: 16, keyLen: 64 } as const;

function derive(password: string, salt: Buffer, keyLen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLen, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const maxmem = (N: number, r: number) => 128 * N * r * 2 + 1024 * 1024;

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, saltBytes, keyLen } = SCRYPT_PARAMS;
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, keyLen, { N, r, p, maxmem: maxmem(N, r) });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when `password` matches `stored`; malformed hashes never match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || expected.length === 0) return false;
  const actual = await derive(password, salt, expected.length, { N, r, p, maxmem: maxmem(N, r) });
  return timingSafeEqual(actual, expected);
}

/** A hash nobody can match, used to spend the same time when the email is unknown. */
export const DUMMY_HASH = `scrypt$${SCRYPT_PARAMS.N}$${SCRYPT_PARAMS.r}$${SCRYPT_PARAMS.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(64).toString('base64')}`;

export const PASSWORD_MIN_LENGTH = 10;
/** zxcvbn's guessability score (0-4) a password must reach: 3 = "safely unguessable: moderate protection from offline attacks". */
export const PASSWORD_MIN_SCORE = 3;

/** zxcvbn-ts with the common-password list (from breach corpora), English words and keyboard patterns; built on first use. */
let strength: ZxcvbnFactory | null = null;
const checker = () => (strength ??= new ZxcvbnFactory({ dictionary: { ...commonWords, ...englishWords }, graphs: adjacencyGraphs, translations }));

/**
 * Why `password` is not acceptable, or null. Beyond the length, rejects common and breached-list passwords,
 * keyboard walks, repeats and passwords made of the user's own email or name (`userInputs`), saying why.
 */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > 256) return 'The password must have at most 256 characters.';
  const inputs = userInputs.flatMap((u) => [u, ...u.split(/[@.\s_-]+/)]).filter((u) => u.length >= 3);
  const result = checker().check(password.slice(0, 100), inputs);
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  const why = result.feedback.warning ?? 'This password is easy to guess.';
  const tips = result.feedback.suggestions.join(' ');
  return `This password is too easy to guess: ${why}${/[.!?]$/.test(why) ? '' : '.'}${tips ? ` ${tips}` : ''} A few uncommon words together work well.`;
}
