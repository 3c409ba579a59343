import { defineConfig } from 'vitest/config';

/** Unit tests: pure modules, no server, no child process, no browser; `npm run test:unit` takes seconds. */
const UNIT = ['server/**/*.test.ts', 'test/web/**/*.test.ts'];
/** Tests beside the server code that run ffmpeg, so they belong with the integration tests. */
const SPAWNING = ['server/analysis/vision/frames.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // 2-core machines: real ffmpeg, models and Chromium run in the tests, so keep parallelism modest.
    maxWorkers: 2,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, exclude: SPAWNING, pool: 'threads' } },
      // API, durability, scale-out and browser tests: real servers, ffmpeg, SQLite/Postgres/Redis, Chromium.
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts', ...SPAWNING], exclude: ['test/web/**'] } },
    ],
  },
});
