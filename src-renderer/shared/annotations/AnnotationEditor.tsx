import { useId, type RefObject } from 'react';
import type { AnnotationChange } from '../../../src-core/annotations/annotation-edit';
import type { AnnotationTargetType, AnnotationValues } from '../../../src-core/annotations/fields';
import { RAGS, STATUSES } from '../../../src-core/annotations/vocabulary';
import { FINDING_KINDS } from '../../../src-core/extract/types';
import type { DbClient } from '../../db/db-client';
import { usePendingEdit } from './use-pending-edit';
import { NoteField } from './NoteField';
import { TagEditor } from './TagEditor';
import { saveStatusText, useSaveStatus } from './use-annotation-save';
import './annotations.css';

const capitalised = (v: string) => v.charAt(0).toUpperCase() + v.slice(1);

/** How the editor names the item in words ("Tags on this finding"). */
const NOUN: Record<AnnotationTargetType, string> = { finding: 'finding', metric: 'metric', review_sample: 'case file' };

/** An item's annotation as read (rows hold the vocabulary's values as plain strings). */
export interface StoredAnnotation {
  status: string;
  rag: string | null;
  tags: string[];
  note: string;
  includeInBrief: boolean;
}

interface Props<T extends AnnotationTargetType> {
  /** What is annotated; the parent keys the editor by the item's id, so nothing typed carries over to another item. */
  target: T;
  annotation: StoredAnnotation;
  /** A finding's kind: the extractor's suggestion and the analyst's override (findings only; other items have no Kind). */
  kind?: { suggested: string; override: string | null };
  /** Saves one change; resolves true once it is durable, false when it is not (and the caller, or `problem`, says why). */
  onSave(change: AnnotationChange<T>): Promise<boolean>;
  /** For the tag suggestions, drawn from every tag used in the workspace. */
  client: DbClient;
  /** The first control, which Enter in a grid focuses. */
  firstControl?: RefObject<HTMLSelectElement | null>;
  /** Why the last change was not saved, when the caller leaves it to the editor to say. */
  problem?: string | null;
}

/**
 * The analyst's annotation of one item, the same for findings, metrics and case files: status, RAG
 * rating, include in brief, tags and a note (and a finding's kind). Every change is one edit, shown
 * as chosen at once and as saved only once the edit is durable; choices save at once, a note when
 * the analyst pauses or leaves it.
 */
export function AnnotationEditor<T extends AnnotationTargetType>({
  target,
  annotation,
  kind,
  onSave,
  client,
  firstControl,
  problem,
}: Props<T>) {
  const id = useId();
  const { status, track } = useSaveStatus();
  const statusValue = usePendingEdit(annotation.status as AnnotationValues['status']);
  const rag = usePendingEdit(annotation.rag as AnnotationValues['rag']);
  const brief = usePendingEdit(annotation.includeInBrief);
  const tags = usePendingEdit(annotation.tags);
  const kindValue = usePendingEdit((kind?.override ?? null) as AnnotationValues['kindOverride']);

  // Every target has the fields shown here; kindOverride is shown (and sent) for findings only.
  const save = <F extends keyof AnnotationValues>(field: F, value: AnnotationValues[F]) =>
    track(field, onSave({ field, value } as AnnotationChange<T>));

  return (
    <section className="annotation" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Annotation</h3>
      <div className="annotation-grid">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          ref={firstControl}
          value={statusValue.shown}
          onChange={(e) => void statusValue.run(e.target.value as AnnotationValues['status'], (v) => save('status', v))}
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
          className={`rag-select rag-select--${rag.shown ?? 'none'}`}
          value={rag.shown ?? ''}
          onChange={(e) => void rag.run((e.target.value || null) as AnnotationValues['rag'], (v) => save('rag', v))}
        >
          <option value="">None</option>
          {RAGS.map((r) => (
            <option key={r} value={r}>
              {capitalised(r)}
            </option>
          ))}
        </select>

        {kind && (
          <>
            <label htmlFor={`${id}-kind`}>Kind</label>
            <select
              id={`${id}-kind`}
              value={kindValue.shown ?? ''}
              onChange={(e) =>
                void kindValue.run((e.target.value || null) as AnnotationValues['kindOverride'], (v) => save('kindOverride', v))
              }
            >
              <option value="">As suggested: {capitalised(kind.suggested)}</option>
              {FINDING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {capitalised(k)}
                </option>
              ))}
            </select>
          </>
        )}

        <span className="annotation-label">Brief</span>
        <label className="annotation-check">
          <input
            type="checkbox"
            checked={brief.shown}
            onChange={(e) => void brief.run(e.target.checked, (v) => save('includeInBrief', v))}
          />
          Include in brief
        </label>
      </div>

      <TagEditor
        client={client}
        tags={tags.shown}
        listName={`Tags on this ${NOUN[target]}`}
        onChange={(next) => void tags.run(next, (v) => save('tags', v))}
      />
      <NoteField note={annotation.note} onSave={(text) => save('note', text)} />

      <p className="annotation-status" role="status">
        {saveStatusText(status)}
      </p>
      {problem && (
        <p className="inline-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
