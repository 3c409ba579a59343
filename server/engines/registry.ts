/** Picks the analysis engine named by configuration. Engines load lazily: only the chosen one's models start. */
import type { AnalysisEngine } from './engine.js';

export const engineNames = ['local', 'twelvelabs', 'hybrid', 'quick'] as const;
export type EngineName = (typeof engineNames)[number];

export interface EngineLogger {
  info(o: object | string, m?: string): void;
  warn(o: object | string, m?: string): void;
}

/** Settings the local engine takes from server/config.ts (SPEECH_MODEL, DATA_DIR/models). */
export interface EngineSettings {
  speech?: { speechModel: string; modelsDir: string };
}

export async function createEngine(name: string, env: Record<string, string | undefined>, log?: EngineLogger, settings: EngineSettings = {}): Promise<AnalysisEngine> {
  const speech = settings.speech ? { speech: settings.speech } : {};
  switch (name) {
    case 'quick': {
      const { createQuickEngine } = await import('./quick/index.js');
      return createQuickEngine();
    }
    case 'local': {
      const { createLocalEngine } = await import('./local/index.js');
      const { loadVad } = await import('../analysis/audio/vad.js');
      await loadVad(); // load the voice-activity model at start, not during the first analysis
      return createLocalEngine({ ...(log ? { logger: log } : {}), ...speech });
    }
    case 'twelvelabs': {
      const { createTwelveLabsEngine } = await import('./twelvelabs/index.js');
      const { parseTwelveLabsConfig } = await import('./twelvelabs/config.js');
      return createTwelveLabsEngine(parseTwelveLabsConfig(env), log ? { logger: log } : {});
    }
    case 'hybrid': {
      const { createLocalEngine } = await import('./local/index.js');
      const { createTwelveLabsEngine } = await import('./twelvelabs/index.js');
      const { parseTwelveLabsConfig } = await import('./twelvelabs/config.js');
      const { createHybridEngine } = await import('./hybrid/index.js');
      const cloud = createTwelveLabsEngine(parseTwelveLabsConfig(env), log ? { logger: log } : {});
      return createHybridEngine({ local: createLocalEngine({ ...(log ? { logger: log } : {}), ...speech }), cloud, ...(log ? { logger: log } : {}) });
    }
    default:
      throw new Error(`Unknown ANALYSIS_ENGINE "${name}": use one of ${engineNames.join(', ')}.`);
  }
}
