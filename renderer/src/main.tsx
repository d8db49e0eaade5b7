// Entry point of the renderer: picks its host (Electron's preload or the browser) and starts the app.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { selectHost } from './host/select-host';
import { emit } from './lib/app-events';
import './styles/app.css';

emit('renderer-started', { at: performance.now() });
const host = selectHost(__APP_VERSION__);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App host={host} appVersion={__APP_VERSION__} />
  </StrictMode>,
);
