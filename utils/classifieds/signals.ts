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
  /** A text node longer than a field (prose, or the body of a notice). */
  LONG: 1 << 19,
  /** Second-hand goods: furniture, appliances, garden machines, bikes ("Motoculteur Honda F220"). */
  GOODS: 1 << 20,
  /** The `autre` classes: holiday rentals, personal ads, animals, services at home. */
  OTHER: 1 << 21,
  /** A car make alone: weaker than mileage or fuel (Honda also makes lawnmowers). */
  BRAND: 1 << 22,
  /** A French phone number, as private ads give. */
  PHONE: 1 << 23,
} as const;

// Non-breaking and thin spaces are common inside French prices ("120 600 €").
const SP = '[\\s\\u00a0\\u202f\\u2009]';
const NUM = `\\d{1,3}(?:${SP}?[.\\s\\u00a0\\u202f]?\\d{3})*(?:,\\d{1,2})?`;

const RE_PRICE_STRUCT = new RegExp(
  `^${SP}*(?:(?:prix|loyer|à partir de|dès)${SP}*:?${SP}*)?${NUM}${SP}*(?:€|euros?)(?:${SP}*(?:TTC|HT|CC|HC|FAI|/${SP}*mois|par mois|cc))?${SP}*$`,
  'i',
);
const RE_PRICE = new RegExp(`${NUM}${SP}*(?:€|euros?\\b)|€${SP}*${NUM}`, 'i');
// One letter before the parenthesis is enough to test for: `[…]+` there made every letter of a long
// word a new start of the same failed match (quadratic on a text with a parenthesis).
const RE_POSTCODE = /[A-Za-zÀ-ÿ'’.-]\s*\((?:\d{5}|\d{2}|2[AB])\)/;
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
// Mileage, not distance: "50 900 km", never "à 5 km de" nor "30 km/h".
const RE_VEHICLE =
  /(?:(?<!\bà\s)\b\d{1,3}(?:[\s\u00a0\u202f.]?\d{3})*\s*km\b(?!\s*\/\s*h|\s+(?:de|du|des|d['’]|à|au|autour)\b)|(?:\b(?:diesel|essence|hybride|gpl)\b|électrique)|\bboîte (?:manuelle|automatique)\b|\b\d{2,3}\s*ch\b|\bcamping[- ]car\b|\bcaravane\b|\btracteur\b|\b(?:HDi|TDI|dCi|BlueHDi|PureTech|TCe|eTSI)\b|\b(?:fourgon|utilitaire)\b)/i;
/** What a match of RE_VEHICLE has when it has no digit (its mileage and power need one). */
const RE_VEHICLE_WORD =
  /diesel|essence|hybride|gpl|électrique|boîte|camping|caravane|tracteur|hdi|tdi|dci|puretech|tce|etsi|fourgon|utilitaire/i;
/** Every weekday of RE_EVENT has it; its other alternatives need a digit. */
const RE_DI = /di/i;
const RE_BRAND =
  /\b(?:peugeot|renault|citro[eë]n|volkswagen|fiat|ford|toyota|dacia|opel|bmw|mercedes|audi|nissan|kia|hyundai|skoda|seat|tesla|volvo|suzuki|mazda|jeep|cupra|honda|porsche|iveco|yamaha)\b/i;
const RE_GOODS =
  /\b(?:motoculteur|tondeuse|fendeuse|tronçonneuse|débroussailleuse|remorque|vélos?|poussette|lave-linge|lave-vaisselle|congélateur|réfrigérateur|canapé|armoire|table de|chaises|buffet|commode|piano|console|téléviseur|ordinateur|poêle à|bois de chauffage|vêtements|jouets|salle à manger|meubles?|outillage)\b/i;
const RE_OTHER =
  /\b(?:gîtes?|chambres? d['’]hôtes|mobil-home|locations? saisonnières?|cherche (?:compagne|compagnon|jeune femme|monsieur|dame)|rencontrer|relation durable|rompre (?:la )?solitude|chiots?|chatons?|chienne|LOF|pension pour chevaux|pension pour (?:un )?cheval|ménage|repassage|donne (?:des )?cours|cours particuliers|petits travaux|tonte|taille de haies|garde d['’]enfants|aide à domicile|chèques? emploi service|cesu)\b|€\s*(?:la|par)\s+(?:semaine|nuit)/i;
const RE_PHONE = /(?:^|[^\d])0[1-9](?:[\s.\u00a0]?\d{2}){4}(?!\d)/;
const RE_OBIT =
  /\b(?:avis de décès|décès|obsèques|nécrologie|inhumation|crémation|crématorium|condoléances|décédée?|funérailles|in memoriam|carnet du jour|remerciements|pompes funèbres)\b/i;
const RE_AGE = /\b\d{1,3}\s*ans\b/i;
const DIGIT = /\d/;
const RE_LEGAL =
  // Alternatives ending in "é" or "€" sit outside the \b group: JS \b only knows ASCII letters.
  /\b(?:avis d['’]appel public|appels? d['’]offres?|annonces? légales?|annonces judiciaires|au capital de|RCS\s+[A-Z]\w*|marchés? publics?|enquête publique|vie des sociétés|dissolution(?: anticipée)?|liquidation (?:judiciaire|amiable)|clôture de liquidation|transfert de siège|avis administratifs?|avis d['’]attribution|avis de constitution|constitution|régime matrimonial|modification du capital|changement de gérant|vente de fonds|fonds de commerce|pouvoir adjudicateur|date limite de réception|commissaire enquêteur|aux termes d['’]un acte|pour avis|siège social|tribunal de commerce|mandataire judiciaire)\b|constitution de (?:la )?société|capital(?: social)?(?: de)? \d[\d\s\u00a0.]*(?:€|euros?)/i;

/**
 * Quick reject: most text nodes carry none of these characters/words. Two regexes instead of one
 * big case-insensitive alternation (4× faster): symbols/number patterns, then word starts only.
 */
const RE_ANY_SYMBOL =
  /[€(²]|0[1-9][\s.]?\d\d[\s.]?\d\d|\d\s*(?:h\s*\d|km|ch\b|ans\b|m2|(?:er)?\s+(?:janv|févr|mars|avril|mai|juin|juil|août|sept|oct|nov|déc))|[HF]\s*\/\s*[HF]|\b[TF][1-7]\b/;
const RE_ANY_WORD =
  /(?:^|[^a-zà-ÿ])(?:découvr|savoir plus|voir|détail|postul|annonce|offre|avis|lire l|cdi|cdd|intérim|alternance|apprenti|temps|salaire|rémun|recrut|pièce|chambre|vend|lou|terrain|maison|appart|studio|duplex|longère|villa|diesel|essence|hybride|électrique|gpl|boîte|camping|caravane|hdi|bluehdi|tdi|dci|puretech|tce|peugeot|renault|citro|volkswagen|fiat|ford|toyota|dacia|opel|bmw|mercedes|audi|nissan|kia|hyundai|skoda|seat|tesla|volvo|suzuki|mazda|jeep|cupra|honda|porsche|iveco|fourgon|utilitaire|décè|obsèques|nécro|inhum|crémat|condoléance|décédé|funè|funéra|memoriam|carnet|remerciement|appel|capital|rcs|société|m\.|mme|mlle|monsieur|madame|marché|enquête|dissolution|liquidation|siège|administratif|registre|vente|location|réf|constitution|régime|gérant|fonds|pouvoir|date limite|commissaire|aux termes|pour avis|tribunal|mandataire|motocult|tondeuse|fendeuse|tronçon|débrouss|remorque|vélo|poussette|lave-|congél|réfrig|canapé|armoire|table|chaise|buffet|commode|piano|consol|télévis|ordinat|poêle|bois de|vêtement|jouet|salle à|meuble|outillage|yamaha|tracteur|etsi|gîte|hôtes|mobil|saisonn|cherche|rencontr|relation|solitude|chiot|chaton|chienne|lof|pension|ménage|repassage|cours|travaux|tonte|haies|garde d|domicile|chèque|cesu|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|euro|km)/i;

/** Text nodes longer than this are prose or a notice body: only notice facts are read from them. */
export const MAX_FIELD_TEXT = 300;

/** How much of a long text node is read for notice facts: a notice states what it is early on. */
const LONG_HEAD = 500;

export function textSignals(text: string): number {
  if (text.length > MAX_FIELD_TEXT) return longTextSignals(text.slice(0, LONG_HEAD));
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
  // Guards before the costlier regexes, each a condition every match of the regex meets: a digit
  // (computed once), "/" or "-" for H/F, "di" for the weekdays of an event, a vehicle word.
  const digit = DIGIT.test(text);
  if (RE_TRANSACTION.test(text)) m |= SIG.TRANSACTION;
  if ((digit || RE_DI.test(text)) && RE_EVENT.test(text)) m |= SIG.EVENT;
  if (text.includes('(') && RE_POSTCODE.test(text)) {
    m |= SIG.POSTCODE;
    if (m & SIG.PRICE && RE_AD_LINE.test(text)) m |= SIG.AD_LINE;
  }
  // Civilities start with a capital M; ages and phone numbers need a digit.
  if (text.includes('M') && RE_CIVILITY.test(text)) m |= SIG.CIVILITY;
  if (short && RE_CTA_GENERIC.test(text)) m |= SIG.CTA_GENERIC;
  if (RE_CTA.test(text)) m |= SIG.CTA;
  if (RE_JOB.test(text)) m |= SIG.JOB;
  if ((text.includes('/') || text.includes('-')) && RE_HF.test(text)) m |= SIG.HF;
  if (RE_PROPERTY.test(text)) m |= SIG.PROPERTY;
  if ((digit || RE_VEHICLE_WORD.test(text)) && RE_VEHICLE.test(text)) m |= SIG.VEHICLE;
  if (RE_BRAND.test(text)) m |= SIG.BRAND;
  if (RE_GOODS.test(text)) m |= SIG.GOODS;
  if (RE_OTHER.test(text)) m |= SIG.OTHER;
  if (digit && RE_PHONE.test(text)) m |= SIG.PHONE;
  if (RE_OBIT.test(text)) m |= SIG.OBIT;
  if (digit && RE_AGE.test(text)) m |= SIG.AGE;
  if (RE_LEGAL.test(text)) m |= SIG.LEGAL;
  return m;
}

/**
 * A long text node is prose or the body of a notice (legal notices run to paragraphs, a death notice
 * to a few sentences): only notice facts count there, read from its first LONG_HEAD characters (the
 * cost of a page of prose stays that of short nodes), marked LONG so that a list of such items is
 * judged as notices, never as ads.
 */
function longTextSignals(text: string): number {
  let m = SIG.LONG;
  if (RE_LEGAL.test(text)) m |= SIG.LEGAL;
  if (RE_OBIT.test(text)) m |= SIG.OBIT;
  // Civilities start with a capital M.
  if (text.includes('M') && RE_CIVILITY.test(text)) m |= SIG.CIVILITY;
  if (RE_AGE.test(text)) m |= SIG.AGE;
  return m === SIG.LONG ? 0 : m;
}

/** A civility and an age among an item's signals: the person of a death notice, or of a personal ad. */
export function personAge(mask: number): boolean {
  return (mask & SIG.CIVILITY) !== 0 && (mask & SIG.AGE) !== 0;
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
  if (mask & (SIG.VEHICLE | SIG.BRAND)) s += 0.5;
  if (mask & SIG.GOODS) s += 0.5;
  if (mask & SIG.OTHER) s += 1;
  if (mask & SIG.PHONE) s += 1;
  if (mask & SIG.OBIT) s += 1;
  // An age alone is everywhere in news (results, faits divers); it supports an obituary only.
  if (mask & SIG.AGE && mask & (SIG.OBIT | SIG.CIVILITY)) s += 0.5;
  // A civility and an age in one item ("Mme Jeanne Roux, 88 ans"): the person of a death notice.
  const person = personAge(mask);
  if (person) s += 0.5;
  if (mask & SIG.LEGAL) s += 1.5;
  // Place + date + price is an agenda entry unless a category fact says otherwise (an obituary
  // has dates too, but also obituary facts).
  if (mask & SIG.EVENT && !(mask & CATEGORY_FACTS) && !person) s -= 1;
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
  SIG.CTA |
  SIG.GOODS |
  SIG.OTHER;

/** Category one item's signals vote for (first match wins, from the most to the least specific). */
export function textCategory(mask: number): Category | null {
  if (mask & SIG.OBIT) return 'avis-de-deces';
  // A job ad may name its employer's company form; a legal notice never shows "H/F".
  if (mask & SIG.HF) return 'emploi';
  if (mask & SIG.LEGAL) return 'annonces-legales';
  if (mask & SIG.JOB) return 'emploi';
  if (mask & SIG.OTHER) return 'autre';
  // "Vélo électrique", "Motoculteur Honda": goods words before fuel or make.
  if (mask & SIG.GOODS) return 'bonnes-affaires';
  if (mask & (SIG.VEHICLE | SIG.BRAND)) return 'automobile';
  if (mask & SIG.PROPERTY) return 'immobilier';
  if (mask & (SIG.PRICE | SIG.PRICE_STRUCT)) return 'bonnes-affaires';
  return null;
}
