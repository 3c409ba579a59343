/**
 * Default offline recognizer: Debian's pocketsphinx 5prealpha (`pocketsphinx_continuous`) with the
 * pocketsphinx-en-us model. `-time yes` prints one line per segment: "word start end confidence".
 * Utterance markers (<s>, </s>), silence (<sil>) and noise tokens ([NOISE], [SPEECH]) are dropped,
 * pronunciation variants ("during(3)") are normalised to the word.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Word } from '../report.js';
import { run } from '../../media/ffmpeg.js';
import { SPHINX_BIN, SPHINX_MODEL_DIR } from '../../media/tools.js';
import { writeWav, type Pcm } from './decode.js';
import { textOf, type Recognizer, type Transcription } from './recognizer.js';

// POCKETSPHINX_BIN and POCKETSPHINX_MODEL_DIR: parsed in config.ts, set through media/tools.ts (live bindings).
export { SPHINX_BIN, SPHINX_MODEL_DIR } from '../../media/tools.js';

export interface SphinxWord extends Word {
  confidence: number;
}

/** Parses `-time yes` output; keeps only real words, with their posterior confidence. */
export function parseSphinxTimes(stdout: string): SphinxWord[] {
  const words: SphinxWord[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^(\S+) (\d+\.\d+) (\d+\.\d+) (\d+(?:\.\d+)?)$/.exec(line.trim());
    if (!m) continue;
    const token = m[1]!;
    if (/^<.*>$|^\[.*\]$|^\+\+.*\+\+$/.test(token)) continue;
    words.push({ text: token.replace(/\(\d+\)$/, ''), start: Number(m[2]), end: Number(m[3]), confidence: Number(m[4]) });
  }
  return words;
}

/** Runs pocketsphinx_continuous on a 16 kHz mono WAV file. */
export async function sphinxWavToWords(wavPath: string, signal?: AbortSignal, extraArgs: string[] = []): Promise<{ words: SphinxWord[]; stdout: string }> {
  const args = [
    '-infile', wavPath,
    '-hmm', join(SPHINX_MODEL_DIR, 'en-us'),
    '-lm', join(SPHINX_MODEL_DIR, 'en-us.lm.bin'),
    '-dict', join(SPHINX_MODEL_DIR, 'cmudict-en-us.dict'),
    '-time', 'yes',
    '-logfn', '/dev/null',
    ...extraArgs,
  ];
  const r = await run(SPHINX_BIN, args, { signal });
  if (r.code !== 0) throw new Error(`pocketsphinx failed (exit ${r.code}): ${r.stderr.trim().split('\n').pop() ?? ''}`);
  const stdout = r.stdout.toString('utf8');
  return { words: parseSphinxTimes(stdout), stdout };
}

export class PocketsphinxRecognizer implements Recognizer {
  readonly name = 'pocketsphinx-5prealpha-en-us';
  async transcribe(pcm: Pcm, signal?: AbortSignal): Promise<Transcription> {
    const dir = await mkdtemp(join(tmpdir(), 'ia-sphinx-'));
    try {
      const wav = join(dir, 'audio.wav');
      await writeWav(wav, pcm.samples, pcm.sampleRate);
      const { words } = await sphinxWavToWords(wav, signal);
      return { words, text: textOf(words) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
