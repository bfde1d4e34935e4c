import { render } from 'preact';
import { uiLang } from '../../utils/ui/i18n';
import '../../components/reader.css';
import './popup.css';
import { App } from './App';

document.documentElement.lang = uiLang().slice(0, 2);
render(<App />, document.getElementById('app')!);
