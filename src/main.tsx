import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TrainerClient } from './page/client';
import { RunKeeper } from './page/keeper';
import { App } from './ui/App';
import { registerServiceWorker } from './ui/appUpdate';
// The stylesheets, one per part of the page, in cascade order.
import './ui/styles/base.css';
import './ui/styles/controls.css';
import './ui/styles/messages.css';
import './ui/styles/panels.css';
import './ui/styles/drawing.css';
import './ui/styles/insight.css';
import './ui/styles/keep.css';
import './ui/styles/yourDigits.css';
import './ui/styles/dataset.css';
import './ui/styles/layers.css';
import './ui/styles/shell.css';
import './ui/styles/screen.css';
import './ui/styles/learner.css';
import './ui/styles/targets.css';
import './ui/styles/steady.css';
import './ui/styles/phoneLive.css';

// NOTE: created once here, outside React: StrictMode runs effects twice, which would start two workers.
// The worker resolves URLs against its own script, so it is given an absolute data URL.
const client = new TrainerClient(new URL('mnist/', document.baseURI).href);
const keeper = new RunKeeper(client);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App client={client} keeper={keeper} />
  </StrictMode>,
);

// Offline after the first visit (scripts/offline/sw.js). Production builds only: in development a
// cached shell would hide every edit.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  registerServiceWorker('./sw.js').catch((error: Error) => {
    // NOTE: a warning, not an error: the app works without it, only not offline.
    console.warn(`No offline support: ${error.message}`);
  });
}
