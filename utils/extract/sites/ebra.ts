import type { SiteRule } from './types';

// EBRA group platform, shared by its nine regional dailies (Vosges Matin, L'Est Républicain,
// Le Progrès, DNA, L'Alsace, Le Dauphiné libéré, Le Bien public, Le JSL, Le Républicain lorrain).
// Related-content blocks sit after the text inside the content column; the locality kicker is a
// span inside the <h1> (handled by the generic title logic).
export const ebra: SiteRule = {
  id: 'ebra',
  hosts: [
    'vosgesmatin.fr',
    'estrepublicain.fr',
    'leprogres.fr',
    'dna.fr',
    'lalsace.fr',
    'ledauphine.com',
    'bienpublic.com',
    'lejsl.com',
    'republicain-lorrain.fr',
  ],
  strip: [
    '.bloc_relatedContent_InnerContent',
    '[class*="relatedContent"]',
    '.col_sticky',
    '.bloc_partage',
    '.bloc_newsletter',
  ],
  testUrls: [
    'https://www.vosgesmatin.fr/edition-la-plaine/2020/03/23/incendie-dans-une-maison-cinq-personnes-relogees',
  ],
};
