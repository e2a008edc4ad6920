import { RAG_FACETS as RAGS, STATUSES } from '../../annotations/vocabulary';
import { FINDING_KINDS } from '../../extract/types';
import type { FindingsQuery } from './findings';

/** The facet panel's facets: what it counts (sql/facets.ts) and what pressing a value filters (facetQuery). */
export type FacetName = 'report' | 'section' | 'kind' | 'tag' | 'status' | 'rag';
export const FACET_NAMES: readonly FacetName[] = ['report', 'section', 'kind', 'tag', 'status', 'rag'];

/** What the facet panel shows for one value of a facet. */
export interface FacetCount {
  /** What goes into the query's filter: a report id as a string, a section title, 'none' for no RAG… */
  value: string;
  label: string;
  count: number;
}

/** The facet values the analyst has pressed, by facet: the strings readFacets gave as `value`. */
export type FacetSelection = Partial<Record<FacetName, string[]>>;

export const isOneOf =
  <T extends string>(list: readonly T[]) =>
  (v: string): v is T =>
    (list as readonly string[]).includes(v);

/**
 * The query for a search and pressed facets: what the Findings grid runs, and what a briefing pack
 * fed by a saved view runs, so the two cannot disagree about which findings a view shows. Values
 * are checked on the way in, because a saved view may carry values from another workspace (a
 * report id that is not there matches nothing, which is right; a malformed one would fail the
 * whole request, which is not).
 */
export function facetQuery(search: string, facets: FacetSelection): FindingsQuery {
  const q: FindingsQuery = {};
  const s = search.trim();
  if (s) q.search = s;
  const ids = (facets.report ?? []).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (ids.length) q.reportIds = ids;
  if (facets.section?.length) q.sections = facets.section;
  const kinds = (facets.kind ?? []).filter(isOneOf(FINDING_KINDS));
  if (kinds.length) q.kinds = kinds;
  if (facets.tag?.length) q.tags = facets.tag.slice(0, 100);
  const statuses = (facets.status ?? []).filter(isOneOf(STATUSES));
  if (statuses.length) q.statuses = statuses;
  const rags = (facets.rag ?? []).filter(isOneOf(RAGS));
  if (rags.length) q.rags = rags;
  return q;
}
