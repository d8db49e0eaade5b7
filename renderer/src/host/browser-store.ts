// What the browser build keeps between visits, in IndexedDB: recovery copies of unsaved work and the
// recent files' handles. IndexedDB, not localStorage: Chromium keeps localStorage writes in memory
// for seconds before they reach the disk (a killed browser loses them), while an IndexedDB
// transaction with strict durability is on disk when it completes; it also holds file handles.

const DB_NAME = 'detainer-studio';
const DB_VERSION = 1;
export const RECOVERY_STORE = 'recovery';
export const RECENT_STORE = 'recent-files';

let opening: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(RECOVERY_STORE)) db.createObjectStore(RECOVERY_STORE);
      if (!db.objectStoreNames.contains(RECENT_STORE)) db.createObjectStore(RECENT_STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('IndexedDB is held by another window of an older version'));
  }).catch((e: unknown) => {
    opening = null;
    throw e;
  });
  return opening;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('the browser refused to store it'));
    tx.onabort = () => reject(tx.error ?? new Error('the browser gave up storing it'));
  });
}

/** Stores a value under a key; resolves once it is on disk. */
export async function put(store: string, key: string, value: unknown): Promise<void> {
  const db = await database();
  const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
  tx.objectStore(store).put(value, key);
  const complete = done(tx);
  // Send it now rather than when the task ends: the page may be closing.
  tx.commit();
  return complete;
}

export async function remove(store: string, key: string): Promise<void> {
  const db = await database();
  const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
  tx.objectStore(store).delete(key);
  const complete = done(tx);
  tx.commit();
  return complete;
}

export async function all<T>(store: string): Promise<T[]> {
  const db = await database();
  const tx = db.transaction(store, 'readonly');
  const request = tx.objectStore(store).getAll();
  await done(tx);
  return request.result as T[];
}
