import type { CustomCellRendererProps } from 'ag-grid-react';
import type { MetricRow } from '../../../src-core/query/model/metrics';
import { measureText } from '../../../src-core/text/display';
import { SOURCE_LABEL } from './metric-format';

/** The measure under its Force in numbers category (or "Report text" for a figure quoted in the text). */
export function MeasureCell({ data }: CustomCellRendererProps<MetricRow>) {
  if (!data) return null;
  return (
    <span className="metric-measure">
      <span className="metric-category">{data.source === 'text' ? SOURCE_LABEL.text : (data.category ?? SOURCE_LABEL[data.source])}</span>
      <span className="metric-label">{measureText(data.label)}</span>
    </span>
  );
}
