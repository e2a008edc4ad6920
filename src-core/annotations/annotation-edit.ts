import type { EditInput } from '../workspace/edits';
import type { AnnotationTargetType, AnnotationValues } from './fields';

/**
 * The one way to turn "this field of this item is now that" into an edit, for every target. Most
 * fields go into the item's annotation (`annotation.set`); a field with an edit of its own (a
 * metric's verification) says so in OWN_EDITS. A new target or field (the corrections to come) is
 * a line in TargetFields and, if it has an edit of its own, an entry in OWN_EDITS: no new builder.
 * The edit is unstamped: the DB client adds who and when as it sends it.
 */

/** The fields each target has: the annotation's (a finding's kind only on findings), and fields of its own. */
export interface TargetFields {
  finding: AnnotationValues;
  metric: Omit<AnnotationValues, 'kindOverride'> & { verified: boolean };
  review_sample: Omit<AnnotationValues, 'kindOverride'>;
}

export type TargetField<T extends AnnotationTargetType> = keyof TargetFields[T] & string;

export interface AnnotationTarget<T extends AnnotationTargetType = AnnotationTargetType> {
  type: T;
  id: number;
}

/** One field of one item and its new value, as an editor reports it; a union, so a field always comes with its own value type. */
export type AnnotationChange<T extends AnnotationTargetType = AnnotationTargetType> = T extends AnnotationTargetType
  ? { [F in TargetField<T>]: { field: F; value: TargetFields[T][F] } }[TargetField<T>]
  : never;

/** Fields not kept in the annotation, each with the edit that sets it, and the target that has it. */
const OWN_EDITS = {
  verified: (target: AnnotationTarget<'metric'>, verified: boolean) =>
    ({ op: 'metric.verify', params: { metricId: target.id, verified } }) satisfies AnnotationEdit,
};

export type AnnotationEdit =
  { op: 'annotation.set'; params: EditInput<'annotation.set'> } | { op: 'metric.verify'; params: EditInput<'metric.verify'> };

export function annotationEdit<T extends AnnotationTargetType>(target: AnnotationTarget<T>, change: AnnotationChange<T>): AnnotationEdit {
  const c = change as AnnotationChange;
  if (c.field === 'verified') return OWN_EDITS.verified(target as AnnotationTarget<'metric'>, c.value);
  return { op: 'annotation.set', params: { targetType: target.type, targetId: target.id, ...c } };
}
