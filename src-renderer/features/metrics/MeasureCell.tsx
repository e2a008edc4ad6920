import type { CustomCellRendererProps } from 'ag-grid-react';
import type { MetricRow } from '../../../src-core/query/model/metrics';
import { measureText } from '../../../src-core/text/display';

/** The measure on one line (the row is compact): the whole label, category and quote are in its tooltip and the detail. */
export function MeasureCell({ data }: CustomCellRendererProps<MetricRow>) {
  if (!data) return null;
  return <span className="metric-label">{measureText(data.label)}</span>;
}
