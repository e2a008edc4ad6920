import { describe, expect, it } from 'vitest';
import { wilson } from '../../../../../src-core/samples/stats';
import { kappaWords, proportionText } from '../../../../../src-renderer/features/review/review-format';
import { sampleRefusal } from '../../../../../src-renderer/features/review/use-sample-import';

describe('how the file review states its figures', () => {
  it('gives a count with its proportion and 95 % Wilson interval, in whole per cent', () => {
    expect(proportionText({ yes: 15, n: 16, ...wilson(15, 16) })).toBe('15 of 16 · 94 % (72–99 %)');
    expect(proportionText({ yes: 16, n: 60, ...wilson(16, 60) })).toBe('16 of 60 · 27 % (17–39 %)');
    expect(proportionText({ yes: 0, n: 0, ...wilson(0, 0) })).toBe('Not applicable to any file');
  });

  it('reads kappas as an inspector would say them', () => {
    expect([1, 0.8, 0.52, 0.3, 0.1, -0.2, null].map(kappaWords)).toEqual([
      'almost perfect',
      'substantial',
      'moderate',
      'fair',
      'slight',
      'poor (worse than chance)',
      'not measurable',
    ]);
  });

  it('refuses a file that is not CSV or XLSX, or over 50 MB, before reading it', () => {
    expect(sampleRefusal({ name: 'sample.CSV', size: 2_000 })).toBeNull();
    expect(sampleRefusal({ name: 'sample.xlsx', size: 2_000 })).toBeNull();
    expect(sampleRefusal({ name: 'sample.xls', size: 2_000 })).toMatch(/Only CSV \(\.csv\) and Excel \(\.xlsx\)/);
    expect(sampleRefusal({ name: 'big.csv', size: 51 * 1024 * 1024 })).toBe(
      'It is 51.0 MB; sample files over 50 MB are refused. Split it and import the parts.',
    );
  });
});
