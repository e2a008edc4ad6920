import { useSyncExternalStore } from 'react';
import type { Marking } from '../../../src-core/brief/definition';

/**
 * The protective marking chosen for grid exports in this session. Nothing is chosen until the
 * analyst says (a marking is the originator's decision, so none is assumed); once chosen it stays
 * for the other grids until the page is closed, so exporting three grids does not ask three times.
 */
let chosen: Marking | null = null;
const listeners = new Set<() => void>();

export function setExportMarking(marking: Marking): void {
  chosen = marking;
  for (const l of listeners) l();
}

export function useExportMarking(): Marking | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => chosen,
  );
}
