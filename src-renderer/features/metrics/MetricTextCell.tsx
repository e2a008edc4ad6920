import type { CustomCellRendererProps } from 'ag-grid-react';
import type { MetricRow } from '../../../src-core/query/model/metrics';

/** Text on the row's one line, cut with an ellipsis; the cell's tooltip has it whole. */
export function MetricTextCell({ value, valueFormatted }: CustomCellRendererProps<MetricRow>) {
  const text = valueFormatted ?? (value === null || value === undefined ? '' : String(value));
  return <span className="metric-clamp">{text}</span>;
}
