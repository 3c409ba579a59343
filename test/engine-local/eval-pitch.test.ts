/** The accuracy harness's voice-tone figures, end to end: a labelled synthetic recording through the local engine. */
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatPitchSummaries, summarisePitchAll } from '../../server/analysis/eval/pitch.js';
import { parseEvalArgs, runEval } from '../../server/cli/eval.js';
import { createLocalEngine } from '../../server/engines/local/index.js';
import { fixture, truth } from '../helpers/fixtures.js';

const engine = createLocalEngine({ vision: async () => Promise.reject(new Error('vision is not part of this test')) });
let dir = '';
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe('eval: voice tone', () => {
  it('reports the pitch mean against the truth, the voiced share and the tracker agreement, per file and per set', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ia-eval-pitch-'));
    const set = join(dir, 'labelled');
    await mkdir(set);
    for (const f of ['fast.webm', 'fast.webm.truth.json']) await symlink(fixture(f), join(set, f));
    const args = parseEvalArgs([set, '--no-vision']);
    if ('error' in args) throw new Error(args.error);
    const lines: string[] = [];
    const rows = await runEval(args, engine, (s) => lines.push(s));
    const p = rows[0]!.pitch!;
    const t = truth('fast.webm').pitchMeanHz!;
    expect(p.truthHz).toBe(t);
    expect(p.level).toBe('good');
    expect(Math.abs(p.error!)).toBeLessThan(0.05);
    expect(p.voicedRatio!).toBeGreaterThan(0.4);
    expect(p.trackerAgreement!).toBeGreaterThan(0.9);
    expect(lines.join('')).toMatch(/pitch [\d.]+ Hz vs 100\.4 \([+-]\d+\.\d%\), voiced \d+%, agree \d+%/);
    const sums = summarisePitchAll(rows);
    expect(sums).toHaveLength(1);
    expect(sums[0]).toMatchObject({ group: 'labelled', clips: 1, reliable: 1, truthClips: 1, within5: 1 });
    expect(formatPitchSummaries(sums)).toMatch(/labelled\s+1\s+1\/1\s+1\/1/);
  }, 300_000);
});
