import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../../../../../src-core/query/model/metrics';
import { nextToCheck } from '../../../../../src-renderer/features/metrics/verify-next';

const row = (id: number, reportId: number, check: MetricRow['check'] = 'unverified') => ({ id, reportId, check }) as MetricRow;

describe('Verify and next', () => {
  it('goes to the next unverified figure of the same report in grid order, wrapping round', () => {
    const order = [row(1, 1), row(2, 1, 'verified'), row(3, 2), row(4, 1, 'corrected'), row(5, 1), row(6, 1)];
    expect(nextToCheck(order, order[0]!)?.id).toBe(5);
    expect(nextToCheck(order, order[4]!)?.id).toBe(6);
    expect(nextToCheck(order, order[5]!)?.id).toBe(1);
  });

  it('says there is none when every other figure of the report is checked', () => {
    const order = [row(1, 1), row(2, 1, 'verified'), row(3, 2)];
    expect(nextToCheck(order, order[0]!)).toBeNull();
  });

  it('starts from the top when the current figure is filtered out of the grid', () => {
    const order = [row(7, 1, 'verified'), row(8, 1)];
    expect(nextToCheck(order, row(9, 1))?.id).toBe(8);
  });
});
