import type { Host } from '../../src-core/host/contract';
import { ReportsView } from '../features/reports/ReportsView';
import { StatusNotice } from '../ui/StatusNotice';
import { useWorkspaceOverview } from './use-workspace-overview';

export function App({ host }: { host: Host }) {
  const state = useWorkspaceOverview(host);
  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header-inner">
          <h1>PEEL Workbench</h1>
          <p className="app-tagline">Default workspace · read-only overview</p>
        </div>
      </header>
      <main className="app-main">
        {state.status === 'loading' && <StatusNotice tone="loading" title="Opening the default workspace…" />}
        {state.status === 'error' && (
          <StatusNotice tone="error" title="The workspace could not be opened">
            <p className="notice-message">{state.message}</p>
          </StatusNotice>
        )}
        {state.status === 'ready' && <ReportsView reports={state.reports} />}
      </main>
      <footer className="app-footer">
        <p>
          PEEL Workbench {host.version} · {host.kind === 'electron' ? 'desktop' : 'browser preview'} · Report text © Crown copyright
          (HMICFRS), licensed under the Open Government Licence v3.0.
        </p>
      </footer>
    </div>
  );
}
