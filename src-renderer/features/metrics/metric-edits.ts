import type { MetricRow } from '../../../src-core/query/metrics';
import { FALLBACK_AUTHOR } from '../../ui/author';
import { RAGS, STATUSES, type Rag, type Status } from '../../../src-core/annotations/vocabulary';

export type MetricStatus = Status;
export { RAGS, STATUSES, type Rag };

export type AnnotationChange =
  | { field: 'status'; value: MetricStatus }
  | { field: 'tags'; value: string[] }
  | { field: 'rag'; value: Rag | null }
  | { field: 'note'; value: string }
  | { field: 'includeInBrief'; value: boolean };

export type MetricPatch = Partial<
  Pick<MetricRow, 'status' | 'tags' | 'rag' | 'note' | 'includeInBrief' | 'verified' | 'verifiedBy' | 'verifiedAt'>
>;

/** An edit for the worker and what the row looks like once the edit is durable. */
export interface MetricEdit {
  op: 'metric.verify' | 'annotation.set';
  params: Record<string, unknown>;
  patch: MetricPatch;
}

export function verifyEdit(metricId: number, verified: boolean, author = FALLBACK_AUTHOR, now = new Date()): MetricEdit {
  const at = now.toISOString();
  return {
    op: 'metric.verify',
    params: { metricId, verified, author, at },
    patch: { verified, verifiedBy: verified ? author : null, verifiedAt: verified ? at : null },
  };
}

export function annotationEdit(metricId: number, change: AnnotationChange, author = FALLBACK_AUTHOR, now = new Date()): MetricEdit {
  return {
    op: 'annotation.set',
    params: { targetType: 'metric', targetId: metricId, field: change.field, value: change.value, author, at: now.toISOString() },
    patch: { [change.field]: change.value },
  };
}

/** Tags as typed ("knife crime, custody"): trimmed, de-duplicated, in the order given. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t, i, all) => t !== '' && all.findIndex((u) => u.toLowerCase() === t.toLowerCase()) === i);
}
