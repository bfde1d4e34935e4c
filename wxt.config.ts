import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { regionalMatches } from './utils/access/known-sites';
import { buildCommuneIndex } from './utils/communes/build';

// Lisible's manifest. Permissions are the least the features need; see README "Permissions" and
// tests/permissions-allowlist.json (the manifest test fails on anything not listed there).
//
// LISIBLE_LOCAL_SITES=1 makes a *local* build (into .output/local/) that also treats 127.0.0.1 and
// localhost as known news sites, so `npm start` and the end-to-end tests can serve the sample pages
// locally and see the content script run from the first paint, as it does on the regional sites.
// Store packages and the manifest test use the normal build.
const LOCAL_SITES = process.env.LISIBLE_LOCAL_SITES === '1';
const LOCAL_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: LOCAL_SITES ? '.output/local' : '.output',
  // The Firefox sources zip holds what rebuilds the extension, not the test corpus (publishers' pages
  // kept as local test data must not be republished).
  zip: {
    excludeSources: ['tests/**', '.bench/**', '.screenshots/**', '.store/**', '.ci/**'],
  },
  hooks: {
    // The official communes (Etalab's COG, a devDependency) as a compact packaged index, loaded by the
    // extension pages that show or store a commune (utils/communes/load.ts).
    'build:publicAssets': (_wxt, files) => {
      const data = (f: string) =>
        JSON.parse(
          readFileSync(
            createRequire(import.meta.url).resolve(`@etalab/decoupage-administratif/data/${f}`),
            'utf8',
          ),
        );
      files.push({
        relativeDest: 'communes.txt',
        contents: buildCommuneIndex(data('communes.json'), data('departements.json'), data('regions.json')),
      });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!LOCAL_SITES) return;
      for (const cs of manifest.content_scripts ?? []) cs.matches = [...(cs.matches ?? []), ...LOCAL_MATCHES];
      manifest.host_permissions = [...(manifest.host_permissions ?? []), ...LOCAL_MATCHES];
    },
  },
  vite: () => ({
    plugins: [preact()],
    // The content script's `matches`, computed here so its bundle does not carry the site rules.
    define: { __LISIBLE_REGIONAL_MATCHES__: JSON.stringify(regionalMatches()) },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', 'alarms'],
    // The regional sites with rules, where the content script is declared: lets the background inject
    // the extraction engine there on demand (a declared content script alone does not allow it).
    host_permissions: regionalMatches(),
    // Extension pages run our own scripts only. Images may come from the article's site: the popup and
    // reading mode show the open article's own photos (at most 60 unless the reader asks, see
    // utils/safety/sanitize.ts ImagePolicy). The library page narrows img-src further with its own
    // <meta> policy (entrypoints/options/index.html): stored copies (blob:) only. Nothing else is loaded
    // from outside, except the saved article's images fetched once at save (see connect-src).
    content_security_policy: {
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "style-src 'self'; font-src 'self'; img-src 'self' blob: https: http:; media-src 'self' blob:; " +
        // connect-src http(s): the requests of our own — at the reader's explicit save, the popup or
        // background fetches the article's own images into the library (utils/db/images.ts); and, when
        // the reader sets up sync, their own WebDAV server (utils/sync/remote.ts guards the origin).
        "connect-src 'self' https: http:",
    },
    // Other sites, one at a time, when the reader asks ("Activer Lisible sur ce site"); and the
    // reader's own WebDAV server, that one origin, when they set up sync (utils/sync/).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      // Save to the library without opening the popup (handled in entrypoints/background.ts).
      'save-article': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmdSaveArticle__' },
      // Not Alt+Shift+R: Chromium (156, Linux) keeps Alt+Shift+A B C N P R T W X Z for itself and leaves
      // an extension's suggested key on them unbound (commands.getAll() gives "" — CommandService
      // auto-assigns no browser accelerator). L for « Lire », free in Chromium and Firefox.
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_cmdToggleReader__',
      },
    },
    // Reading mode is our own page in a frame over the article; only that page is exposed to web pages.
    web_accessible_resources: [
      {
        resources: ['reader.html'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'lisible@lisible.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
