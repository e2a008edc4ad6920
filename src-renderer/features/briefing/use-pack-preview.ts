import { useEffect, useState } from 'react';
import type { PackDefinition } from '../../../src-core/brief/definition';
import type { DbClient } from '../../db/db-client';
import type { DbResult, PackPreview } from '../../../src-core/service/protocol';
import { useDebouncedValue } from '../../ui/use-debounced-value';

export type PreviewState =
  | { status: 'waiting' }
  | { status: 'building'; last: PackPreview | null }
  | { status: 'ready'; preview: PackPreview }
  | { status: 'error'; message: string; last: PackPreview | null };

/**
 * The live preview: the pack built in the DB worker (SQL never runs on this thread) once typing
 * pauses, so each keystroke costs nothing. The last preview stays up while the next is built, and
 * only the newest request's answer is shown (an older one can arrive after it).
 */
export function usePackPreview(client: DbClient, definition: PackDefinition | null, revision: string) {
  const key = definition ? JSON.stringify(definition) : '';
  const settled = useDebouncedValue(key, 350);
  const [again, setAgain] = useState(0);
  const [answer, setAnswer] = useState<{ request: string; result: DbResult<PackPreview> } | null>(null);
  const [last, setLast] = useState<PackPreview | null>(null);
  const request = settled ? `${revision}|${again}|${settled}` : '';
  useEffect(() => {
    if (!settled) return;
    let live = true;
    void client.previewPack(JSON.parse(settled) as PackDefinition).then((result) => {
      if (!live) return;
      setAnswer({ request: `${revision}|${again}|${settled}`, result });
      if (result.ok) setLast(result.value);
    });
    return () => {
      live = false;
    };
  }, [client, settled, revision, again]);

  let state: PreviewState;
  if (!request) state = { status: 'waiting' };
  else if (answer?.request !== request) state = { status: 'building', last };
  else if (answer.result.ok) state = { status: 'ready', preview: answer.result.value };
  else state = { status: 'error', message: answer.result.error.message, last };
  return { state, regenerate: () => setAgain((n) => n + 1), pending: key !== settled };
}
