// The official communes (Etalab's COG, built into /communes.txt by utils/communes/build.ts) as lookup
// tables: by INSEE code, by name key, by postcode. Pure: the text comes in, maps come out (the loader,
// utils/communes/load.ts, fetches the packaged file; the tests build it from the devDependency).
import { fold } from '../core/text';
import { INDEX_VERSION, nextCode } from './build';

export interface OfficialCommune {
  insee: string;
  name: string;
  postcodes: string[];
  /** Département code: "50", "2A", "974". */
  dept: string;
  /** `nameKey(name)`, computed once (the search box compares it on every keystroke). */
  key: string;
}

export interface CommuneIndex {
  communes: OfficialCommune[];
  /** Current and former INSEE codes → commune. */
  byInsee: Map<string, OfficialCommune>;
  /** `nameKey` of official and former names → communes (homonyms share a key). */
  byName: Map<string, OfficialCommune[]>;
  byPostcode: Map<string, OfficialCommune[]>;
  /** Département code → its région code and name. */
  depts: Map<string, { region: string; name: string }>;
  /** `nameKey` of a région or département name → département codes it covers. */
  areas: Map<string, string[]>;
}

const spelled = (w: string) => (w === 'st' ? 'saint' : w === 'ste' ? 'sainte' : w);

/** Words of a name, folded, "St"/"Ste" spelled out: "St-Lô" → ["saint", "lo"]. */
export function nameWords(name: string): string[] {
  // Most names are plain ASCII: lower-casing them is all folding would do, at a fraction of the cost.
  const folded = /^[\x20-\x7e]*$/.test(name) ? name.toLowerCase() : fold(name);
  return folded
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(spelled);
}

/**
 * The key a name is compared by: accents, case, spaces, hyphens and apostrophes dropped, "St"/"Ste"
 * spelled out — "Saint-Lô", "SAINT LÔ", "saint-lo" and "St-Lô" share "saintlo".
 */
export const nameKey = (name: string): string => nameWords(name).join('');

export const deptOf = (insee: string): string =>
  /^9[78]/.test(insee) ? insee.slice(0, 3) : insee.slice(0, 2);

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const list = m.get(k);
  if (!list) m.set(k, [v]);
  else if (!list.includes(v)) list.push(v);
};

export function parseCommuneIndex(text: string): CommuneIndex {
  const lines = text.split('\n');
  if (lines[0] !== INDEX_VERSION) throw new Error(`Not a communes index: ${lines[0]?.slice(0, 40)}`);
  const idx: CommuneIndex = {
    communes: [],
    byInsee: new Map(),
    byName: new Map(),
    byPostcode: new Map(),
    depts: new Map(),
    areas: new Map(),
  };
  const regions = new Map<string, string>();
  let prev = '';
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i]!.split('\t');
    if (f.length < 3) continue;
    if (f[0] === 'R') regions.set(f[1]!, f[2]!);
    else if (f[0] === 'D') idx.depts.set(f[1]!, { region: f[2]!, name: f[3]! });
    else if (f[0] === '=') {
      const c = idx.byInsee.get(f[2]!);
      if (!c) continue;
      if (f[1]) idx.byInsee.set(f[1], c);
      if (f[3]) push(idx.byName, nameKey(f[3]), c);
    } else {
      const insee = f[0] || nextCode(prev);
      prev = insee;
      const c: OfficialCommune = {
        insee,
        name: f[1]!,
        postcodes: f[2] ? f[2].split(' ') : [],
        dept: deptOf(insee),
        key: nameKey(f[1]!),
      };
      idx.communes.push(c);
      idx.byInsee.set(insee, c);
      push(idx.byName, c.key, c);
      for (const pc of c.postcodes) push(idx.byPostcode, pc, c);
    }
  }
  for (const [code, d] of idx.depts) {
    push(idx.areas, nameKey(d.name), code);
    const region = regions.get(d.region);
    if (region) push(idx.areas, nameKey(region), code);
  }
  return idx;
}

/** A commune as the rest of Lisible stores it (the shape of the engine's `Commune`), official fields. */
export function asCommune(
  c: OfficialCommune,
  postcode?: string | null,
): {
  name: string;
  postcode: string | null;
  inseeCode: string;
} {
  const pc =
    postcode && c.postcodes.includes(postcode) ? postcode : c.postcodes.length === 1 ? c.postcodes[0]! : null;
  return { name: c.name, postcode: pc, inseeCode: c.insee };
}

/**
 * The "Ma commune" search box: official names starting with what was typed (accents and hyphens
 * ignored), then names containing it; a postcode finds its communes. At most `limit` results.
 */
export function searchCommunes(idx: CommuneIndex, typed: string, limit = 12): OfficialCommune[] {
  const q = typed.trim();
  if (/^\d{5}$/.test(q)) return (idx.byPostcode.get(q) ?? []).slice(0, limit);
  const key = nameKey(q);
  if (key.length < 2) return [];
  const starts: OfficialCommune[] = [];
  const inside: OfficialCommune[] = [];
  for (const c of idx.communes) {
    if (c.key.startsWith(key)) starts.push(c);
    else if (inside.length < limit && c.key.includes(key)) inside.push(c);
  }
  // Exact names first ("Caen" before "Caenchy"), then shorter names.
  starts.sort((a, b) => a.key.length - b.key.length || a.name.localeCompare(b.name, 'fr'));
  return [...starts, ...inside].slice(0, limit);
}
