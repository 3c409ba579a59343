import { useCallback, useState } from 'react';

/** Extra time (accessibility): a percentage added to think time and the answer limit; remembered in this browser. */
export const EXTRA_TIME_CHOICES = [0, 25, 50, 100] as const;
export type ExtraTime = (typeof EXTRA_TIME_CHOICES)[number];
const KEY = 'ia_extra_time_pct';

function read(): ExtraTime {
  try {
    const v = Number(window.localStorage.getItem(KEY));
    return (EXTRA_TIME_CHOICES as readonly number[]).includes(v) ? (v as ExtraTime) : 0;
  } catch {
    return 0;
  }
}

export const withExtraTime = (sec: number, pct: number): number => Math.round(sec * (1 + pct / 100));

export function useExtraTime(): [ExtraTime, (pct: ExtraTime) => void] {
  const [pct, setPct] = useState<ExtraTime>(read);
  const set = useCallback((p: ExtraTime) => {
    setPct(p);
    try {
      window.localStorage.setItem(KEY, String(p));
    } catch {
      // storage may be disabled: the choice then lasts for this page only
    }
  }, []);
  return [pct, set];
}
