// Build-time only (wxt.config.ts and the tests): turns Etalab's Code officiel géographique
// (@etalab/decoupage-administratif, a devDependency) into the compact index the matcher reads
// (utils/communes/index.ts). Only what matching needs is kept: official name, INSEE code, postcodes,
// the names and codes of former communes that merged into a current one, and the département →
// région table. Population, SIREN, EPCI… are left out.
//
// Format (UTF-8 text, one record per line, tab-separated), parsed by `parseCommuneIndex`:
//   R <code> <name>                 a région
//   D <code> <région> <name>        a département
//   <insee> <name> <postcodes…>    a current commune (postcodes space-separated); the INSEE code is
//                                   left empty when it is the previous line's plus one (most lines)
//   = <insee> <parent> <name>       a former or delegated commune: its code and name resolve to the parent

/** The fields of Etalab's communes.json that we read. */
export interface CogCommune {
  code: string;
  nom: string;
  type: string;
  codesPostaux?: string[];
  /** The current commune a delegated or associated one belongs to. */
  chefLieu?: string;
  /** The commune a municipal arrondissement belongs to (Paris, Lyon, Marseille). */
  commune?: string;
}
export interface CogArea {
  code: string;
  nom: string;
  region?: string;
}

export const INDEX_VERSION = 'lisible-communes 1';

export function buildCommuneIndex(
  communes: CogCommune[],
  departements: CogArea[],
  regions: CogArea[],
): string {
  const lines = [INDEX_VERSION];
  for (const r of regions) lines.push(`R\t${r.code}\t${r.nom}`);
  for (const d of departements) lines.push(`D\t${d.code}\t${d.region ?? ''}\t${d.nom}`);
  const current = new Map<string, CogCommune>();
  for (const c of communes) if (c.type === 'commune-actuelle') current.set(c.code, c);
  let prev = '';
  for (const c of current.values()) {
    const code = c.code === nextCode(prev) ? '' : c.code;
    lines.push(`${code}\t${c.nom}\t${(c.codesPostaux ?? []).join(' ')}`);
    prev = c.code;
  }
  const aliases = new Set<string>();
  const alias = (code: string, parent: string, name: string) => {
    if ((code || name) && current.has(parent)) aliases.add(`=\t${code}\t${parent}\t${name}`);
  };
  for (const c of communes) {
    const parent = c.type === 'arrondissement-municipal' ? c.commune : c.chefLieu;
    if (c.type !== 'commune-actuelle' && parent && c.type !== 'arrondissement-municipal') {
      // "Cherbourg-Octeville" (delegated) → Cherbourg-en-Cotentin; same name as its parent → nothing new.
      const p = current.get(parent);
      alias(c.code === parent ? '' : c.code, parent, p && p.nom === c.nom ? '' : c.nom);
    }
  }
  lines.push(...aliases);
  return lines.join('\n') + '\n';
}

/** "50129" → "50130", "2A004" → "2A005", "97411" → "97412": the code that usually follows. */
export function nextCode(code: string): string {
  if (!/^\w\w\d{3}$/.test(code)) return '';
  return code.slice(0, 2) + String(Number(code.slice(2)) + 1).padStart(3, '0');
}
