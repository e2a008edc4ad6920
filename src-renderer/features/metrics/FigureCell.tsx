import type { CustomCellRendererProps } from 'ag-grid-react';
import type { MetricRow } from '../../../src-core/query/model/metrics';

/**
 * A figure as the report prints it, or as the analyst corrected it: a corrected value carries a
 * pencil and says so to a screen reader, with the extracted value in its tooltip (metrics-columns.ts).
 */
export function FigureCell({ data, colDef }: CustomCellRendererProps<MetricRow, unknown>) {
  if (!data) return null;
  const field = colDef?.colId === 'englandWales' ? 'englandWales' : 'force';
  const text = (field === 'force' ? data.forceText : data.ewText) || '—';
  const corrected = data.corrections.find((c) => c.field === field);
  if (!corrected) return <>{text}</>;
  return (
    <span className="figure-corrected">
      {text}
      <span className="figure-corrected-mark" aria-hidden="true">
        {' '}
        ✎
      </span>
      <span className="visually-hidden">, corrected from {corrected.extracted}</span>
    </span>
  );
}
