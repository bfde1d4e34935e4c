// Throw-away databases for the Dexie tests: a fresh name per call, all deleted after each test.
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { LisibleDB } from '../../../utils/db/schema';

export function freshDatabases(prefix: string): { name: () => string; db: () => LisibleDB } {
  const names: string[] = [];
  afterEach(async () => {
    for (const n of names.splice(0)) await Dexie.delete(n);
  });
  const name = () => {
    const n = `${prefix}-${Math.random()}`;
    names.push(n);
    return n;
  };
  return { name, db: () => new LisibleDB(name()) };
}
