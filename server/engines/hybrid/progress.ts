/** Combine the progress of the local and cloud engines into one monotonic progress stream. */
import type { Progress, ProgressFn } from '../engine.js';

export interface CombinedProgress {
  local: ProgressFn;
  cloud: ProgressFn;
  /** Mark one side finished (success or failure): it counts as 100 %. */
  done(side: 'local' | 'cloud'): void;
}

/** Each side weighs half; the stage shown is the local one until the local engine is done, then the cloud's. */
export function combineProgress(onProgress: ProgressFn, cloudLabel = 'Pegasus'): CombinedProgress {
  const last: Record<'local' | 'cloud', Progress> = { local: { stage: 'starting', progress: 0 }, cloud: { stage: 'starting', progress: 0 } };
  let emitted = 0;
  const emit = () => {
    const value = Math.min(1, (last.local.progress + last.cloud.progress) / 2);
    emitted = Math.max(emitted, value);
    const stage = last.local.progress < 1 ? last.local.stage : `${cloudLabel.toLowerCase()}-${last.cloud.stage}`;
    const pct = (p: Progress) => `${p.stage} ${Math.round(p.progress * 100)}%`;
    onProgress({ stage, progress: emitted, message: `local: ${pct(last.local)}; ${cloudLabel}: ${pct(last.cloud)}` });
  };
  const side = (s: 'local' | 'cloud'): ProgressFn => (p) => {
    last[s] = { ...p, progress: Math.max(last[s].progress, Math.min(1, Math.max(0, p.progress))) };
    emit();
  };
  return {
    local: side('local'),
    cloud: side('cloud'),
    done(s) {
      last[s] = { stage: last[s].progress >= 1 ? last[s].stage : 'done', progress: 1 };
      emit();
    },
  };
}
