import type { CustomCellRendererProps } from 'ag-grid-react';
import { useState } from 'react';
import type { FindingRow } from '../../../src-core/query/model/findings';
import type { FindingsGridContext } from './finding-edits';
import { briefLabel } from './findings-desk';

/**
 * A checkbox that is an edit: it shows the new value only once the edit's journal record is
 * durable, and stays as it was when the edit fails.
 */
export function IncludeInBriefCell({ data, node, context }: CustomCellRendererProps<FindingRow, boolean, FindingsGridContext>) {
  const [busy, setBusy] = useState(false);
  if (!data) return null;
  const toggle = async (value: boolean) => {
    setBusy(true);
    try {
      if (await context.setIncludeInBrief(data, value)) node.setData({ ...data, includeInBrief: value });
    } finally {
      setBusy(false);
    }
  };
  return (
    <input
      type="checkbox"
      className="brief-toggle"
      checked={data.includeInBrief}
      disabled={busy}
      aria-label={briefLabel(data, context.multiReport)}
      onChange={(e) => void toggle(e.target.checked)}
    />
  );
}
