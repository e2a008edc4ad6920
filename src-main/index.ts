import { app, BrowserWindow, session } from 'electron';
import { APP_ENTRY_URL, APP_ORIGIN } from './app-origin';
import { appPaths } from './app-paths';
import { registerIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { allowedOrigins, contentSecurityPolicy } from './security-policy';
import { createMainWindow } from './window';

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
    registerIpc({ mainWindow: () => mainWindow, origins, defaultWorkspace: paths.defaultWorkspace });
    openMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
