import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config.js';
import { AUTO_ORDER, DEFAULT_MODEL, MODELS, OFFICIAL_BASE_URL, findModel } from './catalog.js';

describe('speech model catalogue and SPEECH_MODEL', () => {
  it('lists official release archives, each with its files; auto order and default are in it', () => {
    for (const m of MODELS) {
      expect(m.archive).toMatch(/^sherpa-onnx-.+\.tar\.bz2$/);
      expect(m.files.tokens).toBeDefined();
      expect(m.sha256 === null || /^[0-9a-f]{64}$/.test(m.sha256)).toBe(true);
    }
    for (const n of [...AUTO_ORDER, DEFAULT_MODEL]) expect(findModel(n)).toBeDefined();
    expect(OFFICIAL_BASE_URL).toBe('https://github.com/k2-fsa/sherpa-onnx/releases/download/asr-models');
  });
  it('parses SPEECH_MODEL (default auto) and the models directory under DATA_DIR; rejects an unknown model by name', () => {
    const c = loadConfig({ DATA_DIR: '/tmp/ia-data' });
    expect(c.SPEECH_MODEL).toBe('auto');
    expect(c.modelsDir).toBe('/tmp/ia-data/models');
    expect(c.SPEECH_MODEL_BASE_URL).toBe(OFFICIAL_BASE_URL);
    expect(loadConfig({ SPEECH_MODEL: 'moonshine-tiny-en' }).SPEECH_MODEL).toBe('moonshine-tiny-en');
    expect(() => loadConfig({ SPEECH_MODEL: 'whisper-large' })).toThrow(ConfigError);
    expect(() => loadConfig({ SPEECH_MODEL: 'whisper-large' })).toThrow(/SPEECH_MODEL: must be auto, pocketsphinx or one of moonshine-base-en/);
    expect(() => loadConfig({ SPEECH_MODEL_BASE_URL: 'not a url' })).toThrow(/SPEECH_MODEL_BASE_URL/);
  });
});
