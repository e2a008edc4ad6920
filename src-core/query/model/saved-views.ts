/** A named view of the Findings or Metrics grid, as saved in the workspace. */
export interface SavedView {
  id: number;
  name: string;
  view: 'findings' | 'metrics';
  /** The view's search, filters, facets, sort and columns, as the view saved them. */
  definition: unknown;
  updatedAt: string;
}
