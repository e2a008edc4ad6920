import { useState } from 'react';

/** Values compared as the analyst sees them: a list of tags read again is the same list. */
const same = (a: unknown, b: unknown) => Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);

export interface Pending<T> {
  value: T;
  /** The item it was chosen for, where one control shows one item after another. */
  item: unknown;
  /** The stored value the choice was made over. */
  over: T;
  /** Its edit is still on its way. */
  saving: boolean;
}

/**
 * The choice still to show over what is stored, or null: none was made, it was for another item,
 * or the stored value has changed since it was made (the edit landed, or another edit or an undo).
 */
export function liveChoice<T>(pending: Pending<T> | null, saved: T, item: unknown): Pending<T> | null {
  return pending && Object.is(pending.item, item) && same(pending.over, saved) ? pending : null;
}

/**
 * A control's value while its edit is on its way to the journal, for every control that edits
 * (annotation fields, the Verified and Include-in-brief cells, warning ticks). The analyst's
 * choice shows at once (a checkbox that does not tick when clicked looks broken) and stays until
 * the stored value changes under it: the row patched or read again after this edit, or after
 * another one or an undo. A failed edit drops it, so the control springs back to what is stored.
 * A control that shows one item after another (not remounted for each) passes the item's id.
 */
export function usePendingEdit<T>(saved: T, item?: unknown) {
  const [pending, setPending] = useState<Pending<T> | null>(null);
  const live = liveChoice(pending, saved, item);
  // What is stored takes over. Set during render, as React advises for state that follows a prop,
  // so that no frame shows the old choice.
  if (pending && !live) setPending(null);
  const shown = live ? live.value : saved;

  /** Shows the value and runs its save; resolves with whether the save is durable. */
  const run = async (value: T, save: (value: T) => Promise<boolean>): Promise<boolean> => {
    const mine: Pending<T> = { value, item, over: saved, saving: true };
    setPending(mine);
    let ok = false;
    try {
      ok = await save(value);
    } finally {
      // Only if no later choice replaced it meanwhile.
      setPending((p) => (p !== mine ? p : ok ? { ...p, saving: false } : null));
    }
    return ok;
  };

  /** Shows a value saved elsewhere (a note saved as it is typed) until the stored value changes. */
  const set = (value: T) => setPending({ value, item, over: saved, saving: false });

  return { shown, pending: live?.saving ?? false, run, set };
}
