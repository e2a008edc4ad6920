import type { AnnotationChange } from '../../../src-core/annotations/annotation-edit';
import type { SampleListRow } from '../../../src-core/samples/queries';

/** What the grid's row looks like once an annotation edit is durable (the file's own note is `note`). */
export type SamplePatch = Partial<Pick<SampleListRow, 'status' | 'tags' | 'rag' | 'annotationNote' | 'includeInBrief'>>;

export function samplePatch(change: AnnotationChange<'review_sample'>): SamplePatch {
  return change.field === 'note' ? { annotationNote: change.value } : { [change.field]: change.value };
}

export interface SamplesGridContext {
  /** Resolves true once the edit is durable; false (with the reason shown) when it is not. */
  includeInBrief(row: SampleListRow, value: boolean): Promise<boolean>;
}
