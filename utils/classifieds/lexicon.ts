// Word lists of the detector: classifieds hosts, site-internal classifieds paths, block headings and
// the labels of service links. Hand-written from the class descriptions (issue 12) and the pages seen.
import type { Category } from './types';

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

const RE_PATH_ANY =
  /annonce|deces|necrolog|obseques|legal|judiciaire|marches|administratif|emploi|immo|auto|voiture/i;

/** Category of a site-internal classifieds path, or null. */
export function pathCategory(href: string): Category | null {
  if (!RE_PATH_ANY.test(href)) return null;
  const path = href.replace(/^(?:https?:)?\/\/[^/]+/i, '').split(/[?#]/)[0] ?? '';
  if (path.length < 3) return null;
  for (const [re, cat] of PATH_RULES) if (re.test(path)) return cat;
  return null;
}

/**
 * Block headings that announce classifieds, by category (null = generic "petites annonces", the items
 * decide). First match wins: holiday rentals and personal ads before property; "occasions" alone is
 * ambiguous (cars or goods) and left to the items.
 */
const HEADING_RULES: Array<[RegExp, Category | null]> = [
  [
    /\b(?:avis de décès|avis d['’]obsèques|obsèques|nécrologie|carnet(?: du jour)?|décès|in memoriam|(?:ils|elles) nous ont quitté(?:e?s)?)\b/i,
    'avis-de-deces',
  ],
  [
    /\b(?:annonces? légales?|annonces judiciaires|marchés? publics?|avis d['’]appel|vie des sociétés|avis officiels?|avis administratifs?|appels? d['’]offres)\b/i,
    'annonces-legales',
  ],
  [
    /\b(?:locations? (?:saisonnières?|de vacances)|vacances|gîtes?|rencontres?|animaux|services? à domicile)\b/i,
    'autre',
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
  [/\b(?:bonnes? affaires?|vide-greniers?|brocante)\b/i, 'bonnes-affaires'],
  [
    /\b(?:petites? annonces?|nos annonces|vos annonces|annonces?|classifieds|occasions?)\b|(?:^|\s)à (?:vendre|louer)\b/i,
    null,
  ],
];

/**
 * Category a short heading announces; undefined when the heading is not a classifieds heading. Longer
 * than 50 characters it is a headline ("Nécrologie : Jean Lemarchand, ancien maire, est décédé"), not
 * the name of a section.
 */
export function headingCategory(text: string): Category | null | undefined {
  if (text.length > 50) return undefined;
  for (const [re, cat] of HEADING_RULES) if (re.test(text)) return cat;
  return undefined;
}

// What the paper's own service links say: "Passez votre annonce", "Abonnement", "Toutes les annonces".
const RE_SERVICE =
  /^(?:[»›>→•·-]\s*)?(?:pass(?:ez|er)|dépos(?:ez|er)|publi(?:ez|er)|faire paraître|consult(?:ez|er)|voir|tou(?:te)?s? les|plus d['’]|nos|vos|mon|mes|s['’]abonner|abonnement|newsletter|contact|nous contacter|rubriques?|services?|accueil|boutique)\b/i;

/**
 * A link that names a place of the site rather than an ad: a category or service label ("Annonces
 * immo", "Avis de décès", "Emploi à Paris", "Passez votre annonce"). Its target (a classifieds host or
 * path) says nothing about an ad: menus, footers and service lists are made of such links.
 */
export function isLabelLink(text: string): boolean {
  if (text.length > 40) return false;
  return headingCategory(text) !== undefined || RE_SERVICE.test(text);
}
