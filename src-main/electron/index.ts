import { app, BrowserWindow, session } from 'electron';
import { aboutInfo } from './about';
import { APP_ENTRY_URL, APP_ORIGIN } from './app-origin';
import { installAppMenu } from './app-menu';
import { appPaths } from './app-paths';
import { registerIpc } from './ipc';
import { createHandlers } from './ipc-handlers';
import { createMainHost } from '../node/main-host';
import { nativeDialogs } from './native-dialogs';
import { nativeExportDialog } from './native-export-dialog';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { allowedOrigins, contentSecurityPolicy } from './security-policy';
import { Preferences } from '../node/preferences';
import { createMainWindow } from './window';
import { HandleRegistry } from '../node/workspace/handles';
import { WorkspaceOpener } from '../node/workspace/opener';
import { WorkspaceWrites } from '../node/workspace/writes';

// electron-vite dev sets this to the Vite server; a packaged app must never honour it.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const dev = devServerUrl !== undefined;
const origins = allowedOrigins(APP_ORIGIN, devServerUrl);
const paths = appPaths({
  isPackaged: app.isPackaged,
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  mainDir: import.meta.dirname,
});

let mainWindow: BrowserWindow | null = null;
const liveWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);
let refreshMenu = (): void => undefined;

const registry = new HandleRegistry();
const opener = new WorkspaceOpener(registry, {
  userData: app.getPath('userData'),
  bundledDefault: paths.defaultWorkspace,
  onRecentChanged: () => refreshMenu(),
});

// Privileged schemes can only be registered before 'ready'.
registerAppScheme();
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

function openMainWindow(): void {
  mainWindow = createMainWindow({ preload: paths.preload, devTools: !app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

// A second copy would race the first for the same workspace files.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  void app.whenReady().then(() => {
    const csp = contentSecurityPolicy({ dev });
    hardenSession(session.defaultSession, { origins, csp, devTools: !app.isPackaged });
    serveRenderer(paths.rendererRoot, csp);
    const host = createMainHost({
      registry,
      opener,
      writes: new WorkspaceWrites(registry),
      dialogs: nativeDialogs(liveWindow),
      about: () => aboutInfo(app.getVersion(), process.versions),
      preferences: Preferences.inFolder(app.getPath('userData')),
      exportDialog: nativeExportDialog(liveWindow),
    });
    // The renderer asks for workspace.openLast when it starts: that reopens the last workspace,
    // or on first start copies the bundled default into userData and opens the copy.
    registerIpc(createHandlers(host, () => ({ webContentsId: liveWindow()?.webContents.id ?? null, origins })));
    refreshMenu = installAppMenu({ dev, mainWindow: liveWindow, recent: () => opener.recent() });
    openMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
