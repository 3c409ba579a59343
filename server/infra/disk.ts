/** Free space of the data directory: checked before an upload is received and reported by /api/health. */
import { statfs } from 'node:fs/promises';
import { HttpError } from '../http/errors.js';

export interface DiskStatus {
  ok: boolean;
  /** Free megabytes for this process's user, null when it cannot be read. */
  freeMb: number | null;
  minFreeMb: number;
}

export class DiskGuard {
  constructor(
    private readonly dir: string,
    private readonly minFreeMb: number,
  ) {}

  async status(): Promise<DiskStatus> {
    try {
      const s = await statfs(this.dir);
      const freeMb = Math.floor((Number(s.bavail) * Number(s.bsize)) / 1024 / 1024);
      return { ok: freeMb >= this.minFreeMb, freeMb, minFreeMb: this.minFreeMb };
    } catch {
      return { ok: false, freeMb: null, minFreeMb: this.minFreeMb };
    }
  }

  /** Throws 507 STORAGE_FULL (no path in the message) when the data directory is below DISK_MIN_FREE_MB. */
  async ensureRoom(): Promise<void> {
    const s = await this.status();
    if (!s.ok) throw new HttpError(507, 'STORAGE_FULL', 'The server is almost out of disk space, so it cannot take a video now. Nothing was saved; please try again later or tell the administrator.');
  }
}
