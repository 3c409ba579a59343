import { describe, expect, it } from 'vitest';
import { baseMimeType, pickMimeType, uploadFileName } from '../../web/src/lib/mime.js';
import { mediaErrorGuidance } from '../../web/src/lib/mediaErrors.js';
import { eyeContactSeries, pitchSeries } from '../../web/src/lib/series.js';
import { percent, stageLabel } from '../../web/src/lib/labels.js';

describe('pickMimeType', () => {
  it('prefers vp9, then vp8, then plain webm, then mp4', () => {
    expect(pickMimeType(() => true)).toBe('video/webm;codecs=vp9,opus');
    expect(pickMimeType((t) => t !== 'video/webm;codecs=vp9,opus')).toBe('video/webm;codecs=vp8,opus');
    expect(pickMimeType((t) => t === 'video/webm' || t === 'video/mp4')).toBe('video/webm');
    expect(pickMimeType((t) => t === 'video/mp4')).toBe('video/mp4');
    expect(pickMimeType(() => false)).toBeNull();
    expect(
      pickMimeType(() => {
        throw new Error('nope');
      }),
    ).toBeNull();
  });
  it('derives the upload file name from the container', () => {
    expect(baseMimeType('video/webm;codecs=vp8,opus')).toBe('video/webm');
    expect(uploadFileName('video/mp4')).toBe('answer.mp4');
    expect(uploadFileName('video/webm;codecs=vp9,opus')).toBe('answer.webm');
  });
});

describe('mediaErrorGuidance', () => {
  it('distinguishes denied, missing and busy devices', () => {
    expect(mediaErrorGuidance('NotAllowedError').title).toMatch(/blocked/);
    expect(mediaErrorGuidance('NotFoundError').title).toMatch(/No camera/);
    expect(mediaErrorGuidance('NotReadableError').title).toMatch(/busy/);
    expect(mediaErrorGuidance('Weird', 'boom').steps[0]).toBe('boom');
  });
});

describe('series', () => {
  it('drops unvoiced pitch samples and downsamples', () => {
    const track = [
      { t: 0, hz: null },
      { t: 0.01, hz: 110.4 },
      { t: 0.02, hz: 0 },
      { t: 0.03, hz: 120.6 },
    ];
    expect(pitchSeries(track)).toEqual([
      { x: 0.01, y: 110 },
      { x: 0.03, y: 121 },
    ]);
    const long = Array.from({ length: 1000 }, (_, i) => ({ t: i / 100, hz: 100 + (i % 7) }));
    expect(pitchSeries(long, 100)).toHaveLength(100);
    expect(pitchSeries(undefined)).toEqual([]);
  });
  it('bins eye contact as percent facing, no face counting as not facing', () => {
    const tl = [
      { t: 0.0, facePresent: true, facing: true },
      { t: 0.5, facePresent: true, facing: true },
      { t: 1.0, facePresent: true, facing: false },
      { t: 1.5, facePresent: false, facing: null },
      { t: 2.0, facePresent: true, facing: true },
    ];
    expect(eyeContactSeries(tl, 2)).toEqual([
      { x: 1, y: 50 },
      { x: 3, y: 100 },
    ]);
    expect(eyeContactSeries(null)).toEqual([]);
  });
});

describe('labels', () => {
  it('maps known stages and humanises unknown ones', () => {
    expect(stageLabel('transcribe')).toBe('Transcribing');
    expect(stageLabel('face_mesh')).toBe('Face mesh');
    expect(stageLabel('poseEstimation')).toBe('Pose estimation');
    expect(stageLabel(null)).toBe('Starting');
    expect(percent(0.456)).toBe(46);
    expect(percent(3)).toBe(100);
    expect(percent(undefined)).toBe(0);
  });
});

describe('errorFromBody', () => {
  it('shows the server message and code', async () => {
    const { errorFromBody } = await import('../../web/src/lib/apiError.js');
    const e = errorFromBody(400, JSON.stringify({ statusCode: 400, error: 'Bad Request', code: 'NO_AUDIO', message: 'The video has no audio track.' }));
    expect(e.message).toBe('The video has no audio track.');
    expect(e.code).toBe('NO_AUDIO');
    expect(e.status).toBe(400);
    expect(errorFromBody(413, '<html>too big</html>').message).toMatch(/too large/);
    expect(errorFromBody(502, '').message).toMatch(/server had a problem/);
    expect(errorFromBody(404, 'null').code).toBe('HTTP_404');
  });
});

describe('readTimelines', () => {
  it('reads optional sections and drops malformed entries', async () => {
    const { readTimelines } = await import('../../web/src/lib/extract.js');
    const t = readTimelines({
      transcript: { words: [{ text: 'b', start: 2, end: 2.5 }, { text: 'a', start: 1, end: 1.4 }, { text: 3 }] },
      speech: {
        fillers: [{ text: 'um', start: 1, end: 1.2, kind: 'filled' }, null],
        pauses: [
          { start: 3, end: 2 },
          { start: 4, end: 6 },
        ],
        pitchTrack: [{ t: 0, hz: null }, { t: 0.1, hz: 120 }, { hz: 5 }],
      },
      visual: { timeline: [{ t: 0, facePresent: true, facing: true }], lookingAwaySpans: 'bad' },
    });
    expect(t.words.map((w) => w.text)).toEqual(['a', 'b']);
    expect(t.fillers).toEqual([{ text: 'um', start: 1, end: 1.2, kind: 'filled' }]);
    expect(t.pauses).toEqual([{ start: 4, end: 6 }]);
    expect(t.pitchTrack).toEqual([
      { t: 0, hz: null },
      { t: 0.1, hz: 120 },
    ]);
    expect(t.visualTimeline).toEqual([{ t: 0, facePresent: true, facing: true }]);
    expect(t.lookingAwaySpans).toEqual([]);
    expect(readTimelines(null).words).toEqual([]);
  });
});
