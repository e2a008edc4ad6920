import { useState } from 'react';

/**
 * A control's value while its edit is on its way: the analyst's choice shows at once, and the
 * server's value takes over at the next read of the finding (`version` is the data version that
 * read was made at), whether that read follows this edit, another one or an undo. A failed edit
 * drops the pending value, so the control shows the value that is really stored.
 */
export function usePendingValue<T>(server: T, version: number) {
  const [pending, setPending] = useState<{ value: T; at: number } | null>(null);
  const shown = pending && pending.at === version ? pending.value : server;
  return {
    shown,
    set: (value: T) => setPending({ value, at: version }),
    drop: () => setPending(null),
  };
}
