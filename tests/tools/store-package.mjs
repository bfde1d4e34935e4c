// After `wxt zip` (Chrome, Firefox and Firefox sources): gathers the store listing next to the zips —
// French and English descriptions (.store/) and the screenshots the e2e run and `npm start` write to
// .screenshots/ — into .output/store/.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const dest = join(root, '.output/store');
mkdirSync(join(dest, 'screenshots'), { recursive: true });
for (const lang of ['fr', 'en'])
  cpSync(join(root, `.store/description.${lang}.md`), join(dest, `description.${lang}.md`));
const shots = join(root, '.screenshots');
const found = existsSync(shots) ? readdirSync(shots).filter((f) => f.endsWith('.png')) : [];
for (const f of found) cpSync(join(shots, f), join(dest, 'screenshots', f));
const zips = readdirSync(join(root, '.output')).filter((f) => f.endsWith('.zip'));
console.log(`Store packages in .output/: ${zips.join(', ')}`);
console.log(`Listing in ${dest}: descriptions fr/en, ${found.length} screenshot(s)`);
if (!found.length) console.log('No screenshots yet: run "npm start -- --headless" or "npm test" first.');
