// Text-shape signals of classified items. Each regex works on one text node (or one short
// item text) so the scan never concatenates the whole document's text.
import type { Category } from './types';

/** Bit flags for what one text node shows. */
export const SIG = {
  /** A text node that is essentially a price: "120 600€", "Prix : 2 800 €", "1 200 €/mois". */
  PRICE_STRUCT: 1 << 0,
  /** A price inside running text. */
  PRICE: 1 << 1,
  /** "Carantilly (50570)" or "Caen (14)": commune then postcode/department in parentheses. */
  POSTCODE: 1 << 2,
  /** Generic call to action on a card ("Découvrir"): weak, promos use it too. */
  CTA_GENERIC: 1 << 3,
  /** Classified-specific call to action ("Voir l'annonce", "Voir l'offre", "Postuler"). */
  CTA: 1 << 4,
  /** Job facts: CDI/CDD/intérim/alternance, H/F, salary. */
  JOB: 1 << 5,
  /** Property facts: m², pièces, chambres, T3, à vendre / à louer. */
  PROPERTY: 1 << 6,
  /** Vehicle facts: km, fuel, gearbox, model year. */
  VEHICLE: 1 << 7,
  /** Obituary facts. */
  OBIT: 1 << 8,
  /** Legal-notice facts. */
  LEGAL: 1 << 9,
  /** Link to a classifieds host. */
  HOST: 1 << 10,
  /** "(H/F)" — practically only seen in job ads. */
  HF: 1 << 11,
  /** Age "87 ans" (obituaries). */
  AGE: 1 << 12,
  /** "Commune (50570) 120 600€": place and price side by side, the classic ad line. */
  AD_LINE: 1 << 13,
  /** Link whose path is a classifieds section of the site itself ("/avis-de-deces/…"). */
  PATH: 1 << 14,
  /** Civility before a name ("Mme Jeanne …", "M. Yves …"), as in death notices. */
  CIVILITY: 1 << 15,
  /** Transaction words of property/goods ads: "à vendre", "à louer", "vends", "Réf. 881". */
  TRANSACTION: 1 << 16,
  /** Event facts (weekday, "20 h 30", "14 mars"): agendas look like ads but are not. */
  EVENT: 1 << 17,
} as const;

// Non-breaking and thin spaces are common inside French prices ("120 600 €").
const SP = '[\\s\\u00a0\\u202f\\u2009]';
const NUM = `\\d{1,3}(?:${SP}?[.\\s\\u00a0\\u202f]?\\d{3})*(?:,\\d{1,2})?`;

