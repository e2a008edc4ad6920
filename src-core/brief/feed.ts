import { z } from 'zod';
import { one, type SqlDatabase } from '../db/sql-db';
import { facetQuery } from '../query/model/facets';
import { findingsQuerySchema, type FindingsQuery } from '../query/model/findings';
import { FINDING_TEXT_COLUMNS } from '../query/sql/findings';
import type { PackFeed } from './definition';

/** A pack cannot be built as defined (its feed is gone, say): the message says what and how to fix it. */
export class PackBuildError extends Error {
  override readonly name = 'PackBuildError';
}

/**
 * What a saved findings view stores (src-renderer/features/findings/saved-view-definition.ts,
 * version 1), read leniently: the core turns it into the same query the grid ran, so a pack fed
 * by a view shows the findings the analyst saw in it. Unknown or malformed parts are left out,
 * as the grid itself does when it restores a view.
 */
const savedFindingsView = z.object({
  search: z.string().max(500).catch(''),
  facets: z.record(z.string(), z.array(z.string().max(300)).max(2000)).catch({}),
  filters: z.record(z.string(), z.object({ type: z.string().optional(), filter: z.string() }).loose()).catch({}),
});

export function savedViewQuery(definition: unknown): FindingsQuery {
  const parsed = savedFindingsView.safeParse(definition ?? {});
  if (!parsed.success) return {};
  const { search, facets, filters } = parsed.data;
  const q: FindingsQuery = facetQuery(search, facets);
  const contains = Object.entries(filters)
    .filter(([column, f]) => Object.hasOwn(FINDING_TEXT_COLUMNS, column) && (f.type ?? 'contains') === 'contains' && f.filter.trim())
    .map(([column, f]) => ({ column: column as keyof typeof FINDING_TEXT_COLUMNS, value: f.filter.trim().slice(0, 300) }))
    .slice(0, 10);
  if (contains.length) q.contains = contains;
  return findingsQuerySchema.parse(q);
}

export interface ResolvedFeed {
  query: FindingsQuery;
  /** How the reproducibility note names it: "all findings", "saved view “Custody”", or the query's label. */
  label: string;
}

export function resolveFeed(db: SqlDatabase, feed: PackFeed): ResolvedFeed {
  if (feed.kind === 'all') return { query: {}, label: 'all findings' };
  if (feed.kind === 'query') return { query: feed.query, label: feed.label.trim() || 'a findings filter' };
  const view = one(db, 'SELECT name, view, definition FROM saved_views WHERE id = ?', [feed.savedViewId]);
  if (!view) {
    throw new PackBuildError(
      `The saved view (id ${feed.savedViewId}) that feeds this pack's findings is no longer in the workspace; choose another view or all findings`,
    );
  }
  if (view.view !== 'findings') {
    throw new PackBuildError(
      `The saved view "${String(view.name)}" is a ${String(view.view)} view; a pack's findings need a findings view`,
    );
  }
  let definition: unknown;
  try {
    definition = JSON.parse(String(view.definition));
  } catch {
    throw new PackBuildError(`The saved view "${String(view.name)}" cannot be read (its stored definition is not valid JSON)`);
  }
  return { query: savedViewQuery(definition), label: `saved view “${String(view.name)}”` };
}
