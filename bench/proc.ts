/** Memory of a process tree, read from /proc (Linux). */
import { readdirSync, readFileSync } from 'node:fs';

/** RSS in bytes of `root` plus all its descendants (child ffmpeg, pocketsphinx, ...). */
export function treeRssBytes(root: number = process.pid): number {
  const kids = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      rss.set(Number(d), Number(f[21]) * 4096);
      const ppid = Number(f[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(d)]);
    } catch {
      /* the process ended meanwhile */
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(kids.get(p) ?? []));
  }
  return total;
}

/**
 * CPU seconds (user + system) used by `root` and its descendants, including children that have exited and were
 * waited for (cutime/cstime): pocketsphinx and ffmpeg runs are counted after they end.
 */
export function treeCpuSec(root: number = process.pid): number {
  const kids = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      cpu.set(Number(d), Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]));
      const ppid = Number(f[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(d)]);
    } catch {
      /* the process ended meanwhile */
    }
  }
  let ticks = 0;
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    ticks += cpu.get(p) ?? 0;
    stack.push(...(kids.get(p) ?? []));
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

/**
 * CPU seconds used by this process (all threads) plus its finished, reaped children (ffmpeg, pocketsphinx):
 * utime + stime + cutime + cstime from /proc/self/stat. Unlike wall time it does not grow when other
 * processes compete for the cores, so it gives a load-independent real-time factor.
 */
export function cpuSeconds(): number {
  const st = readFileSync('/proc/self/stat', 'utf8');
  const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
  // fields 14-17 of stat (utime, stime, cutime, cstime) are f[11..14] after the command name
  const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  return ticks / 100; // USER_HZ is 100 on Linux
}
