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

  it('refuses common and breached-list passwords, keyboard walks and the user\'s own email, saying why (issue 11)', () => {
    expect(passwordProblem('password12')).toMatch(/too easy to guess: This is a commonly used password/);
    expect(passwordProblem('qwertyuiop')).toMatch(/too easy to guess: This is a frequently used password/);
    expect(passwordProblem('1234567890')).toMatch(/too easy to guess/);
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/too easy to guess/);
    expect(passwordProblem('gracehopper1', ['grace.hopper@example.com', 'Grace Hopper'])).toMatch(/too easy to guess/);
    expect(passwordProblem('correct horse battery')).toBeNull();
    expect(passwordProblem('reviewer password 1')).toBeNull();
  });
});

describe('LoginLimiter', () => {
  it('slows down one address for one email with a doubling delay, capped; other addresses and emails are free; success resets', () => {
    const l = new LoginLimiter(2, 1000, 100);
    l.fail('ip1', 'a', 0);
    expect(l.retryAfterMs('ip1', 'a', 10)).toBe(0);
    l.fail('ip1', 'a', 100);
    expect(l.retryAfterMs('ip1', 'a', 150)).toBe(50); // 100 ms after the 2nd failure
    expect(l.retryAfterMs('ip2', 'a', 150)).toBe(0); // the owner from elsewhere
    expect(l.retryAfterMs('ip1', 'b', 150)).toBe(0);
    l.fail('ip1', 'a', 200);
    expect(l.retryAfterMs('ip1', 'a', 200)).toBe(200); // doubled
    for (let i = 0; i < 10; i++) l.fail('ip1', 'a', 300);
    expect(l.retryAfterMs('ip1', 'a', 300)).toBe(1000); // capped at maxDelayMs
    l.succeed('ip1', 'a');
    expect(l.retryAfterMs('ip1', 'a', 301)).toBe(0);
  });

  it('forgets failures a while after the last one', () => {
    const l = new LoginLimiter(1, 1000, 100, 5000);
    l.fail('ip', 'a', 0);
    expect(l.retryAfterMs('ip', 'a', 50)).toBe(50);
    expect(l.retryAfterMs('ip', 'a', 5000)).toBe(0);
    l.fail('ip', 'a', 5001);
    expect(l.retryAfterMs('ip', 'a', 5001)).toBe(100); // counting starts over
  });
});
