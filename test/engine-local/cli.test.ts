/** The CLI, spawned as a user would run it. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../server/analysis/report.js';
import { fixture, repoRoot } from '../helpers/fixtures.js';

const bin = join(repoRoot, 'bin/interview-analyzer');
const cli = (...args: string[]) => spawnSync(bin, args, { encoding: 'utf8', timeout: 120_000, env: { ...process.env } });

describe('interview-analyzer CLI', () => {
  it('prints exactly one valid report JSON and exits 0', () => {
    const r = cli('analyze', fixture('short.webm'), '--question', 'Are you ready?', '--json');
    expect(r.status, r.stderr).toBe(0);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    expect(report.engine).toBe('local');
    expect(report.question).toBe('Are you ready?');
    expect(r.stdout.trim().startsWith('{') && r.stdout.trim().endsWith('}')).toBe(true);
    expect(r.stderr).not.toMatch(/\[#/); // no progress bar when stderr is not a TTY
  });

  it.each([
    ['empty.webm', /empty/],
    ['not-a-video.webm', /not a readable video/],
    ['truncated.webm', /.+/],
  ])('rejects %s with one line on stderr and exit 2', (name, msg) => {
    const r = cli('analyze', fixture(name), '--json');
    expect(r.status, r.stderr + r.stdout.slice(0, 200)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(msg);
  });

  it('rejects a missing file and bad usage with exit 2', () => {
    const a = cli('analyze', '/nonexistent/answer.webm');
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/no such file/);
    expect(cli('frobnicate').status).toBe(2);
  });
});
