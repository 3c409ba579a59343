import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // 2-core machines: real ffmpeg, models and Chromium run in the tests, so keep parallelism modest.
    maxWorkers: 2,
    pool: 'forks',
  },
});
