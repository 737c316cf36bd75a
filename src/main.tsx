import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TrainerClient } from './train/client';
import { App } from './ui/App';
import './ui/App.css';

// NOTE: created once here, outside React: StrictMode runs effects twice, which would start two workers.
// The worker resolves URLs against its own script, so it is given an absolute data URL.
const client = new TrainerClient(new URL('mnist/', document.baseURI).href);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
