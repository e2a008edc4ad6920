import { useId, useState } from 'react';
import { usePendingEdit } from '../../ui/use-pending-edit';
import { capitalised } from './metric-format';
import { parseTags, RAGS, STATUSES, type AnnotationChange, type MetricStatus, type Rag } from './metric-edits';

/** The annotation of a metric or a case file, as stored. */
export interface AnnotationValue {
  status: string;
  rag: string | null;
  tags: string[];
  note: string;
  includeInBrief: boolean;
}

interface Props {
  /** Keyed by the item's id in the parent, so drafts never carry over to another item. */
  row: AnnotationValue;
  /** Class-name prefix of the view's styles: "metric" or "sample". */
  prefix: 'metric' | 'sample';
  onChange: (change: AnnotationChange) => Promise<boolean>;
}

/**
 * Status, RAG, tags, note and include-in-brief for metrics and case files (findings have their own
 * editor with tag suggestions and kind override). Choices save at
 * once; typed text (tags, note) saves when the field is left, so a half-typed word is not audited.
 */
export function AnnotationFields({ row, prefix, onChange }: Props) {
  const id = useId();
  const [tags, setTags] = useState(row.tags.join(', '));
  const [note, setNote] = useState(row.note);
  // Not disabled while saving: leaving the note (which saves it) by clicking another control must
  // not swallow that click. Edits queue in the worker in order; each control shows the saved value.
  const change = (c: AnnotationChange) => onChange(c);
  const status = usePendingEdit(row.status as MetricStatus);
  const rag = usePendingEdit(row.rag as Rag | null);
  const brief = usePendingEdit(row.includeInBrief);
  const saveTags = () => {
    const next = parseTags(tags);
    if (JSON.stringify(next) !== JSON.stringify(row.tags)) void change({ field: 'tags', value: next });
    setTags(next.join(', '));
  };
  const saveNote = () => {
    if (note !== row.note) void change({ field: 'note', value: note });
  };

  return (
    <fieldset className={`${prefix}-annotations`}>
      <legend>Annotations</legend>
      <div className={`${prefix}-annotation-row`}>
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={status.shown}
          onChange={(e) => void status.run(e.target.value as MetricStatus, (value) => change({ field: 'status', value }))}
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
          onChange={(e) => void rag.run(e.target.value === '' ? null : (e.target.value as Rag), (value) => change({ field: 'rag', value }))}
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
      <label htmlFor={`${id}-note`}>Note</label>
      <textarea id={`${id}-note`} rows={3} value={note} onChange={(e) => setNote(e.target.value)} onBlur={saveNote} />
      <label className={`${prefix}-check`}>
        <input
          type="checkbox"
          checked={brief.shown}
          onChange={(e) => void brief.run(e.target.checked, (value) => change({ field: 'includeInBrief', value }))}
        />
        Include in brief
      </label>
    </fieldset>
  );
}
