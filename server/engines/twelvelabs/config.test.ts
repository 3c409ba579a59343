import { describe, expect, it } from 'vitest';
import { parseTwelveLabsConfig } from './config.js';

describe('parseTwelveLabsConfig', () => {
  it('applies the defaults', () => {
    expect(parseTwelveLabsConfig({ TWELVE_LABS_API_KEY: 'k' })).toEqual({
      apiKey: 'k', indexName: 'interview-analyzer', marengoModel: 'marengo3.0', pegasusModel: 'pegasus1.5',
      pollMs: 5000, timeoutMs: 900_000, baseUrl: 'https://api.twelvelabs.io/v1.3',
    });
  });
  it('reads overrides and trims a trailing slash from the base URL', () => {
    const c = parseTwelveLabsConfig({ TWELVE_LABS_API_KEY: 'k', TWELVE_LABS_INDEX: 'x', TWELVE_LABS_POLL_MS: '250', TWELVE_LABS_TIMEOUT_MS: '60000', TWELVELABS_BASE_URL: 'http://127.0.0.1:9/v1.3/' });
    expect([c.indexName, c.pollMs, c.timeoutMs, c.baseUrl]).toEqual(['x', 250, 60000, 'http://127.0.0.1:9/v1.3']);
  });
  it.each([
    [{}, /TWELVE_LABS_API_KEY is required/],
    [{ TWELVE_LABS_API_KEY: '  ' }, /TWELVE_LABS_API_KEY is required/],
    [{ TWELVE_LABS_API_KEY: 'k', TWELVE_LABS_POLL_MS: 'soon' }, /TWELVE_LABS_POLL_MS must be a positive integer/],
    [{ TWELVE_LABS_API_KEY: 'k', TWELVE_LABS_TIMEOUT_MS: '-1' }, /TWELVE_LABS_TIMEOUT_MS must be a positive integer/],
    [{ TWELVE_LABS_API_KEY: 'k', TWELVE_LABS_PEGASUS_MODEL: 'pegasus1.2' }, /TWELVE_LABS_PEGASUS_MODEL must be one of: pegasus1.5/],
    [{ TWELVE_LABS_API_KEY: 'k', TWELVE_LABS_MARENGO_MODEL: 'marengo2.7' }, /TWELVE_LABS_MARENGO_MODEL must be one of: marengo3.0/],
    [{ TWELVE_LABS_API_KEY: 'k', TWELVELABS_BASE_URL: 'not a url' }, /TWELVELABS_BASE_URL must be a URL/],
  ])('rejects %j with a message naming the variable', (env, msg) => {
    expect(() => parseTwelveLabsConfig(env)).toThrow(msg);
  });
  it('never echoes the API key in an error', () => {
    expect(() => parseTwelveLabsConfig({ TWELVE_LABS_API_KEY: 'secret-123', TWELVE_LABS_POLL_MS: 'x' })).toThrow(/^(?!.*secret-123)/s);
  });
});
