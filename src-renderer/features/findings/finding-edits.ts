import type { FindingRow } from '../../../src-core/query/findings';
import { FALLBACK_AUTHOR } from '../../ui/author';
import type { Rag, Status } from '../../../src-core/annotations/vocabulary';

export type AnnotationField = 'status' | 'tags' | 'rag' | 'note' | 'includeInBrief' | 'kindOverride';

export interface AnnotationValues {
  status: Status;
  tags: string[];
  rag: Rag | null;
  note: string;
  includeInBrief: boolean;
  kindOverride: string | null;
}

export interface FindingsGridContext {
  /** Resolves true once the edit is durable; false (with the reason shown) when it is not. */
  setIncludeInBrief(row: FindingRow, value: boolean): Promise<boolean>;
  /** The search's words, for highlighting in the text cells. */
  terms: readonly string[];
}

/** One annotation edit of a finding, as the session's `annotation.set` takes it. */
export function annotationEdit<F extends AnnotationField>(
  findingId: number,
  field: F,
  value: AnnotationValues[F],
  author = FALLBACK_AUTHOR,
  now = new Date(),
) {
  return {
    op: 'annotation.set',
    params: { targetType: 'finding', targetId: findingId, field, value, author, at: now.toISOString() },
  } as const;
}

export function includeInBriefEdit(row: FindingRow, value: boolean, author = FALLBACK_AUTHOR, now = new Date()) {
  return annotationEdit(row.id, 'includeInBrief', value, author, now);
}

/** How the history list and messages name a field. */
export const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  tags: 'Tags',
  rag: 'RAG',
  note: 'Note',
  includeInBrief: 'Include in brief',
  kindOverride: 'Kind',
};
