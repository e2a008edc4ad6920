import type { ColumnState } from 'ag-grid-community';
import { z } from 'zod';

/**
 * What the Metrics grid remembers per workspace: each column's width and sort, and the row at
 * the top of its scroll. Visibility is not remembered: the grid decides it (Report only when the
 * workspace has several reports), so a second report imported later shows its column.
 */
export const columnMemorySchema = z
  .array(
    z.object({
      colId: z.string().min(1).max(100),
      width: z.number().int().min(20).max(2000).optional(),
      sort: z.enum(['asc', 'desc']).nullable().optional(),
      sortIndex: z.number().int().min(0).max(50).nullable().optional(),
    }),
  )
  .max(60);

export type ColumnMemory = z.infer<typeof columnMemorySchema>;

/** The grid's column state as remembered: ids, widths and sort only. */
export function columnMemory(state: ColumnState[]): ColumnMemory {
  return state.map((s) => ({
    colId: s.colId,
    ...(typeof s.width === 'number' ? { width: Math.round(s.width) } : {}),
    sort: s.sort === 'asc' || s.sort === 'desc' ? s.sort : null,
    sortIndex: s.sortIndex ?? null,
  }));
}

/** Remembered state for the grid's columns that still exist (a column renamed in a later version is dropped). */
export function restorableColumns(saved: ColumnMemory, known: ReadonlySet<string>): ColumnState[] {
  return saved.filter((s) => known.has(s.colId)).map((s) => ({ ...s, sort: s.sort ?? null, sortIndex: s.sortIndex ?? null }));
}
