import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../../src-core/host/contract';
import { MENU_KEYS, menuTemplate, type MenuFacts } from '../../../../src-main/electron/menu';
import { accelerator, COMMANDS, keysFor } from '../../../../src-renderer/app/commands';

const RECENT = [
  { handle: 'aaaaaaaaaaaaaaaaaaaaaaaa', name: 'Default workspace', isDefault: true },
  { handle: 'bbbbbbbbbbbbbbbbbbbbbbbb', name: 'Gwent review.sqlite', isDefault: false },
];

function build(facts: Partial<MenuFacts> = {}) {
  const sent: MenuCommand[] = [];
  const template = menuTemplate({ platform: 'linux', dev: false, recent: RECENT, send: (c) => sent.push(c), ...facts });
  return { template, sent };
}

const submenu = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] => {
  const item = items.find((i) => i.label === label || (label === 'Help' && i.role === 'help'));
  if (!item || !Array.isArray(item.submenu)) throw new Error(`no ${label} menu`);
  return item.submenu;
};
const item = (items: MenuItemConstructorOptions[], label: string) => {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no item ${label}`);
  return found;
};
const click = (i: MenuItemConstructorOptions) => i.click?.({} as MenuItem, undefined, {} as Electron.KeyboardEvent);
const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role).filter(Boolean);

describe('the application menu', () => {
  it('has File, Edit, View and Help', () => {
    expect(build().template.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'help']);
  });

  it('File has the browser File menu’s items in its order, each sent to the renderer, and ends with Quit', () => {
    const { template, sent } = build();
    const file = submenu(template, 'File');
    expect(file.map((i) => i.label ?? i.type ?? i.role)).toEqual([
      'New Workspace…',
      'Open Workspace…',
      'Open Recent',
      'Backups…',
      'separator',
      'Save a Copy…',
      'Import Report…',
      'separator',
      'Preferences…',
      'separator',
      'quit',
    ]);
    for (const [label, command, accelerator] of [
      ['New Workspace…', 'file.new', 'CmdOrCtrl+N'],
      ['Open Workspace…', 'file.open', 'CmdOrCtrl+O'],
      ['Backups…', 'file.backups', 'CmdOrCtrl+Shift+B'],
      ['Save a Copy…', 'file.saveCopy', 'CmdOrCtrl+Shift+S'],
      ['Import Report…', 'file.importReport', 'CmdOrCtrl+I'],
      ['Preferences…', 'edit.preferences', 'CmdOrCtrl+,'],
    ] as const) {
      expect(item(file, label).accelerator).toBe(accelerator);
      click(item(file, label));
      expect(sent.at(-1)).toEqual({ command });
    }
  });

  it('Open Recent lists workspaces by name and sends their handle, never a path', () => {
    const { template, sent } = build();
    const recent = submenu(submenu(template, 'File'), 'Open Recent');
    expect(recent.map((i) => i.label)).toEqual(['Default workspace', 'Gwent review.sqlite']);
    click(item(recent, 'Gwent review.sqlite'));
    expect(sent).toEqual([{ command: 'file.openRecent', handle: 'bbbbbbbbbbbbbbbbbbbbbbbb' }]);
    const empty = submenu(submenu(build({ recent: [] }).template, 'File'), 'Open Recent');
    expect(empty).toEqual([{ label: 'No recent workspaces', enabled: false }]);
  });

  it('Open Recent shows a file name’s bidi controls as code points (src-core/text/visible.ts), as the page does', () => {
    const named = [{ handle: 'cccccccccccccccccccccccc', name: 'Gwent\u202edm.exe.sqlite', isDefault: false }];
    const recent = submenu(submenu(build({ recent: named }).template, 'File'), 'Open Recent');
    expect(recent.map((i) => i.label)).toEqual(['Gwent⟨U+202E⟩dm.exe.sqlite']);
  });

  it("Edit's Undo and Redo are the workbench's commands; clipboard items use Electron's roles", () => {
    const { template, sent } = build();
    const edit = submenu(template, 'Edit');
    expect(item(edit, 'Undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(item(edit, 'Redo').accelerator).toBe('CmdOrCtrl+Shift+Z');
    click(item(edit, 'Undo'));
    click(item(edit, 'Redo'));
    expect(sent).toEqual([{ command: 'edit.undo' }, { command: 'edit.redo' }]);
    expect(roles(edit)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('View offers reload and DevTools only in development', () => {
    expect(roles(submenu(build().template, 'View'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(submenu(build({ dev: true }).template, 'View'))).toEqual([
      'reload',
      'forceReload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });

  it('Help opens the command palette, the keyboard shortcuts and About, all shown by the renderer', () => {
    const { template, sent } = build();
    const help = submenu(template, 'Help');
    expect(item(help, 'Command Palette…').accelerator).toBe('CmdOrCtrl+K');
    expect(item(help, 'Keyboard Shortcuts').accelerator).toBe('CmdOrCtrl+/');
    for (const label of ['Command Palette…', 'Keyboard Shortcuts', 'About PEEL Workbench']) click(item(help, label));
    expect(sent).toEqual([{ command: 'view.commandPalette' }, { command: 'help.shortcuts' }, { command: 'help.about' }]);
  });

  it('follows macOS conventions on a Mac: an application menu, and no Quit in File', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template[0]?.role).toBe('appMenu');
    expect(roles(submenu(template, 'File'))).not.toContain('quit');
  });

  it('has, for each command it sends, the keys the page answers to and lists (src-renderer/app/commands.ts)', () => {
    const { template, sent } = build({ recent: [] });
    const items = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).filter((i) => i.click);
    let checked = 0;
    for (const i of items) {
      click(i);
      const name = sent.at(-1)?.command;
      const command = COMMANDS.find((c) => c.id === name);
      if (!command) continue;
      const keys = keysFor(command, 'electron');
      // No keys in the list: none in the menu either. Otherwise the first, the one shown beside it.
      expect(i.accelerator, `${i.label}`).toBe(keys[0] ? accelerator(keys[0]) : undefined);
      checked++;
    }
    expect(checked).toBe(Object.keys(MENU_KEYS).length + 1); // About has none
  });
});
