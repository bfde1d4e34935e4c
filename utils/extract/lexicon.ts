// Every word list the engine judges a page by, in one place (French and English; other languages
// are judged by shape only). The steps import what they need; nothing here runs at load time
// except building the regular expressions, marked pure so a bundle that needs one list (the
// always-on content script needs UNLIKELY_CANDIDATES) does not carry the others.

/** The set of the space-separated words of a template literal. */
function wordSet(s: string): ReadonlySet<string> {
  return new Set(s.trim().split(/\s+/));
}

/**
 * A block's text led by one of the `|`-separated phrases of a template literal (after bullets and
 * quotes), the phrase not running on into a longer word.
 */
function leadRegex(s: string, ...raw: string[]): RegExp {
  const alts = s
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .concat(raw);
  return new RegExp(`^[\\s«"“»>•▶►→-]*(?:${alts.join('|')})(?![\\p{L}])`, 'iu');
}

// ---------------------------------------------------------------------------------------------
// Class/id tokens of boilerplate containers (matched against "-"/"_"/space-separated pieces, so
// "share" hits "share-bar" and "article__share" but not "shared"). Consent platforms that name their
// banner after themselves are listed by that name: Quantcast (qc-cmp2-…), Consentmanager, Cookiebot.

export const BOILER_TOKENS = /* @__PURE__ */ wordSet(
  `
  related relatedposts related-articles recommended recommendations recirculation recirc outbrain
  taboola ligatus plista mostread most-read most-popular popular trending lire-aussi lireaussi a-lire
  alire sur-le-meme-sujet meme-sujet read-more readmore read-next more-stories morestories next-article
  plus-lus pluslus les-plus-lus en-continu en-ce-moment ticker breaking-bar live-bar teasers teaser-list
  share sharing sharebar share-bar social socials social-links sociallinks partage partager follow-us
  suivez-nous addthis sharethis
  newsletter newsletters nl-box subscribe subscription abonnement abonnez-vous abo signup sign-up
  membership member-ask donate donation donations support-us supportus fundraising
  inscription optin opt-in paywall-banner premium-banner promo promotion marketing app-promo
  download-app appli
  comment comments commentaires commentaire comms reactions disqus respond reagir
  ad ads advert advertisement adsbygoogle pub publicite sponsor sponsored partner partners dfp gpt
  banner banniere habillage native-ad
  breadcrumb breadcrumbs fil-ariane cookie cookies consent gdpr rgpd modal popup overlay sidebar
  cmp2 cmpbox cybotcookiebotdialog
  skip-link skiplink print toolbar tools author author-box author-bio authorbio about-author bio bio-box
  republish republication tags tag-list keywords mots-cles
  pagination pager footer header masthead menu nav navbar navigation visually-hidden sr-only
  screen-reader-text`,
);

/** Classes that name the article itself: never removed by the token lexicon. */
export const KEEP_CLASS =
  /(?:^|[-_\s])(?:article-?(?:body|content|text)|post-?(?:body|content)|entry-content|story-?body|main-?content|body-?text|content-?body|chapo|chapeau|standfirst|lead|figure|caption|legende)(?:$|[-_\s])|hentry|instapaper_body/i;

/** ARIA roles of page furniture. */
export const FURNITURE_ROLES = /* @__PURE__ */ wordSet(
  'navigation banner contentinfo search dialog alertdialog complementary menu menubar',
);

// ---------------------------------------------------------------------------------------------
// Phrases that lead boilerplate blocks, matched at the start of a block's text.

