/**
 * Takes kept in the browser (IndexedDB) until the server has all of them: every chunk is written as it is recorded,
 * with the take's tus upload URL and question, and removed when the upload completes or the take is discarded.
 * After a reload the practice page (or a candidate's question page) finds an unsent take here and resumes its upload
 * from the server's offset. Each take has a scope (`practice`, or `invite:...` for one invite link) so a page only
 * sees its own.
 */
export interface StoredTake {
  id: string;
  questionId: string;
  mimeType: string;
  /** the tus upload URL once the server created it */
  uploadUrl: string | null;
  createdAt: number;
  /** whose take it is: 'practice' (the default, also for takes stored before scopes existed) or `invite:<link>` */
  scope?: string;
}

const DB = 'interview-analyzer-takes';
const TAKES = 'takes';
const CHUNKS = 'chunks';

let dbPromise: Promise<IDBDatabase> | null = null;

function db(): Promise<IDBDatabase> {
  dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('IndexedDB is not available'));
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(TAKES, { keyPath: 'id' });
      req.result.createObjectStore(CHUNKS);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
  });
  dbPromise.catch(() => (dbPromise = null));
  return dbPromise;
}

function tx<T>(stores: string[], mode: IDBTransactionMode, fn: (t: IDBTransaction) => IDBRequest<T> | undefined): Promise<T | undefined> {
  return db().then(
    (d) =>
      new Promise<T | undefined>((resolve, reject) => {
        const t = d.transaction(stores, mode);
        const req = fn(t);
        t.oncomplete = () => resolve(req?.result);
        t.onerror = () => reject(t.error ?? new Error('IndexedDB write failed'));
        t.onabort = () => reject(t.error ?? new Error('IndexedDB write aborted'));
      }),
  );
}

export const takeStore = {
  async saveTake(take: StoredTake): Promise<void> {
    await tx([TAKES], 'readwrite', (t) => t.objectStore(TAKES).put(take));
  },
  async saveChunk(takeId: string, index: number, chunk: Blob): Promise<void> {
    await tx([CHUNKS], 'readwrite', (t) => t.objectStore(CHUNKS).put(chunk, [takeId, index]));
  },
  async chunks(takeId: string): Promise<Blob[]> {
    const all = await tx<Blob[]>([CHUNKS], 'readonly', (t) => t.objectStore(CHUNKS).getAll(IDBKeyRange.bound([takeId, 0], [takeId, Number.MAX_SAFE_INTEGER])));
    return all ?? [];
  },
  async pending(scope = 'practice'): Promise<StoredTake[]> {
    const all = await tx<StoredTake[]>([TAKES], 'readonly', (t) => t.objectStore(TAKES).getAll());
    return (all ?? []).filter((take) => (take.scope ?? 'practice') === scope).sort((a, b) => b.createdAt - a.createdAt);
  },
  async remove(takeId: string): Promise<void> {
    await tx([TAKES, CHUNKS], 'readwrite', (t) => {
      t.objectStore(TAKES).delete(takeId);
      t.objectStore(CHUNKS).delete(IDBKeyRange.bound([takeId, 0], [takeId, Number.MAX_SAFE_INTEGER]));
      return undefined;
    });
  },
};
