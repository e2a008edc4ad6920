import type { FilterModel } from 'ag-grid-community';
import { z } from 'zod';
import { FACET_NAMES, type FacetName } from '../../../src-core/query/model/facets';
import { containsOf, type FacetSelection } from './findings-query';

/**
 * What a saved findings view holds: everything needed to put the view back exactly as it was.
 * Stored as JSON in the workspace; read back through this schema, because a view saved by another
 * version (or a hand-edited workspace) must not break the grid: what cannot be read is left out.
 */
const facetSelection = z.partialRecord(z.enum(FACET_NAMES as [FacetName, ...FacetName[]]), z.array(z.string().max(300)).max(2000));

export const findingsViewSchema = z.object({
  version: z.literal(1),
  search: z.string().max(500),
  facets: facetSelection,
  /** The grid's filter model (text "contains" filters), keyed by column id. */
  filters: z.record(
    z.string().max(50),
    z.object({ filterType: z.literal('text'), type: z.literal('contains'), filter: z.string().max(300) }),
  ),
  sort: z.array(z.object({ colId: z.string().max(50), sort: z.enum(['asc', 'desc']) })).max(5),
  /** Every column in grid order, with whether it is shown and how wide. */
  columns: z.array(z.object({ colId: z.string().max(50), hide: z.boolean(), width: z.number().positive().max(5000).optional() })).max(50),
});

export type FindingsViewDefinition = z.infer<typeof findingsViewSchema>;

export function parseFindingsView(definition: unknown): FindingsViewDefinition | null {
  const parsed = findingsViewSchema.safeParse(definition);
  return parsed.success ? parsed.data : null;
}

/** The parts of AG Grid's column state a view keeps. */
export interface ColumnStateLike {
  colId: string;
  hide?: boolean | null;
  width?: number | null;
  flex?: number | null;
  sort?: 'asc' | 'desc' | null;
  sortIndex?: number | null;
}

/** The current view as a definition to save. */
export function definitionOf(
  search: string,
  facets: FacetSelection,
  filterModel: FilterModel | null,
  columns: ColumnStateLike[],
): FindingsViewDefinition {
  const filters: FindingsViewDefinition['filters'] = {};
  for (const c of containsOf(filterModel) ?? []) filters[c.column] = { filterType: 'text', type: 'contains', filter: c.value };
  const sort = columns
    .filter((c): c is ColumnStateLike & { sort: 'asc' | 'desc' } => c.sort === 'asc' || c.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((c) => ({ colId: c.colId, sort: c.sort }))
    .slice(0, 5);
  return {
    version: 1,
    search: search.trim(),
    facets: Object.fromEntries(Object.entries(facets).filter(([, v]) => v && v.length > 0)),
    filters,
    sort,
    // A flex column's width follows the window; saving it would pin it.
    columns: columns.map((c) => ({ colId: c.colId, hide: c.hide === true, ...(c.flex || !c.width ? {} : { width: c.width }) })),
  };
}

/** The column state that puts a saved view's columns and sort back (for applyColumnState). */
export function columnStateOf(def: FindingsViewDefinition): ColumnStateLike[] {
  return def.columns.map((c) => {
    const sortIndex = def.sort.findIndex((s) => s.colId === c.colId);
    const sorted = def.sort[sortIndex];
    return {
      colId: c.colId,
      hide: c.hide,
      ...(c.width ? { width: c.width } : {}),
      sort: sorted ? sorted.sort : null,
      sortIndex: sorted ? sortIndex : null,
    };
  });
}
