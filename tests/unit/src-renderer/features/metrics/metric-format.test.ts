import { describe, expect, it } from 'vitest';
import { differenceText, positionText, ratioText } from '../../../../../src-renderer/features/metrics/metric-format';

describe('metric figures as the analyst reads them', () => {
  it('signs differences, in points for percentages, and gives ratios to two decimals', () => {
    expect(differenceText({ difference: 56, unit: 'per 1,000 population' })).toBe('+56');
    expect(differenceText({ difference: -3, unit: 'per 1,000 population' })).toBe('-3');
    expect(differenceText({ difference: 0, unit: 'per 1,000 population' })).toBe('0');
    expect(differenceText({ difference: 90.4, unit: 'per 100,000 population' })).toBe('+90.4');
    expect(differenceText({ difference: 4, unit: '% of outcomes' })).toBe('+4 pts');
    expect(differenceText({ difference: -1, unit: '% change' })).toBe('-1 pt');
    expect(differenceText({ difference: null, unit: '%' })).toBe('—');
    expect(ratioText(1.199)).toBe('1.20');
    expect(ratioText(null)).toBe('—');
  });

  it('says where a figure was read, with the page only when there is one', () => {
    expect(positionText(null, 43)).toBe('line 43');
    expect(positionText(4, 19)).toBe('page 4, line 19');
  });
});
