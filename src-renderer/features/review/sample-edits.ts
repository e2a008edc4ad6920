import type { SampleListRow } from '../../../src-core/samples/queries';
import { FALLBACK_AUTHOR } from '../../ui/author';
import type { AnnotationChange } from '../metrics/metric-edits';

export type { AnnotationChange } from '../metrics/metric-edits';

/** What the grid's row looks like once an annotation edit is durable (the file's own note is `note`). */
export type SamplePatch = Partial<Pick<SampleListRow, 'status' | 'tags' | 'rag' | 'annotationNote' | 'includeInBrief'>>;

/** One annotation edit of a case file, as the session's `annotation.set` takes it. */
export function sampleAnnotationEdit(sampleId: number, change: AnnotationChange, author = FALLBACK_AUTHOR, now = new Date()) {
  const patch: SamplePatch = change.field === 'note' ? { annotationNote: change.value } : { [change.field]: change.value };
  return {
    op: 'annotation.set',
    params: { targetType: 'review_sample', targetId: sampleId, field: change.field, value: change.value, author, at: now.toISOString() },
    patch,
  } as const;
}

export interface SamplesGridContext {
  /** Resolves true once the edit is durable; false (with the reason shown) when it is not. */
  includeInBrief(row: SampleListRow, value: boolean): Promise<boolean>;
}
