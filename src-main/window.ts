import { BrowserWindow } from 'electron';

export interface MainWindowOptions {
  preload: string;
  devTools: boolean;
}

export function createMainWindow({ preload, devTools }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 900,
    minWidth: 720,
    minHeight: 480,
    title: 'PEEL Workbench',
    // Matches the page background so the window does not flash white before the first paint.
    backgroundColor: '#f6f7f9',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  });
  win.once('ready-to-show', () => win.show());
  return win;
}
