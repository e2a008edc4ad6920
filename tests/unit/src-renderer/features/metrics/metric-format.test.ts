import { describe, expect, it } from 'vitest';
import { annotationEdit, parseTags, verifyEdit } from '../../../../../src-renderer/features/metrics/metric-edits';
import { differenceText, historyText, positionText, ratioText } from '../../../../../src-renderer/features/metrics/metric-format';

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

  it('puts each audit row in words', () => {
    const at = '2026-11-27T09:30:00.000Z';
    expect(historyText({ at, author: 'A', field: 'verified', oldValue: '0', newValue: '1' })).toBe('Verified: no → yes');
    expect(historyText({ at, author: 'A', field: 'includeInBrief', oldValue: null, newValue: '1' })).toBe('Include in brief: no → yes');
    expect(historyText({ at, author: 'A', field: 'status', oldValue: null, newValue: 'flagged' })).toBe('Status: New → Flagged');
    expect(historyText({ at, author: 'A', field: 'tags', oldValue: '[]', newValue: '["knife crime","custody"]' })).toBe(
      'Tags: none → knife crime, custody',
    );
    expect(historyText({ at, author: 'A', field: 'rag', oldValue: 'red', newValue: null })).toBe('RAG: Red → none');
  });
});

describe('metric edits', () => {
  const now = new Date('2026-11-27T09:30:00.000Z');

  it('verify carries who and when, and the row shows them once saved', () => {
    expect(verifyEdit(7, true, 'J. Analyst', now)).toEqual({
      op: 'metric.verify',
      params: { metricId: 7, verified: true, author: 'J. Analyst', at: now.toISOString() },
      patch: { verified: true, verifiedBy: 'J. Analyst', verifiedAt: now.toISOString() },
    });
    expect(verifyEdit(7, false, 'J. Analyst', now).patch).toEqual({ verified: false, verifiedBy: null, verifiedAt: null });
  });

  it('annotates a metric with the same edit as a finding', () => {
    expect(annotationEdit(7, { field: 'rag', value: 'amber' }, 'J. Analyst', now)).toEqual({
      op: 'annotation.set',
      params: { targetType: 'metric', targetId: 7, field: 'rag', value: 'amber', author: 'J. Analyst', at: now.toISOString() },
      patch: { rag: 'amber' },
    });
  });

  it('reads typed tags: trimmed, without blanks or repeats', () => {
    expect(parseTags(' custody, Knife crime,, knife crime ,custody')).toEqual(['custody', 'Knife crime']);
    expect(parseTags('')).toEqual([]);
  });
});