/** A block led by a boilerplate phrase ("Lire aussi : …", "Les plus lus", "Read more"). */
export const LEAD_RE = /* @__PURE__ */ leadRegex(
  `
  à lire aussi | a lire aussi | à lire également | lire aussi | lire également | lire la suite | à lire |
  sur le même sujet | sur le meme sujet | dans la même rubrique | les plus lus | les plus partagés |
  les plus commentés | le plus lu | les articles les plus lus | articles les plus lus | à voir aussi |
  voir aussi | à découvrir | découvrez aussi | nos articles | en ce moment | en continu | en direct : |
  abonnez-vous | abonnez vous | s'abonner | s’abonner | inscrivez-vous | inscrivez vous | recevez |
  restez informé | newsletter | la newsletter | cet article est réservé aux abonnés |
  article réservé aux abonnés | réservé aux abonnés | il vous reste | publicité | réagir | partager |
  partagez | suivez-nous | suivez nous | téléchargez | retrouvez-nous | commentaires | vos commentaires |
  ailleurs sur le web | cet article est paru dans | cet article est extrait de | retrouvez cet article |
  contenus sponsorisés | nos partenaires | offres d’emploi | offres d'emploi |
  read more | read also | also read | see also | related: | related articles | related stories |
  related posts | related content | recommended | more from | more stories | most read | most popular |
  trending | sign up | subscribe | by signing up | by subscribing | en vous inscrivant | advertisement | share this | share on | follow us | comments |
  leave a comment | you may also like | you might also like | what to read next | up next | see more |
  don't miss | don’t miss | more: | read: | watch: | related coverage | more on this | also on |
  more in | popular now | top stories | latest news | editor’s picks | editor's picks |
  les commentaires sont fermés | commentaires fermés | comments are closed | comments closed`,
  // "More Great WIRED Stories", "More Tech News": the site's name between "more" and "stories", the
  // whole heading ("More people read news on their phone" is a sentence).
  "more\\s+(?:[\\p{L}’'-]+\\s+){1,3}(?:stories|articles|news|reads)\\s*:?\\s*$",
);

/**
 * Phrases that also start real sentences ("Subscribe to the county's alerts by texting…"): they
 * only mark a block that is nothing but the phrase (a widget heading).
 */
export const WEAK_LEAD_RE = /* @__PURE__ */ leadRegex(`sign up | subscribe | recommended | trending |
  comments | commentaires | recevez | partagez | partager | réagir | téléchargez | newsletter |
  la newsletter | more from | more in | also on | up next | see more | publicité | advertisement`);

// ---------------------------------------------------------------------------------------------
// Paywalls (the detection itself is paywall.ts).

/** Containers of a paywall prompt, by class/id. */
/** A paywall prompt container's class (substrings, as the page writes them); its id says "paywall". */
export const PAYWALL_CLASS = /paywall|premium-block|abo-block|subscriber-only|article-locked|teaser-abo/;
export const PAYWALL_ID = /paywall/;
/** Text of a paywall prompt. */
export const PAYWALL_TEXT =
  /(?:réservé aux abonnés|il vous reste \d+\s*%|la suite est réservée|pour lire la suite|subscribe to continue|for subscribers only)/i;

// ---------------------------------------------------------------------------------------------
// Lines of the extracted body that are not the article (tidy.ts, noise.ts).

/** Calls to action that close many articles (looked for in the last blocks only). */
export const PROMO_TAIL =
  /\b(?:subscribe to|sign up (?:for|to)|newsletters?\b.*\binbox|follow (?:us|him|her|them|@?\w+) on (?:twitter|facebook|instagram)|join our|may be reached at|can be reached at|reach (?:him|her|them) at|have a (?:news )?tip\?|join the (?:conversation|discussion)|rejoignez la discussion|inscrivez-vous|abonnez-vous|suivez-nous sur|téléchargez (?:notre|l['’]application)|retrouvez-nous sur|recevez (?:[\p{L}]+ ){0,3}(?:notre|nos|la) newsletter|^[\p{Lu}][\p{L}.'’ -]{2,40} (?:is|est) (?:an? |une? )?(?:senior |staff |freelance |contributing )?(?:reporter|writer|correspondent|editor|journalist|contributor|journaliste|rédacteur|rédactrice|correspondante?)\b)/iu;

/**
 * Notices that close a page's copy, as long as a short paragraph and in the same element (looked for
 * in the last blocks only, under 400 characters): the site's copyright and reproduction notice
 * (captions keep theirs, CAPTION_CREDIT), a comment-moderation notice, a membership or subscription
 * pitch with its price, "Like this story?", a "follow / more at <URL>" line, a reporter's address,
 * a syndication line ("Via AgencyName.info").
 */
export const TAIL_NOTICE =
  /^(?:copyright\b|©|ⓒ|\(c\)\s*\d{4})|^(?:via|distributed by|source\s*:)\s*[\p{L}\p{N}.-]+\.?$|©\s*\d{4}|\b(?:all rights reserved|tous droits réservés|todos os direitos reservados|todos los derechos reservados|tutti i diritti riservati|alle rechte vorbehalten|reproduction (?:strictement )?interdite)|무단전재|\b(?:comments?|commentaires?|comentários?|comentarios?|commenti|kommentare)\b.{0,120}\b(?:moderat|modér|moderad|approved|aprovados?|publiés|publicados)|\bmoderating (?:all )?comments|^(?:if you )?(?:enjoyed|liked|like|love|loved|value) (?:reading )?this (?:article|story|piece|post)\b|^(?:want|like) more [\p{L} ]{2,30}\? |\bdelivered (?:to|through) your (?:door|letterbox|mailbox|inbox)|(?:member|subscri|abonn|assin|issues\b|numéros\b).{0,160}(?:[£$€]\s?\d|\d(?:[.,]\d+)?\s?(?:€|euros?\b)|\brs\.? ?\d).{0,40}\b(?:a|per|par|\/|for (?:the )?first|le premier) ?(?:month|year|mois|an|année)\b|^(?:follow|more|read|see|for more)\b.{0,80}https?:\/\/\S+$|^(?:write to|contact|e-?mail|reach|écrivez à|contactez)\b.{0,60}\S@\S+\.\w+/iu;

/** Credit suffixes inside captions: "Protesters wore masks (Image: GETTY)". */
export const CREDIT_TAIL =
  /\s*[([]\s*(?:image|images|photo|photos|picture|pictures|credit|credits|crédit|crédits|source|illustration|©)\s*(?:credit)?\s*:[^)\]]*[)\]]\s*$/i;
