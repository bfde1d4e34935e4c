// Transactions whose writes are not local changes: the sync writing what it pulled from the server, and
// the library page sanitizing a stored body in place. The change log (utils/sync/changelog.ts) skips
// them, so a pulled change is not pushed back and a cleaning is not a new save.
import type Dexie from 'dexie';
import type { Transaction } from 'dexie';

const quiet = new WeakSet<object>();

/** True for the low-level transaction of a quiet Dexie transaction. */
export function isQuiet(trans: object): boolean {
  return quiet.has(trans);
}

/** Runs `fn` in a read-write transaction over `tables` whose writes the change log does not record. */
export function quietly<T>(
  database: Dexie,
  tables: string[],
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return database.transaction('rw', tables, (tx) => {
    quiet.add(tx.idbtrans);
    return fn(tx);
  });
}
