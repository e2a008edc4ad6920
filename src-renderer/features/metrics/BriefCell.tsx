import type { CustomCellRendererProps } from 'ag-grid-react';
import type { MetricRow } from '../../../src-core/query/model/metrics';
import { usePendingEdit } from '../../shared/annotations/use-pending-edit';
import { measureText } from '../../../src-core/text/display';
import type { MetricsGridContext } from './metrics-grid-context';

/** Include-in-brief, as for findings: the briefing pack takes the metrics ticked here. */
export function BriefCell({ data, context }: CustomCellRendererProps<MetricRow, boolean, MetricsGridContext>) {
  const edit = usePendingEdit(data?.includeInBrief ?? false);
  if (!data) return null;
  return (
    <input
      type="checkbox"
      className="metric-brief"
      checked={edit.shown}
      aria-busy={edit.pending || undefined}
      aria-label={`Include ${measureText(data.label)} (${data.report}) in the brief`}
      onChange={(e) => void edit.run(e.target.checked, (v) => context.includeInBrief(data, v))}
    />
  );
}
