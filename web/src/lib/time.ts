/** Formats seconds as m:ss (e.g. 75.4 -> "1:15"). Invalid or negative input shows "0:00". */
export function formatTime(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) return '0:00';
  const whole = Math.floor(sec);
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  return `${m}:${s.toString().padStart(2, '0')}`;
}

/** Formats a duration in seconds for prose: "45 s", "2 min 5 s". */
export function formatDuration(sec: number | null | undefined): string {
  if (sec == null || !Number.isFinite(sec) || sec < 0) return '—';
  const whole = Math.round(sec);
  if (whole < 60) return `${whole} s`;
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

/** Formats an ISO date for lists, in the given locale (default: the runtime's). */
export function formatDate(iso: string, locale?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
