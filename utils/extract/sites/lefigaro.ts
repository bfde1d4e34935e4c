import type { SiteRule } from './types';

// Le Figaro (and Madame Figaro): the "À découvrir" cross-linking list is inside the body
// (div.fig-content-body); comments live in div.fig-comments.
export const lefigaro: SiteRule = {
  id: 'lefigaro',
  hosts: ['lefigaro.fr'],
  strip: [
    '.fig-crosslinking',
    '.fig-comments',
    '.fig-premium-paywall',
    '.fig-ranking-profile',
    '.fig-newsletter-box',
  ],
  testUrls: [
    'https://www.lefigaro.fr/international/guerre-en-ukraine-la-russie-affirme-avoir-fait-echouer-la-campagne-militaire-ukrainienne-pour-2025-20241122',
  ],
};
