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
