import { dialog, Menu, type BrowserWindow } from 'electron';
import { MENU_EVENT, type MenuCommand, type WorkspaceInfo } from '../../src-core/host/contract';
import { menuTemplate } from './menu';
import { shortcutLines } from './menu-shortcuts';

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
    const template = menuTemplate({ platform: process.platform, dev, recent: items, send, showShortcuts: () => showShortcuts(template) });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  const showShortcuts = (template: ReturnType<typeof menuTemplate>) => {
    const options = {
      type: 'info' as const,
      title: 'Keyboard shortcuts',
      message: 'Keyboard shortcuts',
      detail: shortcutLines(template, process.platform).join('\n'),
    };
    const win = live();
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };
  const refresh = () => {
    recent().then(build, (e: unknown) => console.warn('peel-workbench: could not list recent workspaces for the menu', e));
  };
  build([]);
  refresh();
  return refresh;
}
