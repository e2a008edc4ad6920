import type { CustomCellRendererProps } from 'ag-grid-react';
import type { MetricRow } from '../../../src-core/query/model/metrics';

// Short enough for the column; the tooltip (metrics-columns.ts) and the detail panel say how it was settled.
const SETTLED = { dismissed: 'Dismissed', corrected: 'Settled', verified: 'Settled' } as const;

/** Says what to do about a figure extraction could not vouch for; the tooltip and the detail panel say why. */
export function WarningFlagCell({ data }: CustomCellRendererProps<MetricRow>) {
  if (!data?.warning) return null;
  const state = data.warningState ?? 'open';
  if (state !== 'open') return <span className="metric-flag metric-flag--settled">{SETTLED[state]}</span>;
  return (
    <span className="metric-flag">
      <span aria-hidden="true">⚠ </span>Check source
    </span>
  );
}
