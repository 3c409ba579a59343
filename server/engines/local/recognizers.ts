/**
 * Which recognizer the local engine uses. SPEECH_MODEL (server/config.ts): "pocketsphinx" (the offline
 * default, always available), "auto" (the first installed sherpa-onnx model in AUTO_ORDER, else pocketsphinx)
 * or a model name (that model; pocketsphinx when it is not installed). A sherpa-onnx model that fails to load
 * or run falls back to pocketsphinx for that answer, and the report's warnings say why.
 */
import { PocketsphinxRecognizer } from '../../analysis/audio/pocketsphinx.js';
import type { Logger, Recognizer, Transcription } from '../../analysis/audio/recognizer.js';
import { SherpaRecognizer } from '../../analysis/audio/sherpa.js';
import type { Pcm } from '../../analysis/audio/decode.js';
import { AUTO_ORDER, findModel } from './models/catalog.js';
import { installedModel } from './models/store.js';

export interface SpeechSettings {
  /** auto | pocketsphinx | a model name from models/catalog.ts */
  speechModel: string;
  /** DATA_DIR/models */
  modelsDir: string;
}

/** Tries `primary`; on failure uses `fallback` and puts the reason in the transcription's note. */
export class FallbackRecognizer implements Recognizer {
  lastName: string;
  constructor(private readonly primary: Recognizer, private readonly fallback: Recognizer, private readonly log?: Logger) {
    this.lastName = primary.name;
  }
  get name(): string {
    return this.lastName;
  }
  async transcribe(pcm: Pcm, signal?: AbortSignal): Promise<Transcription> {
    try {
      this.lastName = this.primary.name;
      return await this.primary.transcribe(pcm, signal);
    } catch (err) {
      if (signal?.aborted) throw err;
      const why = `${this.primary.name} could not be used (${err instanceof Error ? err.message : String(err)}); the transcript is from ${this.fallback.name}`;
      this.log?.warn(why);
      this.lastName = this.fallback.name;
      const t = await this.fallback.transcribe(pcm, signal);
      return { ...t, note: why };
    }
  }
}

export function selectRecognizer(s: SpeechSettings, log?: Logger): { recognizer: Recognizer; reason: string } {
  const sphinx = new PocketsphinxRecognizer();
  if (s.speechModel === 'pocketsphinx') return { recognizer: sphinx, reason: 'SPEECH_MODEL=pocketsphinx' };
  const names = s.speechModel === 'auto' ? AUTO_ORDER : [s.speechModel];
  const problems: string[] = [];
  for (const name of names) {
    const entry = findModel(name);
    if (!entry) {
      problems.push(`unknown speech model "${name}"`);
      continue;
    }
    const inst = installedModel(s.modelsDir, entry);
    if (!inst.ok) {
      problems.push(inst.reason);
      continue;
    }
    const reason = `using sherpa-onnx model ${name} (${inst.dir})`;
    log?.info(reason);
    return { recognizer: new FallbackRecognizer(new SherpaRecognizer({ name, family: entry.family, dir: inst.dir, files: entry.files }), sphinx, log), reason };
  }
  const reason = s.speechModel === 'auto' ? `no sherpa-onnx model installed in ${s.modelsDir} (run: interview-analyzer models download moonshine-base-en)` : problems.join('; ');
  log?.info(`speech recognition: pocketsphinx (${reason})`);
  return { recognizer: sphinx, reason };
}
