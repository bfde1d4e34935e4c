// The real official index for tests: built in Node from the devDependency, exactly as the build does.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildCommuneIndex } from '../../../utils/communes/build';
import { parseCommuneIndex, type CommuneIndex } from '../../../utils/communes/index';

const data = (f: string) =>
  JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve(`@etalab/decoupage-administratif/data/${f}`), 'utf8'),
  );

let text: string | undefined;
/** The text of /communes.txt as the build writes it. */
export function officialIndexText(): string {
  text ??= buildCommuneIndex(data('communes.json'), data('departements.json'), data('regions.json'));
  return text;
}

let index: CommuneIndex | undefined;
export function officialIndex(): CommuneIndex {
  index ??= parseCommuneIndex(officialIndexText());
  return index;
}
