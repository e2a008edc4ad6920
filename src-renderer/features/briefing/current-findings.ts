import type { FindingsQuery } from '../../../src-core/query/findings';

/**
 * The Findings grid's filter as it last stood, for the Briefing view's "the Findings grid's
 * current filter" feed. The Findings view publishes it whenever its search, facets or column
 * filters change; it outlives the view (which unmounts when another tab is chosen).
 */
export interface CurrentFindingsFilter {
  query: FindingsQuery;
  /** The filter in words, stored with the pack so its reproducibility note can say what fed it. */
  label: string;
}

let current: CurrentFindingsFilter | null = null;

export function publishFindingsFilter(filter: CurrentFindingsFilter): void {
  current = filter;
}

export function currentFindingsFilter(): CurrentFindingsFilter | null {
  return current;
}
