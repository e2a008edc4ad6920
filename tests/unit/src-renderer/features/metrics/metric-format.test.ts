import { describe, expect, it } from 'vitest';
import { positionText } from '../../../../../src-renderer/features/metrics/metric-format';

describe('metric figures as the analyst reads them', () => {
  it('says where a figure was read, with the page only when there is one', () => {
    expect(positionText(null, 43)).toBe('line 43');
    expect(positionText(4, 19)).toBe('page 4, line 19');
  });
});
