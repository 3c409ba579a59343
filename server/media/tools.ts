/**
 * The external programs the analysis runs: ffmpeg, ffprobe and pocketsphinx (its binary and model folder).
 * Their settings (FFMPEG_PATH, FFPROBE_PATH, POCKETSPHINX_BIN, POCKETSPHINX_MODEL_DIR) are parsed in server/config.ts
 * like every other setting; the composition root (server/container.ts) and the CLI hand them over once with
 * `configureTools(config.tools)`. Nothing here reads the environment.
 *
 * The bindings below are live ES module bindings, so `run(FFMPEG, ...)` in any module sees the configured value.
 * A worker thread or a child process has its own module instances: give it `currentTools()` explicitly (workerData,
 * arguments) and call `configureTools` there before it runs a program.
 */

export interface MediaTools {
  ffmpeg: string;
  ffprobe: string;
  pocketsphinxBin: string;
  pocketsphinxModelDir: string;
}

/** Debian's packages: ffmpeg, pocketsphinx and pocketsphinx-en-us. */
export const DEFAULT_TOOLS: Readonly<MediaTools> = Object.freeze({
  ffmpeg: 'ffmpeg',
  ffprobe: 'ffprobe',
  pocketsphinxBin: 'pocketsphinx_continuous',
  pocketsphinxModelDir: '/usr/share/pocketsphinx/model/en-us',
});

export let FFMPEG = DEFAULT_TOOLS.ffmpeg;
export let FFPROBE = DEFAULT_TOOLS.ffprobe;
export let SPHINX_BIN = DEFAULT_TOOLS.pocketsphinxBin;
export let SPHINX_MODEL_DIR = DEFAULT_TOOLS.pocketsphinxModelDir;

/** Sets the programs for this thread (the values come from config.ts). */
export function configureTools(t: MediaTools): void {
  FFMPEG = t.ffmpeg;
  FFPROBE = t.ffprobe;
  SPHINX_BIN = t.pocketsphinxBin;
  SPHINX_MODEL_DIR = t.pocketsphinxModelDir;
}

/** The programs this thread uses, to pass to a worker thread or child process. */
export function currentTools(): MediaTools {
  return { ffmpeg: FFMPEG, ffprobe: FFPROBE, pocketsphinxBin: SPHINX_BIN, pocketsphinxModelDir: SPHINX_MODEL_DIR };
}