/** Gallery chrome and credit lines, anywhere. */
export const CREDIT_ONLY =
  /^(?:\(?\s*(?:image|photo|picture|credit|crédit|crédits|source|illustration)s?\s*(?:credit)?\s*:.*\)?|\(?(?:photo|crédit|credit)\s*(?:d'illustration)?\s*[©:].*|image \d+ of \d+|photo \d+ (?:of|sur|\/) \d+|\d+ ?\/ ?\d+|caption|close|enlarge|expand|agrandir|fermer|zoom|play video|watch video|voir la vidéo|lire la vidéo|report error|report an error|signaler une erreur|image copyright.*|advert|advertisement|publicité|pub|sponsored|sponsorisé|this slideshow requires javascript\.?|(?:follow|suivez)(?:-nous| us| \S+(?: \S+)?) (?:on|sur) (?:twitter|facebook|instagram|x|linkedin|youtube|tiktok)\b.*)$/i;
/** "Alex Wong | Getty Images", "Photo Jean Dupont / AFP": a photographer and an agency, alone. */
export const AGENCY_CREDIT =
  /^(?:(?:photo|crédit photo|crédit|credit|©|by|par)\s*:?\s*)?(?:the\s+)?(?:[\p{L}.'’ -]{2,40}\s*[|/]\s*)?(?:getty images?|afp|reuters|ap photo|associated press|shutterstock|epa|maxppp|sipa|abaca|hans lucas|istock|alamy|dpa|ansa|bestimage|panoramic|icon sport)(?:\s*(?:via|\/)\s*[\p{L} ]{2,30})?\.?$/iu;
/** Inside captions only: a copyright line is a photo credit there, but an article's own notice elsewhere. */
export const CAPTION_CREDIT = /^(?:©|\(c\)|copyright\b|photo\s*:|crédit\s*:)/i;

const MONTHS_ALT =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)';
/** A line that is only a date ("Monday, March 4, 2024 at 10:30 AM", "lundi 4 mars 2024"). */
export const DATE_ONLY = /* @__PURE__ */ new RegExp(
  `^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\s+)?(?:${MONTHS_ALT}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:er)?\\s+${MONTHS_ALT}\\.?,?\\s+\\d{4})(?:\\s*(?:at|à|-|,)?\\s*\\d{1,2}[:h.]\\d{2}\\s*(?:am|pm|[A-Z]{2,4})?)?$`,
  'i',
);
/** "By Jane Doe and John Smith" alone on a line. */
export const BYLINE_LINE =
  /^(?:by|par|written by|écrit par|propos recueillis par)\s+[\p{Lu}][\p{L}'’.-]+(?:[\s,]+(?:and|et|&)?\s*[\p{Lu}][\p{L}'’.-]+){0,6}\s*$/u;
/** "By HNN Staff | November 18, 2019 at 2:26 PM": a byline glued to a date. */
export const BYLINE_DATE = /^(?:by|par)\s+[^.|]{2,60}\s(?:\||·|—|–|-)\s.*\d/i;
/** "Published …", "Mis à jour le …" alone on a line. */
export const DATE_LINE =
  /^(?:\|?\s*)(?:published|updated|posted|last updated|publié|mis à jour|modifié|actualisé|mise à jour)\b.{0,100}$/i;
/** A teaser's link to the full story. */
/** A teaser's excerpt ends cut short: « … », "...", « […] ». */
export const CUT_SHORT = /(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$/;
/**
 * Ends a sentence: an entry's description does, an excerpt cut at a number of characters does not.
 * With the full stops of the scripts that have their own: CJK 。！？ and closing brackets 」』）,
 * Devanagari's danda । and the Arabic-script ۔ ؟.
 */
export const ENDS_SENTENCE = /[.!?»"”)。！？」』）।۔؟]\s*$/;
/** An excerpt cut short: « … », "...", « […] », or stopped mid-sentence. */
export function cutShort(text: string): boolean {
  return CUT_SHORT.test(text) || !ENDS_SENTENCE.test(text);
}
export const READ_MORE =
  /^(?:read more|read the full (?:story|article)|continue reading|keep reading|more|lire la suite|lire plus|en savoir plus|voir plus|la suite|weiterlesen|mehr lesen|mehr|leer más|seguir leyendo|continua(?: a leggere)?|leggi (?:tutto|di più))\s*(?:»|›|→|>|\.{3}|…)?$/i;
/**
 * A reading-time label alone on a line: "8 min read", "Reading Time: 11 minutes", « Temps de lecture :
 * 3 min », after a byline ("Bridgestone Team | 5 min read"). "5 min" alone is a recipe's time.
 */
export const READING_TIME =
  /^(?:(?:[^|·•]{1,40}\s)?[|·•]\s*)?(?:(?:(?:estimated\s+)?(?:reading|read) time|temps de lecture|durée de lecture|lecture|lesezeit|lesedauer|tiempo de lectura|tempo di lettura)\s*[:：]?\s*(?:~|≈|about|environ|ca\.?)?\s*\d+(?:\s*[–-]\s*\d+)?\s*(?:min(?:ute)?s?|mn|minuten|minutos|minuti)\.?|(?:~|≈)?\s*\d+(?:\s*[–-]\s*\d+)?\s*(?:min(?:ute)?s?|mn)\.?\s*(?:read|de lecture|lecture|lesezeit|de lectura|di lettura))$/i;
/**
 * An affiliate disclosure: "This post contains affiliate links", "As an Amazon Associate I earn from
 * qualifying purchases", "we may earn a commission at no extra cost to you", « liens affiliés ».
 * The site's notice about its business, not the article (noise.ts drops such a short paragraph).
 */
export const AFFILIATE_NOTICE =
  /\baffiliate links?\b|\bqualifying purchases\b|\bamazon associate\b|\b(?:earn|earns|receive|get|make)\s+(?:us\s+|me\s+)?(?:a\s+|an\s+)?(?:small\s+|tiny\s+)?(?:affiliate\s+)?(?:commissions?|compensation)\b|\bat no (?:extra|additional) cost to you\b|\breader-supported\b|\bliens? (?:d['’])?affili[ée]s?\b|\bliens? sponsoris[ée]s?\b.{0,80}\bcommission|\bpartnerlinks?\b|\bprovisions?-?links?\b|\benlaces de afiliados?\b/i;
/** An accessibility skip link left as a line: "Skip to main content", « Aller au contenu », Moodle's "Skip Navigation block". */
export const SKIP_LINK =
  /^(?:(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|menu|footer|search|article)|skip .{1,60} block|aller au (?:contenu|menu)(?: principal)?|passer (?:au|le) contenu|zum inhalt(?: springen)?|saltar al contenido|vai al contenuto)$/i;
/**
 * How a disclosure opens: it speaks of the page or of the site's earnings ("Disclosure:", "This post
 * contains…", "We may earn…", "If you buy through…", « Cet article contient des liens… »). A sentence
 * that only mentions affiliate links ("If you're looking to buy one, this is my pick (affiliate
 * link)", an article about affiliate marketing) does not open so.
 */
export const DISCLOSURE_START =
  /^[\s*([]*(?:(?:affiliate\s+)?disclosure|disclaimer|transparency|note|please note|heads up|full disclosure|(?:this|the|our) (?:post|article|page|guide|review|site|website|content|story|list)\b|some (?:of (?:the|our|my) )?(?:links|products|posts)|(?:we|i) (?:may |might |will |do |also |sometimes |often )?(?:earn|receive|get|make|participate|are (?:an? )?(?:participant|affiliate)|am (?:an? )?(?:participant|affiliate)|use affiliate|independently|only recommend)|as an (?:amazon )?(?:associate|affiliate)|if you (?:buy|click|purchase|make a purchase|shop|use)|purchases made|when you (?:buy|click|purchase)|our (?:editors|team|writers)|each (?:product|company|item)|[\p{L}’' ]{0,40} is (?:a )?reader-supported|cet article|cette page|certains (?:liens|produits)|nous (?:pouvons|percevons|touchons)|dieser (?:artikel|beitrag)|wir erhalten)/iu;
/** A link's whole text when it is a button to another page ("Learn more", « En savoir plus »). */
export const CALL_TO_ACTION =
  /^(?:learn more|find out more|read more|see more|discover more|more info(?:rmation)?|en savoir plus|lire la suite|découvrir|d[ée]couvrez|voir plus|mehr erfahren|weiterlesen|más información|leer más|saperne di più|scopri di più)(?:\s+(?:here|ici|hier|aquí|qui))?\s*[.!:]?\s*(?:»|›|→|>|\.{3}|…)?$/i;
/** The legal notice of a page footer. */
export const FOOTER_NOTICE =
  /(?:©|\(c\)|copyright|all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati)/i;
/** A PHP error the server printed into the page ("Warning: Undefined array key … on line 12"). */
export const SERVER_ERROR =
  /^(?:PHP )?(?:Warning|Notice|Deprecated|Fatal error|Parse error|Strict Standards|Catchable fatal error)\s*:.{0,300}\bon line \d+/i;
/** The names of a table of contents (toc.ts), in the languages of the pages read. */
const TOC_NAMES =
  'table of contents|contents?|in this (?:article|post|guide|page|story)|on this page|jump to|skip to|quick links|sommaire|au sommaire|dans cet article|sur cette page|table des mati[eè]res|aller [àa]|inhaltsverzeichnis|inhalt|auf dieser seite|[íi]ndice(?: de contenidos?)?|contenidos?|tabla de contenidos?|en este art[íi]culo|sommario|in questo articolo|inhoudsopgave|spis treści';
const TOC_TOGGLE =
  '(?:[\\[(]?\\s*(?:hide|show|toggle|close|open|masquer|afficher|ausblenden|einblenden|anzeigen|ocultar|mostrar|nascondi|mostra)\\s*[\\])]?[\\s|/]*)*';
/** A table of contents' label alone, with its toggle ("Table of Contents [Hide] [Show]", « Sommaire : »). */
export const TOC_LABEL = /* @__PURE__ */ new RegExp(
  `^(?:${TOC_NAMES})(?![\\p{L}])\\s*[:：]?\\s*${TOC_TOGGLE}$`,
  'iu',
);
/** A line led by that label ("Jump to: Tents · Stoves"). */
export const TOC_LEAD = /* @__PURE__ */ new RegExp(
  `^(?:${TOC_NAMES})(?![\\p{L}])\\s*[:：]?\\s*${TOC_TOGGLE}`,
  'iu',
);
/** An e-mail address or a social handle alone on a line. */
export const CONTACT_LINE =
  /^(?:\S+@\S+\.\w+|(?:https?:\/\/)?(?:www\.)?(?:twitter|x|facebook|instagram)\.com\/\S+|@\w+)$/i;

// ---------------------------------------------------------------------------------------------
// Metadata.

/** What follows a name in a byline field ("Jean Dupont, publié le 3 mars"). */
export const BYLINE_NOISE =
  /(?:^|[\s,|·–—-])(?:publié|mis à jour|modifié|updated|published|le \d|il y a|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}h\d{2})(?=[\s,:]|$).*$/i;
/** schema.org types of a page that lists other pages. */
export const LISTING_TYPES = /^(?:CollectionPage|ItemList|SearchResultsPage|OfferCatalog|ProfilePage)$/;
/** A label near a <time> saying it is the update, not the publication. */
export const UPDATED_LABEL = /mis à jour|modifié|updated|actualisé/;

// ---------------------------------------------------------------------------------------------
// The cheap "is this an article?" probe (readerable.ts, in the always-on content script):
// Readability's own lists of unlikely and maybe-content class names.

export const UNLIKELY_CANDIDATES =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|partage|share/i;
export const MAYBE_CANDIDATE = /and|article|body|column|content|main|shadow/i;

// ---------------------------------------------------------------------------------------------
// The gates (gates.ts): pages that are not articles by what they are for.

/** A login / account / contact / not-found page, by its title (site name already cut off). */
export const UTILITY_TITLE =
  /^\s*(?:connexion|se connecter|connectez-vous|identifiez-vous|identification|mon compte|mon espace|créer (?:un|mon) compte|log ?in|sign ?in|sign ?up|my account|create an? account|anmelden|einloggen|registrieren|mein konto|accedi|registrati|il mio account|iniciar sesi[oó]n|mi cuenta|reg[ií]strate|contact(?:ez|er)?(?:-nous)?|nous contacter|contact us|kontakt|contatt(?:i|aci)|cont[aá]ct(?:o|anos)|(?:error )?404|page (?:not found|introuvable|non trouvée)|not found|nicht gefunden|seite nicht gefunden|pagina non trovata|p[aá]gina no encontrada)\b/i;
/** …or by its path. */
export const UTILITY_PATH =
  /\/(?:login|log-in|signin|sign-in|signup|sign-up|connexion|se-connecter|identification|mon-compte|moncompte|my-account|myaccount|anmelden|accedi|iniciar-sesion|wp-login\.php|login\.php|contact|contacts|contact-us|contactez-nous|nous-contacter|contacter-[a-z-]+|kontakt|contatti|contacto|404)(?:[/?.#]|$)/i;
/** A site-search results page, by its path or query. */
export const SEARCH_PAGE =
  /\/(?:search|recherche|rechercher|suche|buscar|busqueda|cerca|ricerca)(?:[/?.#]|$)|[?&](?:q|s|query|search|keywords?|recherche|suche)=/i;

// ---------------------------------------------------------------------------------------------
// Posts of threads and live blogs (posts.ts).

const MONTH_NAMES =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|janv|févr|fév|avr|juil|déc|januar|februar|märz|juni|juli|oktober|dezember|mär|okt|dez|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|dicembre|gen|giu|lug|ago|set|ott|dic|enero|febrero|abril|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|ene|abr';
/** A printed date or time: "18:45", "20h47", "14.04.2025", "8 mars", "April 2", "il y a 3 h". */
export const DATE_TEXT = /* @__PURE__ */ new RegExp(
  `\\b\\d{1,2}\\s?(?::|h|\\s?h\\s)\\s?\\d{2}\\b|\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}(?:er|st|nd|rd|th|\\.)?\\s+(?:${MONTH_NAMES})\\b|\\b(?:${MONTH_NAMES})\\.?\\s+\\d{1,2}\\b|\\b(?:il y a|vor|hace)\\s+\\d|\\b\\d+\\s+\\p{L}+\\s+(?:ago|fa)\\b`,
  'iu',
);
/** Where a post names its author. */
export const POST_AUTHOR =
  '[itemprop="author"] [itemprop="name"], [itemprop="author"], [rel="author"], [class*="author"], [class*="Author"], [class*="auteur"], [class*="autore"], [class*="username"], [class*="user-name"], [class*="userName"], .poster, .postauthor, .message-name, .name, .nick, .byline, a[href*="memberlist"], a[href*="/members/"], a[href*="/member/"], a[href*="/users/"], a[href*="/user/"], a[href*="/u/"], a[href*="profile"]';
/** Parts of a post that are not its text: user panel, signature, action bar, votes. */
export const POST_CHROME_TOKENS = /* @__PURE__ */ wordSet(`
  signature sig postprofile profile avatar userinfo user-info userdetails user-details message-user
  message-signature author-info authorinfo user-card usercard post-footer postfooter footer actions
  action post-actions post-buttons buttons reactions reaction likes vote votes votecell voting share
  sharing report reply-button quote-button toolbar badge badges rank joined embed embeds
  instagram-media twitter-tweet tiktok-embed skiplink skip-link placeholder player audioplayer`);
/** The label of a member's join date in a forum's user panel (not the post's time). */
export const JOIN_LABEL =
  /\b(?:inscri(?:t|te|ption)|membre depuis|joined|member since|registriert|dabei seit|mitglied seit|iscritto|iscrizione|registrado|miembro desde|se unió)\b/i;
/** The whole text of a post's action link or counter. */
export const POST_ACTION =
  /^(?:reply|quote|report(?: inappropriate content| post| abuse)?|like|likes|share|permalink|flag|edit|helpful|upvote|downvote|répondre|citer|signaler(?: un abus| ce message)?|j['’]aime|partager|antworten|zitieren|melden|gefällt mir|rispondi|cita|segnala|mi piace|responder|citar|reportar|me gusta|\d+\s*(?:likes?|replies|réponses|votes?|points?))$/i;
/** A signature separator at the start of a line: "_____", "-- ". */
export const SIGNATURE_RULE = /^\s*(?:_{5,}|--\s*$)/;
