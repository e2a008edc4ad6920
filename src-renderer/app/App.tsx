import { Suspense, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Host } from '../../src-core/host/contract';
import type { DbClient } from '../db/db-client';
import { ReportsView } from '../features/reports/ReportsView';
import { useReportImport } from '../features/reports/use-report-import';
import type { FindingsFilter } from '../shared/grid-export/filter-text';
import { preloadable } from '../ui/preloadable';
import { StatusNotice } from '../ui/StatusNotice';
import { AboutDialog } from './AboutDialog';
import { PreferencesDialog } from './PreferencesDialog';
import { NavTabs } from './NavTabs';
import { ShortcutsDialog } from './ShortcutsDialog';
import { StatusBar } from './StatusBar';
import { useMenuCommands } from './use-menu-commands';
import { usePageLifecycle } from './use-page-lifecycle';
import { useUndoRedo } from './use-undo-redo';
import { panelId, tabId, type ViewId } from './views';
import type { WorkspaceController } from './workspace-controller';
import { WorkspaceActions } from './WorkspaceActions';
import { browserStorage, UiStateStore } from '../ui/ui-state';
import { UiStateProvider } from '../ui/use-persistent-state';
import { VIEW_SCHEMA } from './views';

// AG Grid is most of the UI's code: the Findings view's code loads while the workspace opens,
// so that the grid does not wait for it (nor for React's hold on content leaving a fallback).
const FindingsView = preloadable(() => import('../features/findings/FindingsView').then((m) => m.FindingsView));
// The metrics grid and Chart.js, the Briefing view and the case-file review load once the
// workspace is open, or when first shown.
const MetricsView = preloadable(() => import('../features/metrics/MetricsView').then((m) => m.MetricsView));
const BriefingView = preloadable(() => import('../features/briefing/BriefingView').then((m) => m.BriefingView));
const ReviewView = preloadable(() => import('../features/review/ReviewView').then((m) => m.ReviewView));

/** The same filter, so that a view telling it again (its report names read, say) re-renders nothing. */
const sameFilter = (a: FindingsFilter | null, b: FindingsFilter) =>
  a?.label === b.label && JSON.stringify(a.query) === JSON.stringify(b.query);

interface Props {
  host: Host;
  client: DbClient;
  controller: WorkspaceController;
}

export function App({ host, client, controller }: Props) {
  const workspace = useSyncExternalStore(controller.subscribe, controller.getState);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [preferencesOpen, setPreferencesOpen] = useState(false);
  // The Findings grid's filter as it last stood, for the Briefing view's "the Findings grid's
  // current filter" feed. Held here because it outlives the Findings view, which unmounts when
  // another tab is chosen; null until the Findings view has been opened.
  const [findingsFilter, setFindingsFilter] = useState<FindingsFilter | null>(null);
  const onFindingsFilter = useCallback((f: FindingsFilter) => setFindingsFilter((old) => (sameFilter(old, f) ? old : f)), []);
  useEffect(() => {
    void FindingsView.preload().catch(() => undefined); // shown by the view's Suspense if it fails
    controller.start();
  }, [controller]);
  usePageLifecycle(client);
  const { fromMenu: undoFromMenu } = useUndoRedo(client);

  const ready = workspace.phase === 'ready' ? workspace : null;
  const isReady = ready !== null;
  // Each workspace remembers where its analyst was (ui/ui-state.ts): the view, and each view's own state.
  const handle = ready?.info.handle ?? null;
  const uiState = useMemo(() => new UiStateStore(browserStorage(), handle ?? ''), [handle]);
  const remembered = useMemo(() => uiState.read('view', VIEW_SCHEMA) ?? 'reports', [uiState]);
  const [chosen, setChosen] = useState<{ scope: string; view: ViewId } | null>(null);
  const view = chosen?.scope === uiState.scope ? chosen.view : remembered;
  const setView = useCallback(
    (next: ViewId) => {
      setChosen({ scope: uiState.scope, view: next });
      uiState.write('view', next);
    },
    [uiState],
  );
  const onImported = useCallback(() => controller.changed(), [controller]);
  const { state: importState, start: runImport, drop: dropReports } = useReportImport(host, client, onImported);
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
      'edit.undo': () => undoFromMenu('undo'),
      'edit.redo': () => undoFromMenu('redo'),
      'edit.preferences': () => setPreferencesOpen(true),
      'help.about': () => setAboutOpen(true),
    }),
    [controller, startImport, undoFromMenu, setView],
  );
  useMenuCommands(host, menu);

  useEffect(() => {
    if (!isReady) return;
    for (const view of [MetricsView, ReviewView, BriefingView]) void view.preload().catch(() => undefined);
  }, [isReady]);
  // Views reload when another workspace opens or its content changes.
  const version = ready ? `${ready.info.handle}:${ready.revision}` : '';

  return (
    <UiStateProvider store={uiState}>
      <div className="app">
        <header className="app-header">
          <h1>PEEL Workbench</h1>
          <WorkspaceActions
            host={host}
            controller={controller}
            current={ready?.info.handle ?? null}
            onAbout={() => setAboutOpen(true)}
            onShortcuts={() => setShortcutsOpen(true)}
            onPreferences={() => setPreferencesOpen(true)}
          />
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
              {view === 'reports' && (
                <ReportsView client={client} version={version} importState={importState} onImport={startImport} onDropFiles={dropReports} />
              )}
              {view === 'findings' && (
                <Suspense fallback={<StatusNotice tone="loading" title="Loading the findings grid…" />}>
                  <FindingsView key={version} host={host} client={client} onFilter={onFindingsFilter} />
                </Suspense>
              )}
              {view === 'metrics' && (
                <Suspense fallback={<StatusNotice tone="loading" title="Loading the metrics…" />}>
                  <MetricsView host={host} client={client} version={version} />
                </Suspense>
              )}
              {view === 'file-review' && (
                <Suspense fallback={<StatusNotice tone="loading" title="Loading the file review…" />}>
                  <ReviewView host={host} client={client} version={version} />
                </Suspense>
              )}
              {view === 'briefing' && (
                <Suspense fallback={<StatusNotice tone="loading" title="Loading the briefing…" />}>
                  <BriefingView host={host} client={client} version={version} findingsFilter={findingsFilter} />
                </Suspense>
              )}
            </section>
          )}
        </main>
        <StatusBar host={host} client={client} workspace={workspace} />
        <AboutDialog host={host} open={aboutOpen} onClose={() => setAboutOpen(false)} />
        <PreferencesDialog host={host} open={preferencesOpen} onClose={() => setPreferencesOpen(false)} />
        <ShortcutsDialog open={shortcutsOpen} onOpen={() => setShortcutsOpen(true)} onClose={() => setShortcutsOpen(false)} />
      </div>
    </UiStateProvider>
  );
}
