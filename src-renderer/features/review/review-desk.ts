import type { ColumnState } from 'ag-grid-community';
import { z } from 'zod';

/**
 * What File review remembers per workspace (usePersistentState keys and their schemas, checked on
 * read: a damaged or older entry falls back to the default). The case-file grid has no search or
 * filter to remember; its sort and columns, the report whose sample is shown, the case file
 * selected and the section open are.
 */

export const REVIEW_SECTIONS = ['summary', 'reconciliation', 'agreement'] as const;
export type ReviewSection = (typeof REVIEW_SECTIONS)[number];
export const reviewSectionSchema = z.enum(REVIEW_SECTIONS);

/** The grid's column state as remembered: order, width, hidden, sort (AG Grid's ColumnState, the parts kept). */
export const sampleColumnsSchema = z
  .array(
    z.object({
      colId: z.string().max(50),
      hide: z.boolean().nullable().optional(),
      width: z.number().positive().max(5000).nullable().optional(),
      sort: z.enum(['asc', 'desc']).nullable().optional(),
      sortIndex: z.number().int().min(0).max(50).nullable().optional(),
    }),
  )
  .max(50);
export type SampleColumns = z.infer<typeof sampleColumnsSchema>;

export const idSchema = z.number().int().positive().nullable();

export const REVIEW_KEYS = {
  section: 'review:section',
  columns: 'review:columns',
  selected: 'review:selected',
  report: 'review:report',
} as const;

/** The parts of AG Grid's column state worth keeping (the rest is derived from the column definitions). */
export function keptColumns(state: readonly ColumnState[]): SampleColumns {
  return state.slice(0, 50).map((s) => ({
    colId: s.colId,
    hide: s.hide ?? null,
    ...(s.width !== undefined && { width: s.width }),
    sort: s.sort === 'asc' || s.sort === 'desc' ? s.sort : null,
    sortIndex: s.sortIndex ?? null,
  }));
}
