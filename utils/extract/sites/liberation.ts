import type { SiteRule } from './types';

// Libération (2012–2023 templates, including next.liberation.fr): "Sur le même sujet" is nested
// inside the article body before the text; the live "Direct" feed sits in the sidebar.
export const liberation: SiteRule = {
  id: 'liberation',
  hosts: ['liberation.fr'],
  strip: ['#related-content', '.live', '.live-flux', '.article-related', '.newsletter-form'],
  testUrls: [
    'https://www.liberation.fr/monde/2015/04/30/un-troisieme-francais-mort-dans-le-seisme-au-nepal_1278800',
  ],
};
