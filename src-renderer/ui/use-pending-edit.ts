import { useState } from 'react';

/**
 * A control's value while its edit is on its way to the journal. The analyst's choice shows at
 * once (a checkbox that does not tick when clicked looks broken) and the status bar says
 * "Saving…"; once the edit settles the stored value takes over, so a failed edit springs back.
 */
export function usePendingEdit<T>(saved: T) {
  const [pending, setPending] = useState<{ value: T } | null>(null);
  const run = async (value: T, save: (value: T) => Promise<boolean>): Promise<boolean> => {
    setPending({ value });
    try {
      return await save(value);
    } finally {
      setPending(null);
    }
  };
  return { shown: pending ? pending.value : saved, pending: pending !== null, run };
}
