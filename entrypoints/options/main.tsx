import { render } from 'preact';
import { uiLang } from '../../utils/ui/i18n';
import '../../components/reader.css';
import './options.css';
import { App } from './App';
import { onLocalChange } from '../../utils/sync/changelog';
import { sendToBackground } from '../../utils/messaging/messages';

// Edits made here (tags, flags, progress, deletes, imports) reach the background, which syncs soon.
let pending: ReturnType<typeof setTimeout> | undefined;
onLocalChange(() => {
  clearTimeout(pending);
  pending = setTimeout(
    () => void sendToBackground('page→background:syncSoon', {}).catch(() => undefined),
    3000,
  );
});

document.documentElement.lang = uiLang().slice(0, 2);
render(<App />, document.getElementById('app')!);
