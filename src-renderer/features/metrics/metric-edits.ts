import type { AnnotationChange } from '../../../src-core/annotations/annotation-edit';
import type { EditStamp } from '../../../src-core/workspace/edits';
import type { MetricRow } from '../../../src-core/query/model/metrics';

export type MetricPatch = Partial<
  Pick<
    MetricRow,
    'status' | 'tags' | 'rag' | 'note' | 'includeInBrief' | 'verified' | 'verifiedBy' | 'verifiedAt' | 'check' | 'warningState'
  >
>;

/**
 * What a metric's row looks like once a change is durable, so the view shows it without reading
 * every metric again: the field's new value, and for a verification who did it and when (the
 * stamp the client recorded the edit under), where the check now stands and its warning with it
 * (as src-core/query/sql/metrics.ts would read them).
 */
export function metricPatch(
  change: AnnotationChange<'metric'>,
  stamp: EditStamp,
  row: Pick<MetricRow, 'check' | 'warningState'>,
): MetricPatch {
  if (change.field !== 'verified') return { [change.field]: change.value };
  const verified = change.value;
  const patch: MetricPatch = { verified, verifiedBy: verified ? stamp.author : null, verifiedAt: verified ? stamp.at : null };
  // A correction outranks the tick; otherwise the tick is the check, and it settles an open warning (or reopens it).
  if (row.check !== 'corrected') {
    patch.check = verified ? 'verified' : 'unverified';
    if (row.warningState === 'open' || row.warningState === 'verified') patch.warningState = verified ? 'verified' : 'open';
  }
  return patch;
}
