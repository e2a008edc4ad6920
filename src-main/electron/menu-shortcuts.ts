import type { MenuItemConstructorOptions } from 'electron';

/** Electron's default accelerators for the roles the menu uses: a role item carries no accelerator of its own. */
const ROLE_KEYS: Readonly<Record<string, { label: string; keys: string; mac?: string }>> = {
  cut: { label: 'Cut', keys: 'CmdOrCtrl+X' },
  copy: { label: 'Copy', keys: 'CmdOrCtrl+C' },
  paste: { label: 'Paste', keys: 'CmdOrCtrl+V' },
  selectAll: { label: 'Select All', keys: 'CmdOrCtrl+A' },
  resetZoom: { label: 'Actual Size', keys: 'CmdOrCtrl+0' },
  zoomIn: { label: 'Zoom In', keys: 'CmdOrCtrl+Plus' },
  zoomOut: { label: 'Zoom Out', keys: 'CmdOrCtrl+-' },
  togglefullscreen: { label: 'Full Screen', keys: 'F11', mac: 'Ctrl+Cmd+F' },
};

/** Accelerators as the user types them on this platform. */
function keys(accelerator: string, platform: NodeJS.Platform): string {
  return accelerator.replace(/CmdOrCtrl|CommandOrControl/g, platform === 'darwin' ? 'Cmd' : 'Ctrl');
}

/** Every shortcut in the menu, for Help › Keyboard Shortcuts: read from the template so the list cannot drift. */
export function shortcutLines(template: readonly MenuItemConstructorOptions[], platform: NodeJS.Platform): string[] {
  const out: string[] = [];
  for (const item of template) {
    const role = item.role ? ROLE_KEYS[item.role] : undefined;
    if (item.label && typeof item.accelerator === 'string')
      out.push(`${keys(item.accelerator, platform)}  ${item.label.replace(/…$/, '')}`);
    else if (role) out.push(`${keys(platform === 'darwin' ? (role.mac ?? role.keys) : role.keys, platform)}  ${role.label}`);
    if (Array.isArray(item.submenu)) out.push(...shortcutLines(item.submenu, platform));
  }
  return out;
}
