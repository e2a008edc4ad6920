import { useSyncExternalStore } from 'react';
import type { DbClient } from '../db/db-client';

/** Undo and redo of the session's edits, as buttons (also Ctrl+Z / Ctrl+Shift+Z and the Edit menu); the client stamps who and when. */
export function UndoRedoButtons({ client }: { client: DbClient }) {
  const state = useSyncExternalStore(client.subscribeUndo, client.getUndoState);
  return (
    <div className="undo-redo" role="group" aria-label="Undo and redo">
      <button
        type="button"
        className="button"
        disabled={!state.canUndo}
        title="Undo the last change (Ctrl+Z)"
        onClick={() => void client.undo()}
      >
        Undo
      </button>
      <button
        type="button"
        className="button"
        disabled={!state.canRedo}
        title="Redo the change undone last (Ctrl+Shift+Z or Ctrl+Y)"
        onClick={() => void client.redo()}
      >
        Redo
      </button>
      {state.problem && (
        <p className="inline-problem" role="alert">
          {state.problem}. Nothing was changed; try again, or make the change by hand.
        </p>
      )}
    </div>
  );
}
