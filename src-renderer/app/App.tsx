import { lazy, Suspense, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Host } from '../../src-core/host/contract';
import type { DbClient } from '../db/db-client';
import { LaterReleaseView } from '../features/later/LaterReleaseView';
import { ReportsView } from '../features/reports/ReportsView';
import { useReportImport } from '../features/reports/use-report-import';
import { StatusNotice } from '../ui/StatusNotice';
import { AboutDialog } from './AboutDialog';
import { NavTabs } from './NavTabs';
import { StatusBar } from './StatusBar';
import { useMenuCommands } from './use-menu-commands';
import { usePageLifecycle } from './use-page-lifecycle';
import { panelId, tabId, type ViewId } from './views';
import type { WorkspaceController } from './workspace-controller';
import { WorkspaceActions } from './WorkspaceActions';

// AG Grid is most of the UI's code; it loads when the Findings view is first opened.
const FindingsView = lazy(() => import('../features/findings/FindingsView').then((m) => ({ default: m.FindingsView })));

interface Props {
  host: Host;
  client: DbClient;
  controller: WorkspaceController;
}

export function App({ host, client, controller }: Props) {
  const workspace = useSyncExternalStore(controller.subscribe, controller.getState);
  const [view, setView] = useState<ViewId>('reports');
  const [aboutOpen, setAboutOpen] = useState(false);
  useEffect(() => controller.start(), [controller]);
  usePageLifecycle(client);

  const onImported = useCallback(() => controller.changed(), [controller]);
  const { state: importState, start: runImport } = useReportImport(host, client, onImported);
  const startImport = useCallback(() => void runImport(), [runImport]);

  const menu = useMemo(
    () => ({
      'file.new': () => void controller.create(),
      'file.open': () => void controller.open(),
      'file.saveCopy': () => void controller.saveCopy(),
      'file.openRecent': (c: { handle?: string }) => void (c.handle && controller.openRecent(c.handle)),
      'file.importReport': () => {
        setView('reports');
        startImport();
      },
      'help.about': () => setAboutOpen(true),
    }),
    [controller, startImport],
  );
  useMenuCommands(host, menu);

  const ready = workspace.phase === 'ready' ? workspace : null;
  // Views reload when another workspace opens or its content changes.
  const version = ready ? `${ready.info.handle}:${ready.revision}` : '';

  return (
    <div className="app">
      <header className="app-header">
        <h1>PEEL Workbench</h1>
        <WorkspaceActions host={host} controller={controller} current={ready?.info.handle ?? null} onAbout={() => setAboutOpen(true)} />
      </header>
      <NavTabs current={view} onSelect={setView} />
      <main className="app-main">
        {workspace.phase === 'opening' && <StatusNotice tone="loading" title="Opening the workspace…" />}
        {workspace.phase === 'failed' && (
          <StatusNotice tone="error" title="The workspace could not be opened">
            <p className="notice-message">{workspace.message}</p>
          </StatusNotice>
        )}
        {ready?.problem && (
          <div className="banner banner--problem" role="alert">
            <p>{ready.problem}</p>
            <button type="button" className="link-button" onClick={() => controller.dismiss()}>
              Dismiss
            </button>
          </div>
        )}
        {ready?.notice && (
          <div className="banner banner--notice" role="status">
            <p>{ready.notice}</p>
            <button type="button" className="link-button" onClick={() => controller.dismiss()}>
              Dismiss
            </button>
          </div>
        )}
        {ready && (
          <section className="panel" role="tabpanel" id={panelId(view)} aria-labelledby={tabId(view)}>
            {view === 'reports' && <ReportsView client={client} version={version} importState={importState} onImport={startImport} />}
            {view === 'findings' && (
              <Suspense fallback={<StatusNotice tone="loading" title="Loading the findings grid…" />}>
                <FindingsView key={version} client={client} />
              </Suspense>
            )}
            {view === 'metrics' && <LaterReleaseView name="Metrics" />}
            {view === 'file-review' && <LaterReleaseView name="File review" />}
            {view === 'briefing' && <LaterReleaseView name="Briefing" />}
          </section>
        )}
      </main>
      <StatusBar host={host} client={client} workspace={workspace} />
      <AboutDialog host={host} open={aboutOpen} onClose={() => setAboutOpen(false)} />
    </div>
  );
}
