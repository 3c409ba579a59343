/** The pieces the streaming analysis computes as audio arrives equal the batch functions on the whole answer. */
import { describe, expect, it } from 'vitest';
import { BLOCK_MIN_SEC, groupBlocks } from './blocks.js';
import { IntensityStream, intensityDb } from './intensity.js';
import { PitchStream, pitchFrames } from './pitch.js';

/** 3 s of a voice-like signal (gliding 110-220 Hz tone with harmonics, pauses, a quiet stretch) at 16 kHz. */
function voice(): Float32Array {
  const sr = 16_000;
  const x = new Float32Array(sr * 3);
  let phase = 0;
  for (let i = 0; i < x.length; i++) {
    const t = i / sr;
    const f0 = 110 + 110 * (t / 3);
    phase += (2 * Math.PI * f0) / sr;
    const gate = t % 1 < 0.7 ? 1 : t % 1 < 0.85 ? 0.002 : 0;
    x[i] = gate * (0.5 * Math.sin(phase) + 0.2 * Math.sin(2 * phase) + 0.1 * Math.sin(3 * phase));
  }
  return x;
}

describe('audio measured in pieces', () => {
  it('PitchStream gives pitchFrames() exactly (F0 and the cross-check), whatever the piece sizes', () => {
    const x = voice();
    const batch = pitchFrames(x, 16_000);
    const s = new PitchStream(16_000);
    for (const n of [100, 1600, 5000, 5001, 20_000, 33_333, x.length]) s.advance(x, n);
    const streamed = s.finish();
    const plain = (a: Float32Array): number[] => Array.from(a).map((v) => (Number.isNaN(v) ? -1 : v));
    expect(streamed.f0.length).toBe(batch.f0.length);
    expect(plain(streamed.f0)).toEqual(plain(batch.f0));
    expect(plain(streamed.check)).toEqual(plain(batch.check));
    expect(batch.f0.some((v) => !Number.isNaN(v))).toBe(true);
    expect(batch.check.some((v) => !Number.isNaN(v))).toBe(true);
  });

  it('IntensityStream gives intensityDb() exactly', () => {
    const x = voice();
    const s = new IntensityStream(16_000);
    for (const n of [10, 640, 641, 9999, x.length]) s.advance(x, n);
    expect(Array.from(s.finish())).toEqual(Array.from(intensityDb(x, 16_000)));
  });
});

describe('blocks of speech segments', () => {
  const segs = [
    { start: 0.5, end: 1.5 },
    { start: 2, end: 3.2 },
    { start: 3.5, end: 5 },
    { start: 6, end: 6.5 },
    { start: 7, end: 10.2 },
    { start: 11, end: 11.4 },
  ];

  it('groups segments until a block spans BLOCK_MIN_SEC; the last group waits while the answer goes on', () => {
    const open = groupBlocks(segs, false);
    expect(open).toEqual([
      { start: 0.5, end: 5, first: 0, last: 2 },
      { start: 6, end: 10.2, first: 3, last: 4 },
    ]);
    for (const b of open) expect(b.end - b.start).toBeGreaterThanOrEqual(BLOCK_MIN_SEC);
    const final = groupBlocks(segs, true);
    expect(final).toEqual([...open, { start: 11, end: 11.4, first: 5, last: 5 }]);
  });

  it('only looks back: blocks found on a prefix of the segments stay the same when more arrive', () => {
    for (let k = 1; k <= segs.length; k++) {
      const early = groupBlocks(segs.slice(0, k), false);
      expect(groupBlocks(segs, true).slice(0, early.length)).toEqual(early);
    }
  });
});
