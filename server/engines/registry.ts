/** Picks the analysis engine named by configuration. Engines load lazily: only the chosen one's models start. */
import type { AnalysisEngine } from './engine.js';
import type { TwelveLabsConfig } from './twelvelabs/config.js';

export const engineNames = ['local', 'twelvelabs', 'hybrid', 'quick'] as const;
export type EngineName = (typeof engineNames)[number];

export interface EngineLogger {
  info(o: object | string, m?: string): void;
  warn(o: object | string, m?: string): void;
}

/** The engines' settings, parsed once with the others (server/config.ts `engineSettings`) and injected here. */
export interface EngineSettings {
  /** Parsed when the engine needs Twelve Labs (twelvelabs, hybrid); null otherwise. */
  twelvelabs: TwelveLabsConfig | null;
  /** Whisper (optional recognizer of the local engine): model folder and command. */
  whisper: { WHISPER_MODEL_DIR?: string | undefined; WHISPER_CLI?: string | undefined };
}

function twelveLabs(settings: EngineSettings): TwelveLabsConfig {
  if (!settings.twelvelabs) throw new Error('Twelve Labs settings were not parsed: set TWELVE_LABS_API_KEY and ANALYSIS_ENGINE=twelvelabs or hybrid.');
  return settings.twelvelabs;
}

export async function createEngine(name: string, settings: EngineSettings, log?: EngineLogger): Promise<AnalysisEngine> {
  switch (name) {
    case 'quick': {
      const { createQuickEngine } = await import('./quick/index.js');
      return createQuickEngine();
    }
    case 'local': {
      const { createLocalEngine } = await import('./local/index.js');
      const { loadVad } = await import('../analysis/audio/vad.js');
      await loadVad(); // load the voice-activity model at start, not during the first analysis
      return createLocalEngine({ whisper: settings.whisper, ...(log ? { logger: log } : {}) });
    }
    case 'twelvelabs': {
      const { createTwelveLabsEngine } = await import('./twelvelabs/index.js');
      return createTwelveLabsEngine(twelveLabs(settings), log ? { logger: log } : {});
    }
    case 'hybrid': {
      const { createLocalEngine } = await import('./local/index.js');
      const { createTwelveLabsEngine } = await import('./twelvelabs/index.js');
      const { createHybridEngine } = await import('./hybrid/index.js');
      const cloud = createTwelveLabsEngine(twelveLabs(settings), log ? { logger: log } : {});
      return createHybridEngine({ local: createLocalEngine({ whisper: settings.whisper, ...(log ? { logger: log } : {}) }), cloud, ...(log ? { logger: log } : {}) });
    }
    default:
      throw new Error(`Unknown ANALYSIS_ENGINE "${name}": use one of ${engineNames.join(', ')}.`);
  }
}
