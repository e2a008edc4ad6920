import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuCommandName, WorkspaceInfo } from '../../src-core/host/contract';
import { PRODUCT_NAME } from './about';
import { visible } from '../../src-core/text/visible';

export interface MenuFacts {
  platform: NodeJS.Platform;
  /** Development build: View gets reload and DevTools. */
  dev: boolean;
  recent: readonly WorkspaceInfo[];
  /** Delivers a command to the main window's renderer (MENU_EVENT). */
  send: (command: MenuCommand) => void;
  showShortcuts: () => void;
}

/**
 * The application menu as data, so it can be tested without Electron. Items that act on the
 * workspace only send a command: the renderer owns the open session (and its undo stack), and
 * asks main for dialogs through the same checked API as everything else.
 */
export function menuTemplate(f: MenuFacts): MenuItemConstructorOptions[] {
  const command = (label: string, name: MenuCommandName, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => f.send({ command: name }),
  });
  const mac = f.platform === 'darwin';
  const recent: MenuItemConstructorOptions[] = f.recent.length
    ? f.recent.map((w) => ({ label: visible(w.name), click: () => f.send({ command: 'file.openRecent', handle: w.handle }) }))
    : [{ label: 'No recent workspaces', enabled: false }];
  const file: MenuItemConstructorOptions[] = [
    command('New Workspace…', 'file.new', 'CmdOrCtrl+N'),
    command('Open Workspace…', 'file.open', 'CmdOrCtrl+O'),
    { label: 'Open Recent', submenu: recent },
    { type: 'separator' },
    command('Save a Copy…', 'file.saveCopy', 'CmdOrCtrl+Shift+S'),
    command('Import Report…', 'file.importReport', 'CmdOrCtrl+I'),
    // On macOS Quit lives in the application menu.
    ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
  ];
  // Undo and Redo are the workbench's (annotation edits), not the text field's: the renderer
  // decides what they undo, so these send commands rather than using the undo/redo roles.
  const edit: MenuItemConstructorOptions[] = [
    command('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
    command('Redo', 'edit.redo', 'CmdOrCtrl+Shift+Z'),
    { type: 'separator' },
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'selectAll' },
    { type: 'separator' },
    command('Preferences…', 'edit.preferences', 'CmdOrCtrl+,'),
  ];
  const view: MenuItemConstructorOptions[] = [
    // Reloading a packaged app would drop unsaved UI state for no benefit; DevTools stay for developers.
    ...(f.dev
      ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  const help: MenuItemConstructorOptions[] = [
    command(`About ${PRODUCT_NAME}`, 'help.about'),
    { label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: () => f.showShortcuts() },
  ];
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: file },
    { label: 'Edit', submenu: edit },
    { label: 'View', submenu: view },
    { role: 'help', submenu: help },
  ];
}
