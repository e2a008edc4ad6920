import { useEffect, useState } from 'react';
import type { FindingDetail } from '../../../src-core/query/model/finding-detail';
import type { DbClient } from '../../db/db-client';

export type DetailState =
  | { status: 'none' }
  | { status: 'loading'; id: number }
  /** `version`: the data version the detail was read at. */
  | { status: 'ready'; detail: FindingDetail; version: number }
  | { status: 'missing'; id: number }
  | { status: 'error'; id: number; message: string };

/**
 * The selected finding's detail, read again whenever the data changes (`version`): after an edit
 * its history has a new line, after an undo its annotation has its old value back. While a newer
 * read is on its way the last one stays shown, so the editor does not blink on every save.
 */
export function useFindingDetail(client: DbClient, id: number | null, version: number): DetailState {
  const [state, setState] = useState<DetailState>({ status: 'none' });
  useEffect(() => {
    if (id === null) return;
    let live = true;
    void client.findingDetail(id).then((r) => {
      if (!live) return;
      if (!r.ok) setState({ status: 'error', id, message: r.error.message });
      else setState(r.value ? { status: 'ready', detail: r.value, version } : { status: 'missing', id });
    });
    return () => {
      live = false;
    };
  }, [client, id, version]);
  if (id === null) return { status: 'none' };
  // A different finding than the one shown: say so rather than show the previous one's editor.
  const shownId = state.status === 'ready' ? state.detail.finding.id : state.status === 'none' ? null : state.id;
  return shownId === id ? state : { status: 'loading', id };
}
