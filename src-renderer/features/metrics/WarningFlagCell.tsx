import type { CustomCellRendererProps } from 'ag-grid-react';
import type { MetricRow } from '../../../src-core/query/model/metrics';

/** Says what to do about a figure extraction could not vouch for; the tooltip and the detail panel say why. */
export function WarningFlagCell({ data }: CustomCellRendererProps<MetricRow>) {
  if (!data?.warning) return null;
  return (
    <span className="metric-flag">
      <span aria-hidden="true">⚠ </span>Check source
    </span>
  );
}
