import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../../src-core/host/contract';
import { menuTemplate, type MenuFacts } from '../../../../src-main/electron/menu';
import { shortcutLines } from '../../../../src-main/electron/menu-shortcuts';

const RECENT = [
  { handle: 'aaaaaaaaaaaaaaaaaaaaaaaa', name: 'Default workspace', isDefault: true },
  { handle: 'bbbbbbbbbbbbbbbbbbbbbbbb', name: 'Gwent review.sqlite', isDefault: false },
];

function build(facts: Partial<MenuFacts> = {}) {
  const sent: MenuCommand[] = [];
  let shortcuts = 0;
  const template = menuTemplate({
    platform: 'linux',
    dev: false,
    recent: RECENT,
    send: (c) => sent.push(c),
    showShortcuts: () => shortcuts++,
    ...facts,
  });
  return { template, sent, shortcuts: () => shortcuts };
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

  it('File sends New, Open, Save a Copy and Import Report to the renderer, and ends with Quit', () => {
    const { template, sent } = build();
    const file = submenu(template, 'File');
    for (const [label, command, accelerator] of [
      ['New Workspace…', 'file.new', 'CmdOrCtrl+N'],
      ['Open Workspace…', 'file.open', 'CmdOrCtrl+O'],
      ['Save a Copy…', 'file.saveCopy', 'CmdOrCtrl+Shift+S'],
      ['Import Report…', 'file.importReport', 'CmdOrCtrl+I'],
    ] as const) {
      expect(item(file, label).accelerator).toBe(accelerator);
      click(item(file, label));
      expect(sent.at(-1)).toEqual({ command });
    }
    expect(file.at(-1)?.role).toBe('quit');
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

  it('Help has About (shown by the renderer) and Keyboard Shortcuts', () => {
    const { template, sent, shortcuts } = build();
    const help = submenu(template, 'Help');
    click(item(help, 'About PEEL Workbench'));
    expect(sent).toEqual([{ command: 'help.about' }]);
    click(item(help, 'Keyboard Shortcuts'));
    expect(shortcuts()).toBe(1);
  });

  it('follows macOS conventions on a Mac: an application menu, and no Quit in File', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template[0]?.role).toBe('appMenu');
    expect(roles(submenu(template, 'File'))).not.toContain('quit');
  });

  it('lists every shortcut, as typed on the platform', () => {
    const lines = shortcutLines(build().template, 'linux');
    expect(lines).toContain('Ctrl+Z  Undo');
    expect(lines).toContain('Ctrl+Shift+Z  Redo');
    expect(lines).toContain('Ctrl+I  Import Report');
    expect(lines).toContain('Ctrl+C  Copy');
    expect(lines).toContain('F11  Full Screen');
    expect(shortcutLines(build({ platform: 'darwin' }).template, 'darwin')).toContain('Cmd+N  New Workspace');
  });
});
