import { useId, type RefObject } from 'react';
import { FINDING_KINDS } from '../../../src-core/extract/types';
import type { FindingDetail } from '../../../src-core/query/finding-detail';
import type { DbClient } from '../../db/db-client';
import { FIELD_LABELS, type AnnotationField, type AnnotationValues } from './finding-edits';
import { NoteField } from './NoteField';
import { TagEditor } from './TagEditor';
import { useAnnotationSave, type SaveStatus } from './use-annotation-save';
import { usePendingValue } from './use-pending-value';
import { RAGS, STATUSES } from '../../../src-core/annotations/vocabulary';

const capitalised = (v: string) => v.charAt(0).toUpperCase() + v.slice(1);

function statusText(s: SaveStatus): string {
  const label = s.state === 'idle' ? '' : (FIELD_LABELS[s.field] ?? s.field);
  switch (s.state) {
    case 'idle':
      return '';
    case 'saving':
      return `Saving ${label.toLowerCase()}…`;
    case 'saved':
      return `${label} saved`;
    case 'error':
      return '';
  }
}

interface Props {
  client: DbClient;
  /** Who is editing, asked at each edit (for the audit log). */
  author: () => Promise<string>;
  finding: FindingDetail['finding'];
  /** The data version the finding was read at. */
  version: number;
  /** The first control, which Enter in the grid focuses. */
  firstControl: RefObject<HTMLSelectElement | null>;
}

/**
 * The analyst's annotation of one finding: every change is one `annotation.set` edit, shown as
 * the analyst chose it at once and as saved only once the worker has acknowledged it.
 */
export function AnnotationEditor({ client, author, finding, version, firstControl }: Props) {
  const id = useId();
  const { status, save } = useAnnotationSave(client, finding.id, author);
  const statusValue = usePendingValue(finding.status as AnnotationValues['status'], version);
  const rag = usePendingValue(finding.rag as AnnotationValues['rag'], version);
  const brief = usePendingValue(finding.includeInBrief, version);
  const kind = usePendingValue(finding.kindOverride, version);
  const tags = usePendingValue(finding.tags, version);

  const change = async <F extends AnnotationField>(
    field: F,
    value: AnnotationValues[F],
    pending: { set(v: AnnotationValues[F]): void; drop(): void },
  ) => {
    pending.set(value);
    if (!(await save(field, value))) pending.drop();
  };

  return (
    <section className="annotation" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Annotation</h3>
      <div className="annotation-grid">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          ref={firstControl}
          value={statusValue.shown}
          onChange={(e) => void change('status', e.target.value as AnnotationValues['status'], statusValue)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {capitalised(s)}
            </option>
          ))}
        </select>

        <label htmlFor={`${id}-rag`}>RAG</label>
        <select
          id={`${id}-rag`}
          className={`rag-select rag-select--${rag.shown ?? 'none'}`}
          value={rag.shown ?? ''}
          onChange={(e) => void change('rag', (e.target.value || null) as AnnotationValues['rag'], rag)}
        >
          <option value="">None</option>
          {RAGS.map((r) => (
            <option key={r} value={r}>
              {capitalised(r)}
            </option>
          ))}
        </select>

        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} value={kind.shown ?? ''} onChange={(e) => void change('kindOverride', e.target.value || null, kind)}>
          <option value="">As suggested: {capitalised(finding.suggestedKind)}</option>
          {FINDING_KINDS.map((k) => (
            <option key={k} value={k}>
              {capitalised(k)}
            </option>
          ))}
        </select>

        <span className="annotation-label">Brief</span>
        <label className="annotation-check">
          <input type="checkbox" checked={brief.shown} onChange={(e) => void change('includeInBrief', e.target.checked, brief)} />
          Include in brief
        </label>
      </div>

      <TagEditor client={client} tags={tags.shown} onChange={(next) => void change('tags', next, tags)} />
      <NoteField key={finding.id} note={finding.note} version={version} onSave={(text) => save('note', text)} />

      <p className="annotation-status" role="status">
        {statusText(status)}
      </p>
      {status.state === 'error' && (
        <p className="inline-problem" role="alert">
          {status.message}
        </p>
      )}
    </section>
  );
}
