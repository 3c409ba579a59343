/** `interview-analyzer models list | download NAME | remove NAME`: the sherpa-onnx speech models in DATA_DIR/models. */
import { DEFAULT_MODEL, MODELS } from '../engines/local/models/catalog.js';
import { downloadModel, listModels, ModelError, removeModel } from '../engines/local/models/store.js';

export const MODELS_USAGE = 'usage: interview-analyzer models list | download NAME | remove NAME';

export interface ModelsSettings {
  modelsDir: string;
  baseUrl: string;
  speechModel: string;
}

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

/** A one-line progress bar (redrawn in place on a TTY, every 10 % otherwise). */
export function progressBar(received: number, total: number | null, width = 30): string {
  if (total === null || total <= 0) return `${mb(received)} received`;
  const f = Math.min(1, received / total);
  const n = Math.round(f * width);
  return `[${'#'.repeat(n)}${'.'.repeat(width - n)}] ${Math.round(f * 100)}% ${mb(received)} / ${mb(total)}`;
}

export async function modelsMain(argv: readonly string[], s: ModelsSettings, out = process.stdout, err = process.stderr): Promise<number> {
  const [cmd, name, ...rest] = argv;
  if (rest.length) {
    err.write(`interview-analyzer: unexpected argument ${rest[0]}\n${MODELS_USAGE}\n`);
    return 2;
  }
  try {
    if (cmd === 'list' && !name) {
      out.write(`speech models in ${s.modelsDir} (SPEECH_MODEL=${s.speechModel}; default download: ${DEFAULT_MODEL})\n`);
      for (const m of listModels(s.modelsDir))
        out.write(`${m.installed ? '*' : ' '} ${m.entry.name.padEnd(22)} ~${String(m.entry.approxMb).padStart(4)} MB  ${m.installed ? 'installed' : 'not installed'}  WER ${m.entry.publishedWer}; um/uh: ${m.entry.keepsFillers}\n`);
      out.write('pocketsphinx (built in, offline default when no model is installed)\n');
      return 0;
    }
    if ((cmd === 'download' || cmd === 'remove') && name) {
      if (!MODELS.some((m) => m.name === name)) {
        err.write(`interview-analyzer: unknown model "${name}": choose one of ${MODELS.map((m) => m.name).join(', ')}\n`);
        return 2;
      }
      if (cmd === 'remove') {
        const had = await removeModel(s.modelsDir, name);
        out.write(had ? `removed ${name}\n` : `${name} was not installed\n`);
        return 0;
      }
      const tty = err.isTTY === true;
      let lastTenth = -1;
      const manifest = await downloadModel(name, {
        modelsDir: s.modelsDir,
        baseUrl: s.baseUrl,
        onProgress: (r, t) => {
          if (tty) err.write(`\r${progressBar(r, t)}`);
          else {
            const tenth = t ? Math.floor((r / t) * 10) : -1;
            if (tenth !== lastTenth) {
              lastTenth = tenth;
              err.write(`${progressBar(r, t)}\n`);
            }
          }
        },
      });
      if (tty) err.write('\n');
      out.write(`installed ${name} in ${s.modelsDir}/${name} (sha256 ${manifest.sha256}, ${manifest.checksum === 'pinned' ? 'matches the pinned checksum' : 'no published checksum: recorded on download'})\n`);
      return 0;
    }
  } catch (e) {
    err.write(`\ninterview-analyzer: ${e instanceof ModelError ? e.message : e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  err.write(`interview-analyzer: ${cmd ? `bad models command "${argv.join(' ')}"` : 'missing models command'}\n${MODELS_USAGE}\n`);
  return 2;
}
