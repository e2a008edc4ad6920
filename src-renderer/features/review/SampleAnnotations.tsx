import { useId, useState } from 'react';
import type { SampleListRow } from '../../../src-core/samples/queries';
import { usePendingEdit } from '../../ui/use-pending-edit';
import { capitalised } from '../metrics/metric-format';
import { parseTags, RAGS, STATUSES, type MetricStatus, type Rag } from '../metrics/metric-edits';
import type { AnnotationChange } from './sample-edits';

interface Props {
  /** Keyed by the case file's id in the parent, so drafts never carry over to another file. */
  row: SampleListRow;
  onChange: (change: AnnotationChange) => Promise<boolean>;
}

/**
 * Status, RAG, tags, note and include-in-brief: the same annotations as findings and metrics.
 * Choices save at once; typed text saves when the field is left, so a half-typed word is not audited.
 */
export function SampleAnnotations({ row, onChange }: Props) {
  const id = useId();
  const [tags, setTags] = useState(row.tags.join(', '));
  const [note, setNote] = useState(row.annotationNote);
  const status = usePendingEdit(row.status as MetricStatus);
  const rag = usePendingEdit(row.rag as Rag | null);
  const brief = usePendingEdit(row.includeInBrief);
  const saveTags = () => {
    const next = parseTags(tags);
    if (JSON.stringify(next) !== JSON.stringify(row.tags)) void onChange({ field: 'tags', value: next });
    setTags(next.join(', '));
  };
  const saveNote = () => {
    if (note !== row.annotationNote) void onChange({ field: 'note', value: note });
  };

  return (
    <fieldset className="sample-annotations">
      <legend>Annotations</legend>
      <div className="sample-annotation-row">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={status.shown}
          onChange={(e) => void status.run(e.target.value as MetricStatus, (value) => onChange({ field: 'status', value }))}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {capitalised(s)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-rag`}>RAG rating</label>
        <select
          id={`${id}-rag`}
          value={rag.shown ?? ''}
          onChange={(e) =>
            void rag.run(e.target.value === '' ? null : (e.target.value as Rag), (value) => onChange({ field: 'rag', value }))
          }
        >
          <option value="">None</option>
          {RAGS.map((r) => (
            <option key={r} value={r}>
              {capitalised(r)}
            </option>
          ))}
        </select>
      </div>
      <label htmlFor={`${id}-tags`}>Tags</label>
      <input
        id={`${id}-tags`}
        type="text"
        value={tags}
        placeholder="Separated by commas"
        onChange={(e) => setTags(e.target.value)}
        onBlur={saveTags}
        onKeyDown={(e) => e.key === 'Enter' && saveTags()}
      />
      <label htmlFor={`${id}-note`}>Analyst’s note</label>
      <textarea id={`${id}-note`} rows={3} value={note} onChange={(e) => setNote(e.target.value)} onBlur={saveNote} />
      <label className="sample-check">
        <input
          type="checkbox"
          checked={brief.shown}
          onChange={(e) => void brief.run(e.target.checked, (value) => onChange({ field: 'includeInBrief', value }))}
        />
        Include in brief
      </label>
    </fieldset>
  );
}
