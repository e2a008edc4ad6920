import type { CustomCellRendererProps } from 'ag-grid-react';
import type { FindingRow } from '../../../src-core/query/findings';

/**
 * Text cut to the row with an ellipsis: the infinite row model needs one fixed row height, so a
 * long paragraph (or section title) is clamped, and shown whole in the cell's tooltip.
 */
export function ClampedTextCell({ value, valueFormatted }: CustomCellRendererProps<FindingRow>) {
  const text = valueFormatted ?? (value === null || value === undefined ? '' : String(value));
  return <span className="clamped-text">{text}</span>;
}
