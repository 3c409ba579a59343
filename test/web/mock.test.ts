import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { pickMimeType, uploadFileName } from '../../web/src/lib/mime.js';
import { routes } from '../../web/src/routes.js';

describe('recording without camera', () => {
  it("picks Opus in WebM first for an audio-only take, then the browser's other audio formats, never a video type", () => {
    expect(pickMimeType(() => true, true)).toBe('audio/webm;codecs=opus');
    expect(pickMimeType((t) => t === 'audio/ogg;codecs=opus' || t.startsWith('video/'), true)).toBe('audio/ogg;codecs=opus');
    expect(pickMimeType((t) => t === 'audio/mp4' || t.startsWith('video/'), true)).toBe('audio/mp4');
    expect(pickMimeType((t) => t.startsWith('video/'), true)).toBeNull();
  });
  it('names audio uploads after their container', () => {
    expect(uploadFileName('audio/webm;codecs=opus')).toBe('answer.webm');
    expect(uploadFileName('audio/ogg;codecs=opus')).toBe('answer.ogg');
    expect(uploadFileName('audio/mp4')).toBe('answer.m4a');
  });
});

describe('mock interview routes', () => {
  const id = (path: string) => matchRoutes(routes, path)?.at(-1)?.route.id;
  it('maps setup, the session, its report and my questions', () => {
    expect(id('/mock')).toBe('mock');
    expect(id('/mock/questions')).toBe('my-questions');
    expect(id('/mock/abc')).toBe('mock-session');
    expect(matchRoutes(routes, '/mock/a%20b/report')?.at(-1)?.params).toEqual({ id: 'a b' });
    expect(id('/mock/abc/report')).toBe('mock-report');
  });
});
