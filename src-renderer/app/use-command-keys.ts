import { useEffect } from 'react';
import { isTextField } from '../ui/text-field';
import { commandForKey, type CommandId, type HostKind } from './commands';

/**
 * The app's one keyboard handler for the commands of commands.ts: the keys the palette and Help
 * show are the keys this answers to. While a modal dialog is open its keys are its own (Alt+2
 * must not switch the view behind a Preferences dialog); the palette is such a dialog too.
 */
export function useCommandKeys(host: HostKind, handlers: Partial<Record<CommandId, () => void>>): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const command = commandForKey(e, host, isTextField(e.target));
      const run = command && handlers[command.id];
      if (!run) return;
      // Behind a modal dialog a command does nothing, and neither may the Electron menu's
      // accelerator for the same keys (Ctrl+O over the New workspace dialog): the key is taken.
      if (document.querySelector('dialog:modal')) {
        e.preventDefault();
        return;
      }
      // Handled here, so the Electron menu's accelerator for the same keys does not fire as well.
      e.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [host, handlers]);
}
