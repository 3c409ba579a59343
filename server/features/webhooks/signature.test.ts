import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sign, verify } from './signature.js';

describe('webhook signature', () => {
  const at = new Date('2026-12-03T10:00:00Z');
  it('is HMAC-SHA256 over "<t>.<body>" in hex, with the unix time', () => {
    const h = sign('s3cret', '{"a":1}', at);
    const t = at.getTime() / 1000;
    expect(h).toBe(`t=${t},v1=${createHmac('sha256', 's3cret').update(`${t}.{"a":1}`).digest('hex')}`);
  });
  it('verifies only the same secret, body and a fresh time', () => {
    const h = sign('s3cret', 'body', at);
    expect(verify('s3cret', 'body', h, at)).toBe(true);
    expect(verify('other', 'body', h, at)).toBe(false);
    expect(verify('s3cret', 'body!', h, at)).toBe(false);
    expect(verify('s3cret', 'body', h, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verify('s3cret', 'body', undefined, at)).toBe(false);
    expect(verify('s3cret', 'body', 't=x,v1=zz', at)).toBe(false);
  });
});
