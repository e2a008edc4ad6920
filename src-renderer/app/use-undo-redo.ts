import { useCallback } from 'react';
import type { DbClient } from '../db/db-client';
import { isTextField } from '../ui/text-field';

export type UndoDirection = 'undo' | 'redo';

/** Ctrl+Z (Cmd+Z) undoes; Ctrl+Shift+Z and Ctrl+Y redo. */
export function undoDirection(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): UndoDirection | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/**
 * The workbench's undo and redo of annotation edits. The keys are the command list's
 * (commands.ts, run by use-command-keys.ts, which leaves Ctrl+Z in a text field to the field's
 * own text undo); this gives the step itself, and the Edit menu's version of it.
 */
export function useUndoRedo(client: DbClient) {
  // The client stamps each step with who took it and when, as it stamps edits.
  const run = useCallback((which: UndoDirection) => void (which === 'undo' ? client.undo() : client.redo()), [client]);

  // The menu item also fires when a field has focus (a click on Edit › Undo): there it is the field's undo.
  const fromMenu = useCallback(
    (which: UndoDirection) => {
      if (isTextField(document.activeElement)) document.execCommand(which);
      else run(which);
    },
    [run],
  );
  return { run, fromMenu };
}
