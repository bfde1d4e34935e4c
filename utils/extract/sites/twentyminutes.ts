import type { SiteRule } from './types';

// 20 Minutes: "correlatedLink" related boxes are injected between body paragraphs and the
// "À lire aussi" list is an aside inside the article element.
export const twentyMinutes: SiteRule = {
  id: '20minutes',
  hosts: ['20minutes.fr'],
  strip: ['[class*="correlatedLink"]', '.lt-endor-aside', '.sharebar', '[class*="c-sharebar"]'],
  testUrls: [
    'https://www.20minutes.fr/bordeaux/4060211-20231102-tempete-ciaran-pluie-rafales-vent-quoi-attendre-nouvelle-aquitaine',
  ],
};
