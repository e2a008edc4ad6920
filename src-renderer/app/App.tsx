import { Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Host } from '../../src-core/host/contract';
import { workspaceNameSchema } from '../../src-core/host/ipc-schema';
import type { DbClient } from '../db/db-client';
import { ReportsView } from '../features/reports/ReportsView';
import { useReportImport } from '../features/reports/use-report-import';
import type { FindingsFilter } from '../shared/grid-export/filter-text';
import { preloadable } from '../ui/preloadable';
import { NameDialog } from '../ui/NameDialog';
import { StatusNotice } from '../ui/StatusNotice';
import { refusalOf } from '../shared/errors/analyst-words';
import { RefusalText } from '../shared/errors/RefusalText';
import { AboutDialog } from './AboutDialog';
import { BackupsDialog } from './BackupsDialog';
import { CommandPalette, type PaletteActions } from './CommandPalette';
import { commandById, type CommandId } from './commands';
import { FileMenu, HelpMenu } from './FileMenu';
import type { FindingsReveal } from './reveal';
import { revealElement } from './reveal-element';
import { useCommandKeys } from './use-command-keys';
import { PreferencesDialog } from './PreferencesDialog';
import { NavTabs } from './NavTabs';
import { ShortcutsDialog } from './ShortcutsDialog';
import { StatusBar } from './StatusBar';
import { useMenuCommands } from './use-menu-commands';
import { usePageLifecycle } from './use-page-lifecycle';
import { useUndoRedo } from './use-undo-redo';
import { panelId, tabId, VIEWS, type ViewId } from './views';
import type { WorkspaceController } from './workspace-controller';
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
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [backupsOpen, setBackupsOpen] = useState(false);
  const [naming, setNaming] = useState(false);
  // What the palette asked the Findings view to show; the nonce makes asking again a new request.
  const [reveal, setReveal] = useState<FindingsReveal | null>(null);
  // A request shown is forgotten: the Findings view built again (an import, another workspace) does not replay it.
  const onRevealed = useCallback((nonce: number) => setReveal((r) => (r?.nonce === nonce ? null : r)), []);
  const nonce = useRef(0);
  // The Findings grid's filter as it last stood, for the Briefing view's "the Findings grid's
  // current filter" feed. Held here because the Findings view may not be there to ask (not yet
  // opened in this workspace, or being built again after an import); null until it has been opened.
  const [findingsFilter, setFindingsFilter] = useState<FindingsFilter | null>(null);
  const onFindingsFilter = useCallback((f: FindingsFilter) => setFindingsFilter((old) => (sameFilter(old, f) ? old : f)), []);
  useEffect(() => {
    void FindingsView.preload().catch(() => undefined); // shown by the view's Suspense if it fails
    controller.start();
  }, [controller]);
  usePageLifecycle(client);
  const { run: undoRun, fromMenu: undoFromMenu } = useUndoRedo(client);

  const ready = workspace.phase === 'ready' ? workspace : null;
  const isReady = ready !== null;
  // Each workspace remembers where its analyst was (ui/ui-state.ts): the view, and each view's own state.
  const handle = ready?.info.handle ?? null;
  const uiState = useMemo(() => new UiStateStore(browserStorage(), handle ?? ''), [handle]);
  const remembered = useMemo(() => uiState.read('view', VIEW_SCHEMA) ?? 'reports', [uiState]);
  const [chosen, setChosen] = useState<{ scope: string; view: ViewId } | null>(null);
  // A view chosen while the first workspace was still opening (scope '') is that workspace's once it
  // opens: a click on a tab during the open is not undone by it (state adjusted while rendering).
  if (chosen?.scope === '' && uiState.scope !== '') {
    setChosen({ scope: uiState.scope, view: chosen.view });
    uiState.write('view', chosen.view);
  }
  const view = chosen && (chosen.scope === uiState.scope || chosen.scope === '') ? chosen.view : remembered;
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

  // Every command of commands.ts, run the same way from the File and Help menus, the palette, the
  // keys and the Electron menu. Those that need a workspace do nothing without one.
  const commands = useMemo((): Record<CommandId, () => void> => {
    const go = Object.fromEntries(VIEWS.map((v) => [`go.${v.id}`, () => setView(v.id)])) as Record<`go.${ViewId}`, () => void>;
    return {
      ...go,
      'file.new': () => setNaming(true),
      'file.open': () => void controller.open(),
      'file.backups': () => setBackupsOpen(true),
      'file.saveCopy': () => void controller.saveCopy(),
      'file.importReport': () => {
        setView('reports');
        startImport();
      },
      'edit.preferences': () => setPreferencesOpen(true),
      'edit.undo': () => undoRun('undo'),
      'edit.redo': () => undoRun('redo'),
      'view.commandPalette': () => setPaletteOpen(true),
      'help.shortcuts': () => setShortcutsOpen(true),
      'help.about': () => setAboutOpen(true),
    };
  }, [controller, startImport, undoRun, setView]);
  const run = useCallback(
    (id: CommandId) => {
      if (commandById(id).needsWorkspace && !isReady) return;
      commands[id]();
    },
    [commands, isReady],
  );
  const keyHandlers = useMemo(
    () => Object.fromEntries(Object.keys(commands).map((id) => [id, () => run(id as CommandId)])) as Record<CommandId, () => void>,
    [commands, run],
  );
  useCommandKeys(host.kind, keyHandlers);
  const menu = useMemo(
    () => ({
      ...keyHandlers,
      'file.openRecent': (c: { handle?: string }) => void (c.handle && controller.openRecent(c.handle)),
      // From the Electron menu, Undo in a text field is the field's own (the key handler leaves it there already).
      'edit.undo': () => undoFromMenu('undo'),
      'edit.redo': () => undoFromMenu('redo'),
    }),
    [keyHandlers, controller, undoFromMenu],
  );
  useMenuCommands(host, menu);

  useEffect(() => {
    if (!isReady) return;
    for (const view of [MetricsView, ReviewView, BriefingView]) void view.preload().catch(() => undefined);
  }, [isReady]);
  const palette = useMemo(
    (): PaletteActions => ({
      command: run,
      savedView: (id) => {
        setView('findings');
        setReveal({ kind: 'savedView', id, nonce: ++nonce.current });
      },
      finding: (id) => {
        setView('findings');
        setReveal({ kind: 'finding', id, nonce: ++nonce.current });
      },
      report: (id) => {
        setView('reports');
        revealElement(`report-${id}`);
      },
    }),
    [run, setView],
  );
  const createNamed = useCallback(
    async (name: string) => {
      const checked = workspaceNameSchema.safeParse(name);
      if (!checked.success) return `The name ${checked.error.issues[0]?.message ?? 'is not allowed'}.`;
      // The dialog closes; the desktop asks where next, and cancelling there changes nothing either.
      void controller.create(checked.data);
      return null;
    },
    [controller],
  );

  // Views reload when another workspace opens or its content changes.
  const version = ready ? `${ready.info.handle}:${ready.revision}` : '';

  // A view once shown stays mounted (hidden) while this workspace is open: coming back to it is a
  // switch of visibility, not a new grid and a new read (the 150 ms), and it is where it was left.
  const [kept, setKept] = useState<{ scope: string; views: readonly ViewId[] }>({ scope: '', views: [] });
  const keptViews = kept.scope === uiState.scope ? kept.views : [];
  if (ready && !keptViews.includes(view)) setKept({ scope: uiState.scope, views: [...keptViews, view] });

  const viewOf = (id: ViewId) => {
    switch (id) {
      case 'reports':
        return <ReportsView client={client} version={version} importState={importState} onImport={startImport} onDropFiles={dropReports} />;
      case 'findings':
        return (
          <Suspense fallback={<StatusNotice tone="loading" title="Loading the findings grid…" />}>
            <FindingsView key={version} host={host} client={client} onFilter={onFindingsFilter} reveal={reveal} onRevealed={onRevealed} />
          </Suspense>
        );
      case 'metrics':
        return (
          <Suspense fallback={<StatusNotice tone="loading" title="Loading the metrics…" />}>
            <MetricsView host={host} client={client} version={version} />
          </Suspense>
        );
      case 'file-review':
        return (
          <Suspense fallback={<StatusNotice tone="loading" title="Loading the file review…" />}>
            <ReviewView host={host} client={client} version={version} />
          </Suspense>
        );
      case 'briefing':
        return (
          <Suspense fallback={<StatusNotice tone="loading" title="Loading the briefing…" />}>
            <BriefingView host={host} client={client} version={version} findingsFilter={findingsFilter} />
          </Suspense>
        );
    }
  };

  return (
    <UiStateProvider store={uiState}>
      <div className="app">
        <header className="app-header">
          <h1>PEEL Workbench</h1>
          <div className="app-menus" role="group" aria-label="Menus">
            <FileMenu host={host} current={ready?.info.handle ?? null} run={run} onOpenRecent={(h) => void controller.openRecent(h)} />
            <HelpMenu host={host} run={run} />
          </div>
          {ready && (
            <p className="app-workspace" title={ready.info.name}>
              {ready.info.name}
            </p>
          )}
          <button
            type="button"
            className="palette-button"
            aria-label="Command palette: go to a view, run an action, find a report or finding"
            aria-keyshortcuts="Control+K"
            onClick={() => setPaletteOpen(true)}
          >
            <span aria-hidden="true">Find a view, action or finding…</span> <kbd aria-hidden="true">Ctrl+K</kbd>
          </button>
        </header>
        <NavTabs current={view} onSelect={setView} />
        <main className="app-main">
          {workspace.phase === 'opening' && <StatusNotice tone="loading" title="Opening the workspace…" />}
          {workspace.phase === 'failed' && (
            <StatusNotice tone="error" title="The workspace could not be opened">
              <div className="notice-message">
                <RefusalText refusal={refusalOf('workspace', workspace)} />
              </div>
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
          {ready &&
            VIEWS.filter((v) => v.id === view || keptViews.includes(v.id)).map(({ id }) => (
              <section
                key={`${uiState.scope}:${id}`}
                className="panel"
                role="tabpanel"
                id={panelId(id)}
                aria-labelledby={tabId(id)}
                hidden={id !== view}
              >
                {viewOf(id)}
              </section>
            ))}
        </main>
        <StatusBar host={host} client={client} workspace={workspace} />
        <AboutDialog host={host} open={aboutOpen} onClose={() => setAboutOpen(false)} />
        <PreferencesDialog host={host} open={preferencesOpen} onClose={() => setPreferencesOpen(false)} />
        <ShortcutsDialog host={host.kind} open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
        <BackupsDialog
          host={host}
          handle={ready?.info.handle ?? null}
          open={backupsOpen}
          onClose={() => setBackupsOpen(false)}
          onRestore={(id) => void controller.restoreBackup(id)}
        />
        <NameDialog
          open={naming}
          title="New workspace"
          initial=""
          confirm="Create"
          hint={
            host.kind === 'electron'
              ? 'Next, choose the folder to keep it in. The workspace open now stays as it is.'
              : 'It opens empty, ready for reports. The workspace open now stays as it is, under Open recent.'
          }
          onSubmit={createNamed}
          onClose={() => setNaming(false)}
        />
        <CommandPalette
          open={paletteOpen}
          onClose={() => setPaletteOpen(false)}
          host={host.kind}
          client={isReady ? client : null}
          actions={palette}
        />
      </div>
    </UiStateProvider>
  );
}
