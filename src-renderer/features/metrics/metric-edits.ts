import type { AnnotationChange } from '../../../src-core/annotations/annotation-edit';
import type { EditStamp } from '../../../src-core/workspace/edits';
import type { MetricRow } from '../../../src-core/query/model/metrics';

export type MetricPatch = Partial<
  Pick<MetricRow, 'status' | 'tags' | 'rag' | 'note' | 'includeInBrief' | 'verified' | 'verifiedBy' | 'verifiedAt'>
>;

/**
 * What a metric's row looks like once a change is durable, so the view shows it without reading
 * every metric again: the field's new value, and for a verification who did it and when (the
 * stamp the client recorded the edit under).
 */
export function metricPatch(change: AnnotationChange<'metric'>, stamp: EditStamp): MetricPatch {
  if (change.field !== 'verified') return { [change.field]: change.value };
  const verified = change.value;
  return { verified, verifiedBy: verified ? stamp.author : null, verifiedAt: verified ? stamp.at : null };
}
