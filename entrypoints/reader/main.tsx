import { render } from 'preact';
import '@fontsource/atkinson-hyperlegible/latin-400.css';
import '@fontsource/atkinson-hyperlegible/latin-700.css';
import { uiLang } from '../../utils/ui/i18n';
import '../../components/reader.css';
import './reader.css';
import { App } from './App';

document.documentElement.lang = uiLang().slice(0, 2);
render(<App />, document.getElementById('app')!);
