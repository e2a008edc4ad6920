import type { CustomCellRendererProps } from 'ag-grid-react';
import type { SampleListRow } from '../../../src-core/samples/queries';
import { usePendingEdit } from '../../shared/annotations/use-pending-edit';
import type { SamplesGridContext } from './sample-edits';

/** Include-in-brief for a case file, as for findings and metrics: an edit, shown saved once durable. */
export function SampleBriefCell({ data, context }: CustomCellRendererProps<SampleListRow, boolean, SamplesGridContext>) {
  const edit = usePendingEdit(data?.includeInBrief ?? false);
  if (!data) return null;
  return (
    <input
      type="checkbox"
      className="sample-brief"
      checked={edit.shown}
      aria-busy={edit.pending || undefined}
      aria-label={`Include case ${data.caseRef} (${data.reviewer}) in the brief`}
      onChange={(e) => void edit.run(e.target.checked, (v) => context.includeInBrief(data, v))}
    />
  );
}
