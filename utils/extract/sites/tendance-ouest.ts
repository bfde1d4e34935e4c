import type { SiteRule } from './types';

// Tendance Ouest (Normandy radio + news). The fixture is the hand reconstruction of the seed page.
export const tendanceOuest: SiteRule = {
  id: 'tendance-ouest',
  hosts: ['tendanceouest.com'],
  content: ['article.article-full', 'article'],
  // The live ticker and the "Petites Annonces" box sit next to the article on every page.
  strip: ['.live-ticker', '#petites-annonces', '.box-pa', '.article-kicker'],
  testUrls: [
    'https://www.tendanceouest.com/actualite-450123-normandie-des-centaines-d-emplois-a-la-cle-la-region-veut-accueillir-des-data-centers-dedies-a-l-ia',
  ],
};
