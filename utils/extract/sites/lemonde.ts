import type { SiteRule } from './types';

// Le Monde (2011–2023 templates). The device-limit ("capping") dialog and the subscription
// "catcher" box sit inside the article element.
export const lemonde: SiteRule = {
  id: 'lemonde',
  hosts: ['lemonde.fr'],
  strip: ['.capping', '.paywall', '.article__siblings', '.services', '.meta__social', '.inread', '.catcher'],
  testUrls: [
    'https://www.lemonde.fr/economie/article/2019/05/07/les-sombres-perspectives-economiques-de-la-commission-europeenne_5459120_3234.html',
    'https://www.lemonde.fr/politique/article/2024/01/10/un-article-politique_6210000_823448.html',
  ],
};
