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
}

/**
 * The accelerators, as the renderer's command list (src-renderer/app/commands.ts) has the same
 * commands' keys: the page answers to those keys itself, and a test holds the two lists together.
 */
export const MENU_KEYS = {
  'file.new': 'CmdOrCtrl+N',
  'file.open': 'CmdOrCtrl+O',
  'file.backups': 'CmdOrCtrl+Shift+B',
  'file.saveCopy': 'CmdOrCtrl+Shift+S',
  'file.importReport': 'CmdOrCtrl+I',
  'edit.preferences': 'CmdOrCtrl+,',
  'edit.undo': 'CmdOrCtrl+Z',
  'edit.redo': 'CmdOrCtrl+Shift+Z',
  'view.commandPalette': 'CmdOrCtrl+K',
  'help.shortcuts': 'CmdOrCtrl+/',
} as const satisfies Partial<Record<MenuCommandName, string>>;

/**
 * The application menu as data, so it can be tested without Electron. Items that act on the
 * workspace only send a command: the renderer owns the open session (and its undo stack), and
 * asks main for dialogs through the same checked API as everything else.
 */
export function menuTemplate(f: MenuFacts): MenuItemConstructorOptions[] {
  const command = (label: string, name: MenuCommandName): MenuItemConstructorOptions => {
    const accelerator = (MENU_KEYS as Partial<Record<MenuCommandName, string>>)[name];
    return { label, ...(accelerator ? { accelerator } : {}), click: () => f.send({ command: name }) };
  };
  const mac = f.platform === 'darwin';
  const recent: MenuItemConstructorOptions[] = f.recent.length
    ? f.recent.map((w) => ({ label: visible(w.name), click: () => f.send({ command: 'file.openRecent', handle: w.handle }) }))
    : [{ label: 'No recent workspaces', enabled: false }];
  // The same items as the browser's File menu (src-renderer/app/FileMenu.tsx), in the same order.
  const file: MenuItemConstructorOptions[] = [
    command('New Workspace…', 'file.new'),
    command('Open Workspace…', 'file.open'),
    { label: 'Open Recent', submenu: recent },
    command('Backups…', 'file.backups'),
    { type: 'separator' },
    command('Save a Copy…', 'file.saveCopy'),
    command('Import Report…', 'file.importReport'),
    { type: 'separator' },
    command('Preferences…', 'edit.preferences'),
    // On macOS Quit lives in the application menu.
    ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
  ];
  // Undo and Redo are the workbench's (annotation edits), not the text field's: the renderer
  // decides what they undo, so these send commands rather than using the undo/redo roles.
  const edit: MenuItemConstructorOptions[] = [
    command('Undo', 'edit.undo'),
    command('Redo', 'edit.redo'),
    { type: 'separator' },
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'selectAll' },
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
  // The renderer shows the palette and the shortcuts (every key, the views' own included).
  const help: MenuItemConstructorOptions[] = [
    command('Command Palette…', 'view.commandPalette'),
    command('Keyboard Shortcuts', 'help.shortcuts'),
    { type: 'separator' },
    command(`About ${PRODUCT_NAME}`, 'help.about'),
  ];
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: file },
    { label: 'Edit', submenu: edit },
    { label: 'View', submenu: view },
    { role: 'help', submenu: help },
  ];
}
