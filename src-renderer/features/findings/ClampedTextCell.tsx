import type { CustomCellRendererProps } from 'ag-grid-react';
import type { FindingRow } from '../../../src-core/query/model/findings';
import { Highlighted } from '../../ui/Highlighted';
import { excerptAround } from '../../ui/highlight';
import type { FindingsGridContext } from './finding-edits';

/**
 * Text cut to the row with an ellipsis: the infinite row model needs one fixed row height, so a
 * long paragraph (or section title) is clamped, and shown whole in the cell's tooltip. The
 * search's words are marked; a paragraph whose first match is below the clamp starts just before
 * it, so every matching row shows why it matched. In compact density the cell is one line.
 */
type Props = CustomCellRendererProps<FindingRow, unknown, FindingsGridContext> & {
  /** Mark the search's words (columns the full-text index covers). */
  highlight?: boolean;
  /** Start a long text near its first match. */
  excerpt?: boolean;
};

export function ClampedTextCell({ value, valueFormatted, context, highlight, excerpt }: Props) {
  const text = valueFormatted ?? (value === null || value === undefined ? '' : String(value));
  const terms = highlight ? context.terms : [];
  const shown = excerpt && terms.length ? excerptAround(text, terms) : text;
  return (
    // The whole value on hover: a compact row shows one line of it.
    <span className="clamped-text" title={text || undefined}>
      <Highlighted text={shown} terms={terms} />
    </span>
  );
}
