import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickHost } from '../host/host';
import '../ui/app.css';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App host={pickHost()} />
  </StrictMode>,
);
