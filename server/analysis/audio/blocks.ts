/**
 * Recognition by blocks of speech segments, the unit the streaming analysis can recognise while the answer is still
 * being recorded: consecutive voice-activity segments are grouped greedily until a block spans at least
 * BLOCK_MIN_SEC (the grouping only looks back, so a block is final as soon as its last segment is closed), each block
 * is recognised on its own (with 3 s of audio before it, whose words are dropped, so the recognizer adapts first) and its word times are shifted back. The batch check
 * (the equivalence test) runs the same function over the finished answer, so both paths recognise the same blocks.
 */
import type { Span } from '../report.js';
import type { Pcm } from './decode.js';
import { textOf, type RecognizedWord, type Recognizer, type Transcription } from './recognizer.js';

/** A block closes when it spans this much (seconds). Long enough for the language model, short enough to keep up. */
export const BLOCK_MIN_SEC = 4;
/** Audio kept either side of a block (seconds; segments are already padded by the VAD). */
export const BLOCK_PAD_SEC = 0.25;
/** Audio before a block given to the recognizer so it adapts to the voice and the room first (its words are dropped). */
export const BLOCK_PREROLL_SEC = 3;

export interface Block extends Span {
  /** index of its first and last segment */
  first: number;
  last: number;
}

/**
 * Groups `segments` into blocks. With `final` false (the answer is still arriving), the trailing group that has
 * not reached BLOCK_MIN_SEC yet is left out: it may still grow.
 */
export function groupBlocks(segments: readonly Span[], final: boolean): Block[] {
  const out: Block[] = [];
  let first = 0;
  for (let i = 0; i < segments.length; i++) {
    if (segments[i]!.end - segments[first]!.start >= BLOCK_MIN_SEC) {
      out.push({ start: segments[first]!.start, end: segments[i]!.end, first, last: i });
      first = i + 1;
    }
  }
  if (final && first < segments.length) out.push({ start: segments[first]!.start, end: segments[segments.length - 1]!.end, first, last: segments.length - 1 });
  return out;
}

const key = (b: Span): string => `${b.start.toFixed(3)}-${b.end.toFixed(3)}`;

/** Words per block, recognised once: the streaming session fills it while recording, the final pass reads it. */
export class BlockCache {
  private readonly done = new Map<string, Promise<RecognizedWord[]>>();
  /** Blocks recognised (or being recognised). */
  get size(): number {
    return this.done.size;
  }
  has(b: Span): boolean {
    return this.done.has(key(b));
  }
  /** Recognises `b` unless it was already (or is being) recognised. */
  words(b: Span, pcm: Pcm, recognizer: Recognizer, signal?: AbortSignal): Promise<RecognizedWord[]> {
    const k = key(b);
    let p = this.done.get(k);
    if (!p) {
      p = recognizeBlock(b, pcm, recognizer, signal);
      this.done.set(k, p);
      p.catch(() => this.done.delete(k));
    }
    return p;
  }
}

/** Recognises the audio of one block; word times are seconds from the start of the answer. */
export async function recognizeBlock(b: Span, pcm: Pcm, recognizer: Recognizer, signal?: AbortSignal): Promise<RecognizedWord[]> {
  const from = Math.max(0, Math.floor((b.start - BLOCK_PREROLL_SEC) * pcm.sampleRate));
  const to = Math.min(pcm.samples.length, Math.ceil((b.end + BLOCK_PAD_SEC) * pcm.sampleRate));
  const offset = from / pcm.sampleRate;
  const piece: Pcm = { samples: pcm.samples.subarray(from, to), sampleRate: pcm.sampleRate, durationSec: (to - from) / pcm.sampleRate };
  const t = await recognizer.transcribe(piece, signal);
  const r3 = (x: number): number => Math.round((x + offset) * 1000) / 1000;
  // the pre-roll only warms the recognizer up (its cepstral mean adapts): its words belong to the block before
  return t.words.map((w) => ({ ...w, start: r3(w.start), end: r3(w.end) })).filter((w) => (w.start + w.end) / 2 >= b.start);
}

/** The whole answer's transcription, block by block (through `cache` when given). */
export async function transcribeByBlocks(pcm: Pcm, segments: readonly Span[], recognizer: Recognizer, cache = new BlockCache(), signal?: AbortSignal): Promise<Transcription> {
  const blocks = groupBlocks(segments, true);
  const parts: RecognizedWord[][] = new Array(blocks.length);
  let next = 0;
  // two at a time: the machine has 2 cores
  const lane = async (): Promise<void> => {
    while (next < blocks.length) {
      const i = next++;
      parts[i] = await cache.words(blocks[i]!, pcm, recognizer, signal);
    }
  };
  await Promise.all([lane(), lane()]);
  const words = parts.flat();
  return { words, text: textOf(words) };
}
