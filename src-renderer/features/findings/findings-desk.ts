import { z } from 'zod';
import { FINDING_KINDS } from '../../../src-core/extract/types';
import { findingsQuerySchema, type FindingRow, type FindingsQuery } from '../../../src-core/query/model/findings';
import { facetQuery, type FacetCount } from '../../../src-core/query/model/facets';
import { findingsViewSchema } from './saved-view-definition';

/**
 * The Findings view's desk: what it remembers per workspace (usePersistentState keys and their
 * schemas, checked on read, so a damaged or older entry falls back to the default), and the small
 * rules the view applies to rows and queries (data notes, names, where a row was read).
 */

export const DENSITIES = ['compact', 'comfortable'] as const;
export type Density = (typeof DENSITIES)[number];
export const densitySchema = z.enum(DENSITIES);

/** Row heights: compact is one line of text; comfortable shows three lines of a paragraph. */
export const ROW_HEIGHT: Record<Density, number> = { compact: 30, comfortable: 78 };

/** The grid's column state as remembered: order, width, hidden, sort (AG Grid's ColumnState, the parts kept). */
export const columnStateSchema = z
  .array(
    z.object({
      colId: z.string().max(50),
      hide: z.boolean().nullable().optional(),
      width: z.number().positive().max(5000).nullable().optional(),
      flex: z.number().nonnegative().max(100).nullable().optional(),
      sort: z.enum(['asc', 'desc']).nullable().optional(),
      sortIndex: z.number().int().min(0).max(50).nullable().optional(),
    }),
  )
  .max(50);
export type RememberedColumns = z.infer<typeof columnStateSchema>;

// Held to the worker's own limits too: a remembered selection the worker would refuse (more sections
// than a query may name) is dropped on reading, not left to fail every read until Clear filters.
export const facetSelectionSchema = findingsViewSchema.shape.facets.refine(
  (facets) => findingsQuerySchema.safeParse(facetQuery('', facets)).success,
);
export const filterModelSchema = findingsViewSchema.shape.filters;

/** Where the analyst was in the grid: the selected finding and the first row in view. */
export const placeSchema = z.object({
  selectedId: z.number().int().positive().nullable(),
  firstRow: z.number().int().min(0).max(10_000_000),
});
export type Place = z.infer<typeof placeSchema>;

export const KEYS = {
  search: 'findings:search',
  facets: 'findings:facets',
  filters: 'findings:filters',
  columns: 'findings:columns',
  density: 'findings:density',
  dataNotes: 'findings:show-data-notes',
  place: 'findings:place',
  sections: 'findings:detail-sections',
} as const;

export const DATA_NOTE = 'data note';
const NOT_DATA_NOTES = FINDING_KINDS.filter((k) => k !== DATA_NOTE);

/**
 * The query with data notes left out, unless the analyst shows them or has pressed kinds in the
 * Kind facet (then the facet says which kinds, data notes included if pressed). A search obeys the
 * toggle too: the toggle then counts the matching data notes it hides, so a search never looks
 * empty when it found only data notes.
 */
export function withDataNotes(q: FindingsQuery, show: boolean): FindingsQuery {
  if (show || q.kinds?.length) return q;
  return { ...q, kinds: [...NOT_DATA_NOTES] };
}

/** How many data notes the current search and filters hold (the Kind facet's count, which ignores the kind filter). */
export function dataNoteCount(kinds: readonly FacetCount[] | undefined): number | null {
  if (!kinds) return null;
  return kinds.find((k) => k.value === DATA_NOTE)?.count ?? 0;
}

/** The first words of a paragraph, cut at a word and marked as cut: “The force needs to…”. */
export function firstWords(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, '')}…`;
}

/** The row's brief checkbox, named by what it acts on, so no two rows' checkboxes share a name. */
export function briefLabel(row: Pick<FindingRow, 'section' | 'paragraph' | 'text' | 'report'>, withReport: boolean): string {
  const where = `${withReport ? `${row.report}, ` : ''}${row.section}, paragraph ${row.paragraph}`;
  return `Include in the brief: ${where} – “${firstWords(row.text)}”`;
}

/** Whether the Report column is worth its room: only when the workspace holds more than one report. */
export const reportColumnNeeded = (reports: readonly FacetCount[] | undefined): boolean | null => (reports ? reports.length > 1 : null);
