// First-run page, opened once by the background when Lisible is installed (runtime.onInstalled).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Welcome } from '../../components/Welcome';
import { t, uiLang } from '../../utils/ui/i18n';
import { ClassifiedsChoices } from '../options/ClassifiedsChoices';
import { ShortcutsSection } from '../options/ShortcutsSection';
import './welcome.css';

document.documentElement.lang = uiLang().slice(0, 2);
document.title = t('welcomeDocTitle');
render(
  <Welcome
    shortcuts={<ShortcutsSection />}
    classifieds={<ClassifiedsChoices />}
    onOpenLibrary={() => void browser.runtime.openOptionsPage()}
  />,
  document.getElementById('app')!,
);
