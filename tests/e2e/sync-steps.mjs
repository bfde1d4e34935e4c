// The steps of the sync e2e (tests/e2e/sync.e2e.mjs) on one browser profile: set sync up in the
// options page, sync now, save the sample article, read the library's rows.
import { articlePopup } from './chromium.mjs';

export const settingsUrl = (b) => `chrome-extension://${b.extensionId}/options.html#/settings`;
export const libraryUrl = (b) => `chrome-extension://${b.extensionId}/options.html`;

/** Fills the sync form of the options page for the WebDAV server `url` (with its login); returns the page. */
export async function setUp(b, { url, user, pass }, passphrase) {
  const page = await b.context.newPage();
  await page.goto(settingsUrl(b));
  const form = page.locator('.settings-sync form.sync-form');
  await form.locator('input[name=url]').fill(url);
  await form.locator('input[name=user]').fill(user);
  await form.locator('input[name=password]').fill(pass);
  await form.locator('input[name=passphrase]').fill(passphrase);
  await form.getByRole('button', { name: 'Activer la synchronisation' }).click();
  return page;
}

/** "Synchroniser maintenant", then the outcome the page shows. */
export async function syncNow(page) {
  const button = page.getByRole('button', { name: 'Synchroniser maintenant' });
  await button.waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => !document.querySelector('.sync-actions button')?.disabled, null, {
    timeout: 60_000,
  });
  await button.click();
  const notice = page.locator('.sync-notice');
  await notice.waitFor({ timeout: 60_000 });
  return notice.innerText();
}

/** Saves the page at `url` from the popup of profile `b`, its images with it. */
export async function saveSample(b, url) {
  const { page, popup } = await articlePopup(b, url);
  await popup.getByRole('button', { name: 'Enregistrer' }).click();
  await popup.getByText(/Enregistré dans la bibliothèque/).waitFor({ timeout: 15_000 });
  // The popup stores the images right after the save.
  await popup.waitForTimeout(1000);
  await popup.close();
  await page.close();
}

/** Rows of the library of a profile, read from its IndexedDB in its own extension page. */
export async function libraryRows(b) {
  const rows = await b.control.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('lisible');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['articles'], 'readonly');
          const req = tx.objectStore('articles').getAll();
          req.onsuccess = () => {
            resolve(
              req.result.map((r) => ({
                key: r.key,
                title: r.title,
                tags: [...r.tags].sort(),
                favourite: r.favourite,
              })),
            );
            open.result.close();
          };
        };
      }),
  );
  return rows.sort((x, y) => (x.key < y.key ? -1 : 1));
}
