import { describe, expect, it } from 'vitest';
import { isRestrictedUrl } from '../../../utils/extract/restricted';

describe('isRestrictedUrl', () => {
  it.each([
    'chrome://settings',
    'about:addons',
    'moz-extension://abc/popup.html',
    'view-source:https://actu.fr/',
    'https://chromewebstore.google.com/detail/x',
    'https://chrome.google.com/webstore/detail/x',
    'https://addons.mozilla.org/fr/firefox/',
  ])('%s is off limits', (url) => expect(isRestrictedUrl(url)).toBe(true));
  it.each(['https://www.ouest-france.fr/a.html', 'http://127.0.0.1:8080/x', 'not a url'])(
    '%s is not',
    (url) => expect(isRestrictedUrl(url)).toBe(false),
  );
});
