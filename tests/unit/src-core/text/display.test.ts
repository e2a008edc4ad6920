import { describe, expect, it } from 'vitest';
import { capitalised, dateText, differenceText, ratioText, scoreText } from '../../../../src-core/text/display';

// The wording the grids, their panels and their exports share (moved here with the formatters
// from the metrics and review views and the renderer's words.ts).

describe('stored values as the analyst reads them', () => {
  it('capitalises a stored value, and shows nothing for none', () => {
    expect(capitalised('flagged')).toBe('Flagged');
    expect(capitalised('area for improvement')).toBe('Area for improvement');
    expect(capitalised(null)).toBe('');
    expect(capitalised('')).toBe('');
  });

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

  it('reads scores and dates as an inspector would say them', () => {
    expect(['yes', 'no', 'n/a', ''].map(scoreText)).toEqual(['Yes', 'No', 'N/A', '']);
    expect(dateText('2017-01-05')).toBe('5 Jan 2017');
  });
});
