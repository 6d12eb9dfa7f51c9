import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/roboto/300.css';
import '@fontsource/roboto/400.css';
import '@fontsource/roboto/500.css';
import '@fontsource/roboto/700.css';
// Chinese glyphs come with the app: a Linux machine may have no CJK font at all (the Chromium of
// the e2e runs has none), and then every Chinese character, member names in English sessions
// too, draws as a box or not at all. Noto Sans SC, its simplified-Chinese subset only (~1.1 MB a
// weight), in the weights the theme uses: 400 body, 500 buttons and headings, 700 strong figures.
// The faces are registered for every language, yet the browser fetches one only when text on
// screen needs a glyph that Roboto lacks: an English page of Latin text never downloads them.
import '@fontsource/noto-sans-sc/chinese-simplified-400.css';
import '@fontsource/noto-sans-sc/chinese-simplified-500.css';
import '@fontsource/noto-sans-sc/chinese-simplified-700.css';
import { initI18n } from './i18n';
import { App } from './app/App';

initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('main: index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
