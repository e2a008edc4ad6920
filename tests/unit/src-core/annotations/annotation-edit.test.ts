import { describe, expect, it } from 'vitest';
import { annotationEdit } from '../../../../src-core/annotations/annotation-edit';
import { parseEdit } from '../../../../src-core/workspace/edits';

const stamp = { author: 'J. Analyst', at: '2026-11-27T09:30:00.000Z' };

describe('one edit builder for every annotatable item', () => {
  it('annotates a finding, a metric and a case file with the same edit, in the journal’s own form', () => {
    expect(annotationEdit({ type: 'finding', id: 3 }, { field: 'includeInBrief', value: true })).toEqual({
      op: 'annotation.set',
      params: { targetType: 'finding', targetId: 3, field: 'includeInBrief', value: true },
    });
    // Moved from the metrics editor's tests: a metric is annotated with the same edit as a finding.
    expect(annotationEdit({ type: 'metric', id: 7 }, { field: 'rag', value: 'amber' })).toEqual({
      op: 'annotation.set',
      params: { targetType: 'metric', targetId: 7, field: 'rag', value: 'amber' },
    });
    expect(annotationEdit({ type: 'review_sample', id: 12 }, { field: 'note', value: 'Check the date' })).toEqual({
      op: 'annotation.set',
      params: { targetType: 'review_sample', targetId: 12, field: 'note', value: 'Check the date' },
    });
  });

  it('sends a field with an edit of its own to that edit: a metric’s verification', () => {
    expect(annotationEdit({ type: 'metric', id: 7 }, { field: 'verified', value: true })).toEqual({
      op: 'metric.verify',
      params: { metricId: 7, verified: true },
    });
  });

  it('builds edits that, once stamped, the session takes exactly as they are', () => {
    const edits = [
      annotationEdit({ type: 'finding', id: 1 }, { field: 'kindOverride', value: 'concern' }),
      annotationEdit({ type: 'finding', id: 1 }, { field: 'tags', value: ['custody', 'mental health'] }),
      annotationEdit({ type: 'metric', id: 2 }, { field: 'status', value: 'flagged' }),
      annotationEdit({ type: 'metric', id: 2 }, { field: 'verified', value: false }),
      annotationEdit({ type: 'review_sample', id: 4 }, { field: 'rag', value: null }),
    ];
    for (const edit of edits) {
      const params = { ...edit.params, ...stamp };
      expect(parseEdit(edit.op, params)).toEqual({ op: edit.op, params });
    }
  });
});

// Checked by the type checker (`npx tsc -b` covers the tests), not when the tests run: each target
// takes its own fields, each field its own values. An unused @ts-expect-error fails the check.
export const refusedByTheTypeChecker = [
  // @ts-expect-error a metric has no kind
  () => annotationEdit({ type: 'metric', id: 7 }, { field: 'kindOverride', value: null }),
  // @ts-expect-error a case file is not verified
  () => annotationEdit({ type: 'review_sample', id: 7 }, { field: 'verified', value: true }),
  // @ts-expect-error a status is one of the vocabulary's
  () => annotationEdit({ type: 'finding', id: 7 }, { field: 'status', value: 'done' }),
];
