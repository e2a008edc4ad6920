import { useEffect } from 'react';
import type { Host, MenuCommand } from '../../src-core/host/contract';

/** Routes the Electron application menu to the same actions as the toolbar. The browser host sends none. */
export function useMenuCommands(host: Host, handlers: Partial<Record<MenuCommand['command'], (command: MenuCommand) => void>>): void {
  useEffect(() => host.onMenuCommand((command) => handlers[command.command]?.(command)), [host, handlers]);
}
