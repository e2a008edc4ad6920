import { useCallback, useEffect } from 'react';
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
 * The workbench's undo and redo of annotation edits, from the keyboard and the Edit menu. In a
 * text field they are left to the field's own text undo: Ctrl+Z while typing a note should take
 * back the last words, not the last saved change. Returns the Edit menu's handlers.
 */
export function useUndoRedo(client: DbClient) {
  // The client stamps each step with who took it and when, as it stamps edits.
  const run = useCallback((which: UndoDirection) => void (which === 'undo' ? client.undo() : client.redo()), [client]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const which = undoDirection(e);
      if (!which || e.defaultPrevented || isTextField(e.target)) return;
      // Handled here, so Electron's Edit menu accelerator does not fire as well.
      e.preventDefault();
      run(which);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [run]);

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
