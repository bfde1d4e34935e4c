import type { SiteRule } from './types';

// Ouest-France (and its regional editions). The newsletter box and the job-ads widget
// (ouestfrance-emploi) are nested inside the article element; "Lire aussi" paragraphs are in-body.
export const ouestFrance: SiteRule = {
  id: 'ouest-france',
  hosts: ['ouest-france.fr'],
  strip: [
    '.bp-newsletters',
    '.ofm-widget-seul',
    '.ofm-emploi',
    '.zone-liste',
    '.contenu-secondaire .teaser-media',
  ],
  testUrls: [
    'https://www.ouest-france.fr/normandie/cherbourg-en-cotentin-50100/le-port-accueille-un-nouveau-ferry-0f1e2d3c-0000-11ef-8000-000000000000',
  ],
};
