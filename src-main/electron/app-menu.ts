import { Menu, type BrowserWindow } from 'electron';
import { MENU_EVENT, type MenuCommand, type WorkspaceInfo } from '../../src-core/host/contract';
import { menuTemplate } from './menu';

export interface AppMenuOptions {
  dev: boolean;
  mainWindow: () => BrowserWindow | null;
  recent: () => Promise<WorkspaceInfo[]>;
}

/** Electron glue for menu.ts. Returns a refresh function for when the recent list changes. */
export function installAppMenu({ dev, mainWindow, recent }: AppMenuOptions): () => void {
  const live = () => {
    const win = mainWindow();
    return win && !win.isDestroyed() ? win : null;
  };
  // Only the main window's page has the bridge; DevTools or a dialog may be the focused window.
  const send = (command: MenuCommand) => live()?.webContents.send(MENU_EVENT, command);
  const build = (items: WorkspaceInfo[]) => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, dev, recent: items, send })));
  };
  const refresh = () => {
    recent().then(build, (e: unknown) => console.warn('peel-workbench: could not list recent workspaces for the menu', e));
  };
  build([]);
  refresh();
  return refresh;
}
