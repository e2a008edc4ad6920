import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DbClient } from '../db/db-client';
import { pickHost } from '../host/host';
import { SourceProvider } from '../shared/source/SourceProvider';
import '../ui/app.css';
import '../ui/focus.css';
import { App } from './App';
import { WorkspaceController } from './workspace-controller';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// One host, one DB worker and one open workspace per window, made outside React so that
// StrictMode's double mounting in development cannot open anything twice.
const host = pickHost();
const client = new DbClient(host);
const controller = new WorkspaceController(host, client);
// Opening starts now, while React renders for the first time, not once it has: on a first visit,
// with no code cache, that first render took 150–250 ms the open would otherwise wait for.
controller.start();

createRoot(container).render(
  <StrictMode>
    <SourceProvider host={host} client={client} workspace={controller}>
      <App host={host} client={client} controller={controller} />
    </SourceProvider>
  </StrictMode>,
);