const RE_PRICE_STRUCT = new RegExp(
  `^${SP}*(?:(?:prix|loyer|à partir de|dès)${SP}*:?${SP}*)?${NUM}${SP}*(?:€|euros?)(?:${SP}*(?:TTC|HT|CC|HC|FAI|/${SP}*mois|par mois|cc))?${SP}*$`,
  'i',
);
const RE_PRICE = new RegExp(`${NUM}${SP}*(?:€|euros?\\b)|€${SP}*${NUM}`, 'i');
const RE_POSTCODE = /[A-Za-zÀ-ÿ'’.-]+\s*\((?:\d{5}|\d{2}|2[AB])\)/;
const PLACE = `\\((?:\\d{5}|\\d{2}|2[AB])\\)`;
const RE_AD_LINE = new RegExp(
  `${PLACE}[\\s\\u00a0\\u202f·|,/–-]*(?:prix${SP}*:?${SP}*)?${NUM}${SP}*€|${NUM}${SP}*€[\\s\\u00a0\\u202f·|,/–-]*[A-Za-zÀ-ÿ'’ .-]{2,40}${PLACE}`,
  'i',
);
const RE_TRANSACTION =
  /(?:^|[\s(,.;:—–-])(?:à vendre|à louer|vends|loue|vente|location)\b|\bréf(?:\.|érence)\s*:?\s*[A-Z0-9-]*\d/i;
const RE_EVENT =
  /\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|\b\d{1,2}\s*h\s*\d{2}\b|\b\d{1,2}\s*h\b(?!\/)|\b\d{1,2}(?:er)?\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b/i;
/** Separators between the facts of one ad line ("Évreux · 45 m² · 650 € CC"). */
const FIELD_SEP = /\s[·•|–—]\s|\s-\s|\s\/\s|,\s/;
const RE_CIVILITY = /(?:^|[\s(])(?:M\.|Mme|Mlle|Monsieur|Madame)\s+[A-ZÀ-Ý]/;
const RE_CTA_GENERIC = /^\s*(?:découvrir|en savoir plus|voir|voir plus|détails?)\s*[›>»→]?\s*$/i;
const RE_CTA =
  /\b(?:voir l['’]annonce|voir l['’]offre|voir le bien|voir le véhicule|voir l['’]avis|postuler|déposer (?:une|votre) annonce|consulter l['’](?:annonce|offre|avis)|lire l['’](?:annonce|avis)|signer le registre|déposer (?:des|un) condoléances?)\b/i;
const RE_JOB =
  /\b(?:CDI|CDD|intérim(?:aire)?|alternance|apprentissage|apprenti|temps (?:plein|partiel)|salaire|rémunération|k€\s*(?:brut|\/an)|€\s*brut|offres? d['’]emploi|recrute(?:ment)?)\b/i;
const RE_HF = /\b(?:H\s*\/\s*F|F\s*\/\s*H|H\s*-\s*F)\b/;
const RE_PROPERTY =
  /(?:\d\s*m²|\d\s*m2\b|\b\d+\s*pièces?\b|\b\d+\s*chambres?\b|\b[TF][1-7]\b|(?:^|[\s(,.;:—-])à (?:vendre|louer)\b|\bterrain (?:constructible|de \d)|\bmaison\b|\bappartement\b|\bstudio\b|\bduplex\b|\blongère\b|\bvilla\b)/i;
const RE_VEHICLE =
  /(?:\b\d{1,3}(?:[\s\u00a0\u202f.]?\d{3})*\s*km\b|(?:\b(?:diesel|essence|hybride|gpl)\b|électrique)|\bboîte (?:manuelle|automatique)\b|\b\d{2,3}\s*ch\b|\bcamping[- ]car\b|\bcaravane\b|\b(?:HDi|TDI|dCi|BlueHDi|PureTech|TCe)\b|\b(?:peugeot|renault|citro[eë]n|volkswagen|fiat|ford|toyota|dacia|opel|bmw|mercedes|audi|nissan|kia|hyundai|skoda|seat|tesla|volvo|suzuki|mazda|jeep|cupra|honda|porsche|iveco|fourgon|utilitaire)\b)/i;
const RE_OBIT =
  /\b(?:avis de décès|décès|obsèques|nécrologie|inhumation|crémation|condoléances|décédée?|funérailles|in memoriam|carnet du jour|remerciements)\b/i;
const RE_AGE = /\b\d{1,3}\s*ans\b/i;
const RE_LEGAL =
  // Alternatives ending in "é" or "€" sit outside the \b group: JS \b only knows ASCII letters.
  /\b(?:avis d['’]appel public|appel d['’]offres?|annonces? légales?|annonces judiciaires|au capital de|RCS\s+[A-Z]\w*|marchés? publics?|enquête publique|vie des sociétés|dissolution anticipée|liquidation judiciaire|transfert de siège|avis administratifs?|avis d['’]attribution)\b|constitution de (?:la )?société|capital(?: social)?(?: de)? \d[\d\s\u00a0.]*(?:€|euros?)/i;

/**
 * Quick reject: most text nodes carry none of these characters/words. Two regexes instead of one
 * big case-insensitive alternation (4× faster): symbols/number patterns, then word starts only.
 */
const RE_ANY_SYMBOL =
  /[€(²]|\d\s*(?:h\s*\d|km|ch\b|ans\b|m2|(?:er)?\s+(?:janv|févr|mars|avril|mai|juin|juil|août|sept|oct|nov|déc))|[HF]\s*\/\s*[HF]|\b[TF][1-7]\b/;
const RE_ANY_WORD =
  /(?:^|[^a-zà-ÿ])(?:découvr|savoir plus|voir|détail|postul|annonce|offre|avis|lire l|cdi|cdd|intérim|alternance|apprenti|temps|salaire|rémun|recrut|pièce|chambre|vend|lou|terrain|maison|appart|studio|duplex|longère|villa|diesel|essence|hybride|électrique|gpl|boîte|camping|caravane|hdi|bluehdi|tdi|dci|puretech|tce|peugeot|renault|citro|volkswagen|fiat|ford|toyota|dacia|opel|bmw|mercedes|audi|nissan|kia|hyundai|skoda|seat|tesla|volvo|suzuki|mazda|jeep|cupra|honda|porsche|iveco|fourgon|utilitaire|décè|obsèques|nécro|inhum|crémation|condoléance|décédé|funéra|memoriam|carnet|remerciement|appel|capital|rcs|société|m\.|mme|mlle|monsieur|madame|marché|enquête|dissolution|liquidation|siège|administratif|registre|vente|location|réf|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|euro|km)/i;

export function textSignals(text: string): number {
  if (text.length < 2 || !(RE_ANY_SYMBOL.test(text) || RE_ANY_WORD.test(text))) return 0;
  let m = 0;
  const short = text.length <= 40;
  // Cheap character guards before the costlier regexes: most text nodes have no "€" and no "(".
  const euro = text.includes('€') || /euro/i.test(text);
  if (euro && short && RE_PRICE_STRUCT.test(text)) m |= SIG.PRICE_STRUCT | SIG.PRICE;
  else if (euro && RE_PRICE.test(text)) {
    m |= SIG.PRICE;
    // A price standing as its own field of an ad line counts as a structured price.
    if (
      FIELD_SEP.test(text) &&
      text.split(FIELD_SEP).some((f) => f.length <= 40 && RE_PRICE_STRUCT.test(f))
    ) {
      m |= SIG.PRICE_STRUCT;
    }
  }
  if (RE_TRANSACTION.test(text)) m |= SIG.TRANSACTION;
  if (RE_EVENT.test(text)) m |= SIG.EVENT;
  if (text.includes('(') && RE_POSTCODE.test(text)) {
    m |= SIG.POSTCODE;
    if (m & SIG.PRICE && RE_AD_LINE.test(text)) m |= SIG.AD_LINE;
  }
  if (RE_CIVILITY.test(text)) m |= SIG.CIVILITY;
  if (short && RE_CTA_GENERIC.test(text)) m |= SIG.CTA_GENERIC;
  if (RE_CTA.test(text)) m |= SIG.CTA;
  if (RE_JOB.test(text)) m |= SIG.JOB;
  if (RE_HF.test(text)) m |= SIG.HF;
  if (RE_PROPERTY.test(text)) m |= SIG.PROPERTY;
  if (RE_VEHICLE.test(text)) m |= SIG.VEHICLE;
  if (RE_OBIT.test(text)) m |= SIG.OBIT;
  if (RE_AGE.test(text)) m |= SIG.AGE;
  if (RE_LEGAL.test(text)) m |= SIG.LEGAL;
  return m;
}

/**
 * How much an item's signals say "this is a classified ad". Prose can mention a price or a
 * CDI once; an ad combines structured facts. A score of 2 is needed for one item to count.
 */
export function itemScore(mask: number): number {
  let s = 0;
  if (mask & SIG.TRANSACTION) s += 0.5;
  if (mask & SIG.PRICE_STRUCT) s += 1.5;
  else if (mask & SIG.PRICE) s += 0.5;
  if (mask & SIG.POSTCODE) s += 1;
  if (mask & SIG.AD_LINE) s += 1;
  if (mask & SIG.PATH) s += 1.5;
  if (mask & SIG.CIVILITY) s += 0.5;
  if (mask & SIG.CTA) s += 2;
  // "Découvrir" alone also ends subscription and promo cards: a tie-breaker, never evidence.
  if (mask & SIG.CTA_GENERIC) s += 0.25;
  if (mask & SIG.HOST) s += 2;
  if (mask & SIG.HF) s += 1.5;
  if (mask & SIG.JOB) s += 1;
  if (mask & SIG.PROPERTY) s += 0.5;
  if (mask & SIG.VEHICLE) s += 0.5;
  if (mask & SIG.OBIT) s += 1;
  // An age alone is everywhere in news (results, faits divers); it supports an obituary only.
  if (mask & SIG.AGE && mask & (SIG.OBIT | SIG.CIVILITY)) s += 0.5;
  if (mask & SIG.LEGAL) s += 1.5;
  // Place + date + price is an agenda entry unless a category fact says otherwise (an obituary
  // has dates too, but also obituary facts).
  if (mask & SIG.EVENT && !(mask & CATEGORY_FACTS)) s -= 1;
  return s;
}

const CATEGORY_FACTS =
  SIG.JOB |
  SIG.HF |
  SIG.PROPERTY |
  SIG.VEHICLE |
  SIG.OBIT |
  SIG.LEGAL |
  SIG.TRANSACTION |
  SIG.HOST |
  SIG.PATH |
  SIG.CTA;

/** Classifieds hosts by category, matched against a link's hostname. */
const HOST_RULES: Array<[RegExp, Category]> = [
  [
    /(?:^|[.-])(?:libramemoria|dansnoscoeurs|avis-?de-?deces|avisdedeces|avisobseques|carnetdeces|necrologie|obseques|inmemori)(?:[.-]|$)/i,
    'avis-de-deces',
  ],
  [
    /(?:^|[.-])(?:annonces-?legales|legales|eurolegales|[a-z]*-?marchespublics|marches-publics|francemarches|medialex|actulegales|annonces-judiciaires|boamp)(?:[.-]|$)/i,
    'annonces-legales',
  ],
  [
    /(?:^|[.-])(?:[a-z]*-?emplois?|[a-z]*jobs?|regionsjob|hellowork|indeed|cadremploi|meteojob|keljob)(?:[.-]|$)/i,
    'emploi',
  ],
  [
    /(?:^|[.-])(?:[a-z]*-?immo(?:bilier)?|seloger|logic-immo|bienici|pap|immonot|figaroimmo|explorimmo)(?:[.-]|$)/i,
    'immobilier',
  ],
  [
    /(?:^|[.-])(?:[a-z]*-?autos?|lacentrale|autoscout24|caradisiac|paruvendu|leboncoin-auto)(?:[.-]|$)/i,
    'automobile',
  ],
  // Generic marketplaces carry every category: the item text decides, the host only says "classified".
  [
    /(?:^|[.-])(?:leboncoin|paruvendu|vivastreet|annonces?|petites-?annonces|[a-z]*-annonces)(?:[.-]|$)/i,
    'autre',
  ],
];

/** Category of a classifieds host, or null. Works on a hostname, e.g. "www.ouestfrance-emploi.com". */
export function hostCategory(hostname: string): Category | null {
  const h = hostname.toLowerCase();
  for (const [re, cat] of HOST_RULES) if (re.test(h)) return cat;
  return null;
}

/** Site-internal classifieds sections, recognised from a link's path. */
const PATH_RULES: Array<[RegExp, Category]> = [
  [/\/(?:avis-de-deces|avis-deces|avisdedeces|necrologies?|obseques)(?:[/.?#-]|$)/i, 'avis-de-deces'],
  [
    /\/(?:annonces?-legales?|annonces-judiciaires|marches-publics|avis-administratifs)(?:[/.?#]|$)/i,
    'annonces-legales',
  ],
  [/\/(?:offres?-d-emploi|offres?-emploi|emploi\/offre)(?:[/.?#-]|$)/i, 'emploi'],
  [
    /\/(?:annonces?-immobilieres?|immobilier\/annonce|annonces?\/immo(?:bilier)?)(?:[/.?#-]|$)/i,
    'immobilier',
  ],
  [/\/(?:annonces?-auto(?:mobiles?)?|voitures?-occasion|annonces?\/auto)(?:[/.?#-]|$)/i, 'automobile'],
  [/\/(?:petites-annonces|annonces?)\/[^/]*\d/i, 'autre'],
];

/** Category of a site-internal classifieds path, or null. */
const RE_PATH_ANY =
  /annonce|deces|necrolog|obseques|legal|judiciaire|marches|administratif|emploi|immo|auto|voiture/i;

export function pathCategory(href: string): Category | null {
  if (!RE_PATH_ANY.test(href)) return null;
  const path = href.replace(/^(?:https?:)?\/\/[^/]+/i, '').split(/[?#]/)[0] ?? '';
  if (path.length < 3) return null;
  for (const [re, cat] of PATH_RULES) if (re.test(path)) return cat;
  return null;
}

export function hrefHost(href: string): string | null {
  const m = /^(?:https?:)?\/\/([^/?#:]+)/i.exec(href);
  return m?.[1] ?? null;
}

/** Block headings that announce classifieds, by category (null = generic "petites annonces"). */
const HEADING_RULES: Array<[RegExp, Category | null]> = [
  [/\b(?:avis de décès|avis d'obsèques|obsèques|nécrologie|carnet(?: du jour)?|décès)\b/i, 'avis-de-deces'],
  [
    /\b(?:annonces? légales?|annonces judiciaires|marchés? publics?|avis d['’]appel|vie des sociétés)\b/i,
    'annonces-legales',
  ],
  [/\b(?:offres? d['’]emploi|emplois?|jobs?|recrut\w*|on recrute|annonces emploi)\b/i, 'emploi'],
  [
    /\b(?:immobilier|annonces? immobilières?|annonces immo|immo|locations?|ventes? immobilières?|biens à vendre)\b/i,
    'immobilier',
  ],
  [
    /\b(?:automobiles?|annonces? auto(?:mobiles?)?|auto|véhicules?(?: d['’]occasion)?|voitures?)\b/i,
    'automobile',
  ],
  [/\b(?:bonnes? affaires?|objets?|vide-greniers?|occasions?)\b/i, 'bonnes-affaires'],
  [/\b(?:petites? annonces?|nos annonces|vos annonces|annonces|classifieds)\b/i, null],
];

/** Category a short heading announces; undefined when the heading is not a classifieds heading. */
export function headingCategory(text: string): Category | null | undefined {
  if (text.length > 80) return undefined;
  for (const [re, cat] of HEADING_RULES) if (re.test(text)) return cat;
  return undefined;
}

/** Category votes from one item's text (first match wins, ordered from most to least specific). */
export function textCategory(text: string, mask: number): Category | null {
  if (mask & SIG.OBIT || (RE_OBIT.test(text) && RE_AGE.test(text))) return 'avis-de-deces';
  if (mask & SIG.LEGAL) return 'annonces-legales';
  if (mask & (SIG.HF | SIG.JOB)) return 'emploi';
  if (mask & SIG.VEHICLE) return 'automobile';
  if (mask & SIG.PROPERTY) return 'immobilier';
  if (mask & (SIG.PRICE | SIG.PRICE_STRUCT)) return 'bonnes-affaires';
  return null;
}
