import { describe, expect, it } from 'vitest';
import { columnMemory, columnMemorySchema, restorableColumns } from '../../../../../src-renderer/features/metrics/metrics-grid-state';
import { metricsFiltersSchema, NO_FILTERS } from '../../../../../src-renderer/features/metrics/metrics-filters';

describe('what the Metrics grid remembers', () => {
  it('keeps widths and sort, not visibility, and drops columns the grid no longer has', () => {
    const saved = columnMemory([
      { colId: 'force', width: 120.4, sort: 'desc', sortIndex: 0, hide: false },
      { colId: 'report', width: 108, sort: null, sortIndex: null, hide: true },
      { colId: 'gone', width: 90, sort: 'asc', sortIndex: 1 },
    ]);
    expect(saved[0]).toEqual({ colId: 'force', width: 120, sort: 'desc', sortIndex: 0 });
    expect(saved[1]).not.toHaveProperty('hide');
    expect(columnMemorySchema.safeParse(saved).success).toBe(true);
    const restored = restorableColumns(saved, new Set(['force', 'report']));
    expect(restored.map((c) => c.colId)).toEqual(['force', 'report']);
    expect(restored[0]).toMatchObject({ sort: 'desc', sortIndex: 0, width: 120 });
  });

  it('refuses a damaged entry rather than applying it', () => {
    expect(columnMemorySchema.safeParse([{ colId: 'force', width: -5 }]).success).toBe(false);
    expect(columnMemorySchema.safeParse([{ colId: 'force', sort: 'sideways' }]).success).toBe(false);
    expect(columnMemorySchema.safeParse('force').success).toBe(false);
  });

  it('checks remembered filters: a report must be an id, a source one of the two', () => {
    expect(metricsFiltersSchema.safeParse(NO_FILTERS).success).toBe(true);
    expect(metricsFiltersSchema.safeParse({ ...NO_FILTERS, report: '12', source: 'text' }).success).toBe(true);
    expect(metricsFiltersSchema.safeParse({ ...NO_FILTERS, report: 'DROP TABLE' }).success).toBe(false);
    expect(metricsFiltersSchema.safeParse({ ...NO_FILTERS, source: 'elsewhere' }).success).toBe(false);
    expect(metricsFiltersSchema.safeParse({ ...NO_FILTERS, search: 'x'.repeat(301) }).success).toBe(false);
  });
});
