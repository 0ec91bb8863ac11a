/**
 * The smallest IndexedDB wrapper the scene library needs: one database, one object store,
 * values read and written whole by key. (localStorage would do for size, but its writes
 * block the page and its 5 MB are shared with everything else.)
 */
const DB_NAME = "downhill";
const STORE = "kv";

let opening: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB refused to open"));
    req.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  }).catch((err: unknown) => {
    opening = null;
    throw err;
  });
  return opening;
}

function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = op(tx.objectStore(STORE));
        // Resolved when the transaction commits, so a write that resolves is on disk.
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = tx.onabort = () => reject(tx.error ?? req.error ?? new Error("IndexedDB transaction failed"));
      }),
  );
}

export const idbGet = (key: string): Promise<unknown> => run("readonly", (s) => s.get(key));
export const idbSet = (key: string, value: unknown): Promise<void> => run("readwrite", (s) => s.put(value, key)).then(() => undefined);
