/**
 * Creates Human (@vladmandic/human 3.3) on the tfjs wasm backend with its models read from its own npm package
 * (node_modules/@vladmandic/human/models), never from a URL. Used inside the vision worker only.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as HumanLib from '@vladmandic/human';
import type * as Tf from '@tensorflow/tfjs-core';

const require = createRequire(import.meta.url);
/** Human's package "exports" keys lack the "./" prefix, so the node-wasm build is found beside the main entry. */
const humanDist = dirname(require.resolve('@vladmandic/human'));
export const MODELS_DIR = join(humanDist, '..', 'models');
export const WASM_DIR = dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + '/';

type Human = HumanLib.Human;
type WeightSpecs = Tf.io.WeightsManifestEntry[];

/** tfjs's HTTP loader cannot read file:// URLs in Node: this router loads model.json and its weight shards. */
function registerFileLoader(tf: typeof Tf): void {
  const router = (url: string | string[]) => {
    if (typeof url !== 'string' || !url.startsWith('file://')) return null;
    const path = fileURLToPath(url);
    return {
      load: async () => {
        const json = JSON.parse(await readFile(path, 'utf8')) as Tf.io.ModelJSON;
        return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
          const specs: WeightSpecs = [];
          const bufs: Buffer[] = [];
          for (const group of manifest) {
            specs.push(...group.weights);
            for (const p of group.paths) bufs.push(await readFile(join(dirname(path), p)));
          }
          const all = Buffer.concat(bufs);
          return [specs, all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer];
        });
      },
    };
  };
  // a router returns null for URLs it does not handle (tfjs checks for that; its type says otherwise)
  tf.io.registerLoadRouter(router as Parameters<typeof tf.io.registerLoadRouter>[0]);
}

export interface HumanOptions {
  /** run Human's hand detector too (slow on wasm: about +70-100 ms per frame); default false */
  hands?: boolean;
}

/** Loads Human and its models. Emotion, description/embedding, antispoof, liveness and age/gender are off. */
export async function createHuman(opts: HumanOptions = {}): Promise<{ human: Human; tf: typeof Tf }> {
  const tf = require('@tensorflow/tfjs-core') as typeof Tf;
  registerFileLoader(tf);
  const lib = require(join(humanDist, 'human.node-wasm.js')) as typeof HumanLib;
  const human = new lib.Human({
    backend: 'wasm',
    wasmPath: WASM_DIR,
    modelBasePath: pathToFileURL(MODELS_DIR).href + '/',
    debug: false,
    async: false,
    warmup: 'none',
    cacheModels: false,
    // every sampled frame is analysed for real: no result caching between similar frames
    cacheSensitivity: 0,
    skipAllowed: false,
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { rotation: false, maxDetected: 4, return: false },
      mesh: { enabled: true },
      iris: { enabled: true },
      emotion: { enabled: false },
      description: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      gear: { enabled: false },
    },
    body: { enabled: true, modelPath: 'movenet-lightning.json', maxDetected: 1 },
    hand: { enabled: opts.hands ?? false, maxDetected: 2 },
    object: { enabled: false },
    segmentation: { enabled: false },
    gesture: { enabled: false },
  });
  await human.load();
  // first inference compiles the wasm kernels: do it now so it counts as load time, not as frame time
  const blank = tf.zeros([240, 320, 3], 'int32');
  try { await human.detect(blank as unknown as Parameters<Human['detect']>[0]); } finally { tf.dispose(blank); }
  return { human, tf };
}
