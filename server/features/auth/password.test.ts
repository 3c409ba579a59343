import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter.js';
import { DUMMY_HASH, hashPassword, passwordProblem, verifyPassword } from './password.js';

describe('scrypt passwords', () => {
  it('hashes with a per-user salt and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b); // different salts
    expect(a.split('$').slice(0, 4)).toEqual(['scrypt', '32768', '8', '3']);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('never matches malformed or tampered hashes', async () => {
    const h = await hashPassword('some password 1');
    const parts = h.split('$');
    expect(await verifyPassword('some password 1', [...parts.slice(0, 5), Buffer.alloc(64).toString('base64')].join('$'))).toBe(false);
    expect(await verifyPassword('some password 1', 'plain')).toBe(false);
    expect(await verifyPassword('some password 1', h.replace('scrypt$32768', 'scrypt$99999999'))).toBe(false);
    expect(await verifyPassword('anything', DUMMY_HASH)).toBe(false);
  });

  it('asks for at least 10 characters', () => {
    expect(passwordProblem('short')).toMatch(/at least 10/);
    expect(passwordProblem('long enough!')).toBeNull();
  });
});

describe('LoginLimiter', () => {
  it('locks a key after max failures for the rest of the window; success resets', () => {
    const l = new LoginLimiter(2, 1000);
    l.fail('a', 0);
    expect(l.retryAfterMs('a', 10)).toBe(0);
    l.fail('a', 100);
    expect(l.retryAfterMs('a', 200)).toBe(800);
    expect(l.retryAfterMs('b', 200)).toBe(0);
    expect(l.retryAfterMs('a', 1000)).toBe(0);
    l.fail('c', 0);
    l.succeed('c');
    l.fail('c', 1);
    expect(l.retryAfterMs('c', 2)).toBe(0);
  });
});
