/**
 * Speech models for the sherpa-onnx recognizer, fetched by `interview-analyzer models download NAME` from the
 * k2-fsa/sherpa-onnx GitHub release "asr-models" (the project's official distribution). Figures are the
 * published ones (see docs/engines.md for sources); none could be measured here (no network).
 *
 * sha256: the sherpa-onnx release publishes no checksums (its assets predate GitHub's per-asset digests).
 * Where a digest is pinned below it was taken from a public model catalogue that pins it; it could not be
 * re-computed here. Where it is null the download is accepted on first use and its SHA-256 is recorded in
 * the model's manifest and printed, so later copies can be compared (trust on first use, said plainly).
 */
export const OFFICIAL_BASE_URL = 'https://github.com/k2-fsa/sherpa-onnx/releases/download/asr-models';

export type ModelFamily = 'moonshine' | 'whisper' | 'transducer';

export interface ModelEntry {
  name: string;
  archive: string;
  /** directory the archive unpacks to */
  dir: string;
  family: ModelFamily;
  sha256: string | null;
  /** approximate download size, for the listing */
  approxMb: number;
  /** files (relative to dir) that must be present after extraction */
  files: Record<string, string>;
  /** published English WER (LibriSpeech test-clean / test-other, %) */
  publishedWer: string;
  /** do its transcripts keep um/uh? */
  keepsFillers: string;
}

export const MODELS: readonly ModelEntry[] = [
  {
    name: 'moonshine-base-en',
    archive: 'sherpa-onnx-moonshine-base-en-int8.tar.bz2',
    dir: 'sherpa-onnx-moonshine-base-en-int8',
    family: 'moonshine',
    sha256: '21870cecaa2e44e4e2bf63e02d1072bed183ccd10284871353bd9d24dad14e5e',
    approxMb: 239,
    files: { preprocessor: 'preprocess.onnx', encoder: 'encode.int8.onnx', uncachedDecoder: 'uncached_decode.int8.onnx', cachedDecoder: 'cached_decode.int8.onnx', tokens: 'tokens.txt' },
    publishedWer: '3.2 / 8.2 (Moonshine paper, 61 M parameters)',
    keepsFillers: 'no: trained on transcripts without disfluencies; fillers come from the acoustic/phone pass',
  },
  {
    name: 'moonshine-tiny-en',
    archive: 'sherpa-onnx-moonshine-tiny-en-int8.tar.bz2',
    dir: 'sherpa-onnx-moonshine-tiny-en-int8',
    family: 'moonshine',
    sha256: 'd5fe6ec4334fef36255b2a4010412cad4c007e33103fec62fb5d17cad88086f2',
    approxMb: 103,
    files: { preprocessor: 'preprocess.onnx', encoder: 'encode.int8.onnx', uncachedDecoder: 'uncached_decode.int8.onnx', cachedDecoder: 'cached_decode.int8.onnx', tokens: 'tokens.txt' },
    publishedWer: '4.5 / 11.7 (Moonshine paper, 27 M parameters)',
    keepsFillers: 'no (as moonshine-base-en)',
  },
  {
    name: 'whisper-base.en',
    archive: 'sherpa-onnx-whisper-base.en.tar.bz2',
    dir: 'sherpa-onnx-whisper-base.en',
    family: 'whisper',
    sha256: null,
    approxMb: 199,
    files: { encoder: 'base.en-encoder.int8.onnx', decoder: 'base.en-decoder.int8.onnx', tokens: 'base.en-tokens.txt' },
    publishedWer: '4.3 / 12.8 (Whisper paper, 74 M parameters)',
    keepsFillers: 'no: Whisper normally omits um/uh (its training transcripts drop them)',
  },
  {
    name: 'parakeet-tdt-0.6b-v2',
    archive: 'sherpa-onnx-nemo-parakeet-tdt-0.6b-v2-int8.tar.bz2',
    dir: 'sherpa-onnx-nemo-parakeet-tdt-0.6b-v2-int8',
    family: 'transducer',
    sha256: null,
    approxMb: 631,
    files: { encoder: 'encoder.int8.onnx', decoder: 'decoder.int8.onnx', joiner: 'joiner.int8.onnx', tokens: 'tokens.txt' },
    publishedWer: '1.7 / 3.2 (NVIDIA model card, 600 M parameters)',
    keepsFillers: 'not documented; treat as no',
  },
];

/** Preference order for SPEECH_MODEL=auto: the first one installed is used. */
export const AUTO_ORDER = ['moonshine-base-en', 'parakeet-tdt-0.6b-v2', 'whisper-base.en', 'moonshine-tiny-en'];
export const DEFAULT_MODEL = 'moonshine-base-en';

export function findModel(name: string): ModelEntry | undefined {
  return MODELS.find((m) => m.name === name);
}
