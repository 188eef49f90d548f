/** Entry point. Until the lesson shell exists, the app is the runtime demo page. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DemoPage } from './DemoPage.tsx';
import './demo.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <DemoPage />
  </StrictMode>,
);
