import type { CustomCellRendererProps } from 'ag-grid-react';
import type { MetricRow } from '../../../src-core/query/model/metrics';
import { usePendingEdit } from '../../shared/annotations/use-pending-edit';
import { measureText } from '../../../src-core/text/display';
import type { MetricsGridContext } from './metrics-grid-context';
import '../../shared/corrections/corrections.css';

/** The analyst's tick after checking a figure against the source, and who ticked it; a corrected figure says so. */
export function VerifiedCell({ data, context }: CustomCellRendererProps<MetricRow, boolean, MetricsGridContext>) {
  const edit = usePendingEdit(data?.verified ?? false);
  if (!data) return null;
  return (
    <span className="metric-verified">
      <input
        type="checkbox"
        checked={edit.shown}
        aria-busy={edit.pending || undefined}
        aria-label={`Verified: ${measureText(data.label)} (${data.report})`}
        onChange={(e) => void edit.run(e.target.checked, (v) => context.verify(data, v))}
      />
      {data.check === 'corrected' ? (
        <span className="corrected-mark">Corrected</span>
      ) : (
        data.verified && <span className="metric-verified-by">{data.verifiedBy}</span>
      )}
    </span>
  );
}
