/** Speech recognizers sit behind one interface, so the engine does not care which one ran. */
import type { Word } from '../report.js';
import type { Pcm } from './decode.js';

/** A recognized word; `confidence` (0..1) when the recognizer gives one. */
export interface RecognizedWord extends Word {
  confidence?: number;
}

export interface Transcription {
  words: RecognizedWord[];
  text: string;
  /** set when the configured recognizer could not be used and another one ran (the reason, for the report) */
  note?: string;
}

export interface Recognizer {
  readonly name: string;
  transcribe(pcm: Pcm, signal?: AbortSignal): Promise<Transcription>;
}

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
}

export function textOf(words: readonly Word[]): string {
  return words.map((w) => w.text).join(' ');
}
