// Where regional titles publish: the départements a site covers, used only to choose between homonyms
// ("Saint-Denis" on a Réunion site is 97411, not 93066) and to refuse a folder name that is a commune
// far from the site's area. A site missing here simply gives no context; national sites are absent.
import { hostMatches } from '../core/url';

const WEST = ['14', '50', '61', '27', '76'];
const BRITTANY = ['22', '29', '35', '56'];
const LOIRE = ['44', '49', '53', '72', '85'];

const SITE_DEPTS: Array<[string, string[]]> = [
  ['ouest-france.fr', [...BRITTANY, ...LOIRE, ...WEST]],
  ['letelegramme.fr', BRITTANY],
  ['lamanchelibre.fr', ['50']],
  ['tendanceouest.com', [...WEST, '72']],
  ['paris-normandie.fr', ['76', '27']],
  ['presse-ocean.fr', ['44']],
  ['courrier-ouest.fr', ['49']],
  ['sudouest.fr', ['33', '24', '47', '40', '64', '17', '16', '19']],
  ['charentelibre.fr', ['16']],
  ['larepubliquedespyrenees.fr', ['64']],
  ['ladepeche.fr', ['31', '32', '81', '82', '09', '11', '12', '46', '65', '47']],
  ['midilibre.fr', ['30', '34', '48', '12', '11']],
  ['lindependant.fr', ['66', '11']],
  ['centrepresseaveyron.fr', ['12']],
  ['lavoixdunord.fr', ['59', '62']],
  ['courrier-picard.fr', ['80', '60', '02']],
  ['lunion.fr', ['51', '08', '02', '10']],
  ['leparisien.fr', ['75', '77', '78', '91', '92', '93', '94', '95', '60']],
  ['ledauphine.com', ['38', '73', '74', '26', '05', '04', '07']],
  ['leprogres.fr', ['69', '42', '01', '71', '39', '43']],
  ['lejsl.com', ['71']],
  ['bienpublic.com', ['21']],
  ['vosgesmatin.fr', ['88']],
  ['estrepublicain.fr', ['54', '55', '88', '70', '25', '90']],
  ['republicain-lorrain.fr', ['57', '54']],
  ['dna.fr', ['67', '68']],
  ['lalsace.fr', ['68', '90']],
  ['nicematin.com', ['06', '83']],
  ['varmatin.com', ['83']],
  ['corsematin.com', ['2A', '2B']],
  ['laprovence.com', ['13', '84', '04', '05']],
  ['lanouvellerepublique.fr', ['37', '41', '36', '79', '86']],
  ['lamontagne.fr', ['63', '03', '15', '19', '23', '43']],
  ['lepopulaire.fr', ['87']],
  ['larep.fr', ['45']],
  ['lyonne.fr', ['89']],
  ['leberry.fr', ['18']],
  ['lejdc.fr', ['58']],
  ['letelegramme.com', BRITTANY],
  ['clicanoo.re', ['974']],
  ['lequotidien.re', ['974']],
  ['zinfos974.com', ['974']],
  ['franceantilles.fr', ['971', '972']],
];

/** Départements a news site covers, or [] when it is national or unknown. */
export function siteDepts(host: string | null | undefined): string[] {
  if (!host) return [];
  for (const [domain, depts] of SITE_DEPTS) if (hostMatches(host, domain)) return depts;
  return [];
}
