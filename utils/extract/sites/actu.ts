import type { SiteRule } from './types';

// actu.fr network (Publihebdos local weeklies). 2020 WordPress template: body in #post-content,
// in-body "Lire aussi" as p.read-more, "Dernières actus" tabbed widget in the sidebar.
export const actu: SiteRule = {
  id: 'actu-fr',
  hosts: ['actu.fr'],
  content: ['#post-content', 'article.post'],
  strip: ['p.read-more', '#msAside', '[id^="Widget-"]', '.ac-newsletter', '.ac-share'],
  testUrls: [
    'https://actu.fr/nouvelle-aquitaine/bayonne_64102/solidarite-le-centre-hospitalier-de-la-cote-basque-lance-un-appel-aux-dons-des-entreprises-et-particuliers_32434345.html',
  ],
};
