/** Paths and ground truth of the shared test media in ../shared/fixtures (beside the repository). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = process.env.FIXTURES_DIR ?? resolve(repoRoot, '../shared/fixtures/media');

export interface Truth {
  durationSec: number | null;
  text: string | null;
  wordCount: number | null;
  fillerWords: string[] | null;
  speechStartSec: number | null;
  speechEndSec: number | null;
  pauses: Array<{ start: number; end: number }> | null;
  wpm: number | null;
  facePresent: boolean | null;
  facingCamera: boolean | null;
  voice: string | null;
  pitchMeanHz: number | null;
  expect: 'ok' | 'error';
}

export function fixture(name: string): string {
  const p = join(fixturesDir, name);
  if (!existsSync(p)) throw new Error(`fixture ${name} not found in ${fixturesDir} (the shared/ folder must sit beside the repository)`);
  return p;
}

export function truth(name: string): Truth {
  return JSON.parse(readFileSync(`${fixture(name)}.truth.json`, 'utf8')) as Truth;
}
