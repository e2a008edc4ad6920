import { describe, expect, it } from 'vitest';
import { sampleSourceText } from '../../../../../src-core/samples/queries';
import { keptColumns, reviewSectionSchema, sampleColumnsSchema } from '../../../../../src-renderer/features/review/review-desk';

describe('what File review remembers', () => {
  it('keeps a column’s id, width, visibility and sort, and nothing else of AG Grid’s state', () => {
    const kept = keptColumns([
      { colId: 'caseRef', width: 140, hide: false, sort: 'desc', sortIndex: 0, pinned: 'left', flex: null, aggFunc: null },
      { colId: 'note', width: 170, hide: true, sort: null, sortIndex: null },
    ]);
    expect(kept).toEqual([
      { colId: 'caseRef', hide: false, width: 140, sort: 'desc', sortIndex: 0 },
      { colId: 'note', hide: true, width: 170, sort: null, sortIndex: null },
    ]);
    // What it keeps reads back through its own schema.
    expect(sampleColumnsSchema.safeParse(kept).success).toBe(true);
  });

  it('refuses a damaged or foreign entry, so the defaults apply', () => {
    expect(sampleColumnsSchema.safeParse([{ colId: 'caseRef', width: -5 }]).success).toBe(false);
    expect(sampleColumnsSchema.safeParse([{ colId: 'x'.repeat(200) }]).success).toBe(false);
    expect(sampleColumnsSchema.safeParse(Array.from({ length: 51 }, (_, i) => ({ colId: `c${i}` }))).success).toBe(false);
    expect(reviewSectionSchema.safeParse('mapping').success).toBe(false);
    expect(reviewSectionSchema.safeParse('agreement').success).toBe(true);
  });
});

describe('a case file’s Source', () => {
  it('names the file and the row it was read from, or what of them is known', () => {
    expect(sampleSourceText({ sourceName: 'good.csv', sourceRow: 8 })).toBe('good.csv, row 8');
    expect(sampleSourceText({ sourceName: null, sourceRow: 8 })).toBe('Row 8');
    expect(sampleSourceText({ sourceName: 'good.csv', sourceRow: null })).toBe('good.csv');
    expect(sampleSourceText({ sourceName: null, sourceRow: null })).toBe('');
  });
});
