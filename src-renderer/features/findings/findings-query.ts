import type { FilterModel } from 'ag-grid-community';
import { FACET_NAMES, facetQuery, isOneOf, type FacetName, type FacetSelection } from '../../../src-core/query/model/facets';
import { FINDING_TEXT_KEYS, type FindingTextColumn, type FindingsQuery } from '../../../src-core/query/model/findings';

export type { FacetSelection } from '../../../src-core/query/model/facets';

/** The query the worker runs for the search box and the facets (shared with briefing packs). */
export const findingsQuery = facetQuery;

/** Grid columns that have a text filter: those the query can match with "contains". */
export const FILTERABLE_COLUMNS: readonly FindingTextColumn[] = FINDING_TEXT_KEYS;
const isFilterable = isOneOf(FILTERABLE_COLUMNS);

/**
 * The grid's filter model as the query's `contains` list. The columns offer only "contains" with
 * one condition (findings-columns.ts), so anything else in a model (from an old saved view, say)
 * is ignored rather than guessed at.
 */
export function containsOf(model: FilterModel | null | undefined): FindingsQuery['contains'] {
  const out: NonNullable<FindingsQuery['contains']> = [];
  for (const [column, m] of Object.entries(model ?? {})) {
    if (!isFilterable(column) || typeof m !== 'object' || m === null) continue;
    const { type, filter } = m as { type?: unknown; filter?: unknown };
    if (type !== 'contains' || typeof filter !== 'string' || !filter.trim()) continue;
    out.push({ column, value: filter.trim().slice(0, 300) });
  }
  return out.length ? out : undefined;
}

export function withContains(q: FindingsQuery, model: FilterModel | null | undefined): FindingsQuery {
  const contains = containsOf(model);
  return contains ? { ...q, contains } : q;
}

/** Toggles one facet value, keeping the others. */
export function toggleFacet(selection: FacetSelection, facet: FacetName, value: string): FacetSelection {
  const current = selection[facet] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const out = { ...selection };
  if (next.length) out[facet] = next;
  else delete out[facet];
  return out;
}

export function facetCount(selection: FacetSelection): number {
  return FACET_NAMES.reduce((n, f) => n + (selection[f]?.length ?? 0), 0);
}
