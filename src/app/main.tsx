/** Entry point: starts persistence and URL sync once, then renders the shell. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPersistence, startUrlSync, useAtlas } from '../store/index.ts';
import { App } from './App.tsx';
import './app.css';

startPersistence(useAtlas);
startUrlSync(useAtlas, window);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
