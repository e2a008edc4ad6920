import { describe, expect, it } from 'vitest';
import { metricPatch } from '../../../../../src-renderer/features/metrics/metric-edits';
import { samplePatch } from '../../../../../src-renderer/features/review/sample-edits';

const stamp = { author: 'J. Analyst', at: '2026-11-27T09:30:00.000Z' };

describe('a row once its edit is durable', () => {
  // Moved from metric-format.test.ts (where verifyEdit built the patch with the edit): the row shows who and when.
  it('shows a metric verified by whom and when, and unverified by no one', () => {
    const fresh = { check: 'unverified', warningState: null } as const;
    expect(metricPatch({ field: 'verified', value: true }, stamp, fresh)).toEqual({
      verified: true,
      verifiedBy: 'J. Analyst',
      verifiedAt: stamp.at,
      check: 'verified',
    });
    expect(metricPatch({ field: 'verified', value: false }, stamp, { check: 'verified', warningState: null })).toEqual({
      verified: false,
      verifiedBy: null,
      verifiedAt: null,
      check: 'unverified',
    });
  });

  it('settles an open warning by the tick and reopens it when the tick is taken back; a correction outranks the tick', () => {
    expect(metricPatch({ field: 'verified', value: true }, stamp, { check: 'unverified', warningState: 'open' })).toMatchObject({
      check: 'verified',
      warningState: 'verified',
    });
    expect(metricPatch({ field: 'verified', value: false }, stamp, { check: 'verified', warningState: 'verified' })).toMatchObject({
      check: 'unverified',
      warningState: 'open',
    });
    const corrected = metricPatch({ field: 'verified', value: true }, stamp, { check: 'corrected', warningState: 'corrected' });
    expect([corrected.check, corrected.warningState]).toEqual([undefined, undefined]);
  });

  it('takes an annotation field as it was set', () => {
    const row = { check: 'unverified', warningState: null } as const;
    expect(metricPatch({ field: 'rag', value: 'amber' }, stamp, row)).toEqual({ rag: 'amber' });
    expect(metricPatch({ field: 'tags', value: ['custody'] }, stamp, row)).toEqual({ tags: ['custody'] });
  });

  it('keeps a case file’s annotation note apart from the reviewer’s own note', () => {
    expect(samplePatch({ field: 'note', value: 'Chase the date' })).toEqual({ annotationNote: 'Chase the date' });
    expect(samplePatch({ field: 'includeInBrief', value: true })).toEqual({ includeInBrief: true });
  });
});
