/**
 * Filled pauses (um, uh, er, hmm) that the word recognizer turned into words ("um" -> "bum", "uh" -> "but")
 * or left out: pocketsphinx's language model prefers real words. We re-listen to the suspicious stretches
 * (short low-confidence words, and voiced gaps with no word) with pocketsphinx's context-independent phone decoder (-allphone, -allphone_ci yes: fast;
 * -remove_silence no: its energy VAD otherwise drops a quiet "uh" next to the digital-silence separators),
 * and call a stretch a filled pause when its phones are only a neutral vowel optionally closed by M
 * ("AH M" = um, "AH" = uh, "ER" = er, "HH M"/"M" = hmm). All stretches go in one WAV, one process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Span } from '../report.js';
import { run } from '../../media/ffmpeg.js';
import { writeWav, type Pcm } from './decode.js';
import { SPHINX_BIN, SPHINX_MODEL_DIR } from './pocketsphinx.js';
import type { RecognizedWord } from './recognizer.js';

export const FILLED = new Set(['um', 'uh', 'er', 'ah', 'hmm', 'umm', 'uhm', 'mm', 'erm']);

export interface Candidate extends Span {
  /** index of the recognized word it may replace, or -1 for a voiced gap with no word */
  wordIndex: number;
}

/**
 * Short (0.15-0.6 s: a held filler is rarely under 0.15 s, and at 0.12 s the first word of a read clip, cut by
 * the start of the recording, was taken for "uh"), low-confidence (< 0.5) words that stand apart (>= 0.1 s of silence before or after, or
 * first/last word: filled pauses sit at phrase edges), plus voiced gaps of 0.15-1.5 s. Capped at 60.
 */
export function filledPauseCandidates(words: readonly RecognizedWord[], voicedGaps: readonly Span[]): Candidate[] {
  const out: Candidate[] = [];
  words.forEach((w, i) => {
    const d = w.end - w.start;
    if (FILLED.has(w.text)) return;
    const before = i === 0 ? Infinity : w.start - words[i - 1]!.end;
    const after = i === words.length - 1 ? Infinity : words[i + 1]!.start - w.end;
    const apart = before >= 0.1 || after >= 0.1;
    if (d >= 0.15 && d <= 0.6 && (w.confidence ?? 1) < 0.5 && apart) out.push({ start: w.start, end: w.end, wordIndex: i });
  });
  for (const g of voicedGaps) if (g.end - g.start >= 0.15 && g.end - g.start <= 1.5) out.push({ ...g, wordIndex: -1 });
  return out.sort((a, b) => a.start - b.start).slice(0, 60);
}

export interface PhoneDur {
  phone: string;
  dur: number;
}

/**
 * The filler a phone sequence spells, or null. SIL and noise phones are ignored; phones shorter than 50 ms are
 * treated as transition noise. "er" (ER alone) is accepted only for voiced gaps: as a word replacement it
 * confuses with "or", "her", "your".
 */
export function fillerFromPhones(phones: readonly PhoneDur[], allowEr = false): string | null {
  const p = phones.filter((x) => x.phone !== 'SIL' && !x.phone.startsWith('+') && x.dur >= 0.05).map((x) => x.phone);
  if (p.length === 0 || p.length > 4) return null;
  const s = p.join(' ');
  if (/^(HH )?(M ?)+$/.test(s)) return 'hmm';
  if (/^(HH )?(ER ?)+$/.test(s)) return allowEr ? 'er' : null;
  if (!/^(HH )?((AH|AA|AO|UH) ?)+( ?M)*$/.test(s)) return null;
  return s.endsWith('M') ? 'um' : 'uh';
}

interface Phone extends Span {
  phone: string;
}

export function parsePhones(stdout: string): Phone[] {
  const out: Phone[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^(\S+) (\d+\.\d+) (\d+\.\d+) /.exec(line.trim() + ' ');
    if (m) out.push({ phone: m[1]!, start: Number(m[2]), end: Number(m[3]) });
  }
  return out;
}

const GAP = 0.5; // silence between stretches in the joined file
const PAD = 0.05;

/** Decodes the candidates' phones and returns the filler each one is (or null). */
export async function classifyCandidates(pcm: Pcm, cands: readonly Candidate[], signal?: AbortSignal): Promise<Array<string | null>> {
  if (cands.length === 0) return [];
  const sr = pcm.sampleRate;
  const pieces: Float32Array[] = [];
  const offsets: Span[] = [];
  let t = GAP;
  pieces.push(new Float32Array(Math.round(GAP * sr)));
  for (const c of cands) {
    const a = Math.max(0, Math.round((c.start - PAD) * sr));
    const b = Math.min(pcm.samples.length, Math.round((c.end + PAD) * sr));
    const seg = pcm.samples.subarray(a, b);
    offsets.push({ start: t, end: t + seg.length / sr });
    pieces.push(seg, new Float32Array(Math.round(GAP * sr)));
    t += seg.length / sr + GAP;
  }
  const joined = new Float32Array(pieces.reduce((n, p) => n + p.length, 0));
  let k = 0;
  for (const p of pieces) {
    joined.set(p, k);
    k += p.length;
  }
  const dir = await mkdtemp(join(tmpdir(), 'ia-phones-'));
  try {
    const wav = join(dir, 'cands.wav');
    await writeWav(wav, joined, sr);
    const args = ['-infile', wav, '-hmm', join(SPHINX_MODEL_DIR, 'en-us'), '-allphone', join(SPHINX_MODEL_DIR, 'en-us-phone.lm.bin'), '-allphone_ci', 'yes',
      '-time', 'yes', '-logfn', '/dev/null', '-beam', '1e-20', '-pbeam', '1e-20', '-remove_silence', 'no'];
    const r = await run(SPHINX_BIN, args, { signal });
    if (r.code !== 0) throw new Error(`pocketsphinx -allphone failed (exit ${r.code})`);
    const phones = parsePhones(r.stdout.toString('utf8'));
    return offsets.map((o, i) => {
      const inside = phones
        .filter((p) => (p.start + p.end) / 2 > o.start && (p.start + p.end) / 2 < o.end)
        .map((p) => ({ phone: p.phone, dur: p.end - p.start }));
      return fillerFromPhones(inside, cands[i]!.wordIndex < 0);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Words with the detected filled pauses replaced or inserted (a gap's filler becomes a new word). */
export function applyFilledPauses(words: readonly RecognizedWord[], cands: readonly Candidate[], labels: ReadonlyArray<string | null>): RecognizedWord[] {
  const out = words.map((w) => ({ ...w }));
  const added: RecognizedWord[] = [];
  cands.forEach((c, i) => {
    const label = labels[i];
    if (!label) return;
    if (c.wordIndex >= 0) out[c.wordIndex] = { ...out[c.wordIndex]!, text: label };
    else added.push({ text: label, start: c.start, end: c.end });
  });
  return [...out, ...added].sort((a, b) => a.start - b.start);
}
