import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowOptions {
  preload: string;
  devTools: boolean;
}

/**
 * The main window's options, as data so the security settings have a unit test. The page is
 * untrusted input as far as main is concerned: isolated, sandboxed, without Node, with web
 * security on, and unable to embed webviews or navigate by dropping a file.
 */
export function mainWindowOptions({ preload, devTools }: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
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
  };
}
