import { describe, expect, it } from 'vitest';
import { metricPatch } from '../../../../../src-renderer/features/metrics/metric-edits';
import { samplePatch } from '../../../../../src-renderer/features/review/sample-edits';

const stamp = { author: 'J. Analyst', at: '2026-11-27T09:30:00.000Z' };

describe('a row once its edit is durable', () => {
  // Moved from metric-format.test.ts (where verifyEdit built the patch with the edit): the row shows who and when.
  it('shows a metric verified by whom and when, and unverified by no one', () => {
    expect(metricPatch({ field: 'verified', value: true }, stamp)).toEqual({
      verified: true,
      verifiedBy: 'J. Analyst',
      verifiedAt: stamp.at,
    });
    expect(metricPatch({ field: 'verified', value: false }, stamp)).toEqual({ verified: false, verifiedBy: null, verifiedAt: null });
  });

  it('takes an annotation field as it was set', () => {
    expect(metricPatch({ field: 'rag', value: 'amber' }, stamp)).toEqual({ rag: 'amber' });
    expect(metricPatch({ field: 'tags', value: ['custody'] }, stamp)).toEqual({ tags: ['custody'] });
  });

  it('keeps a case file’s annotation note apart from the reviewer’s own note', () => {
    expect(samplePatch({ field: 'note', value: 'Chase the date' })).toEqual({ annotationNote: 'Chase the date' });
    expect(samplePatch({ field: 'includeInBrief', value: true })).toEqual({ includeInBrief: true });
  });
});
