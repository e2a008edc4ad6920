import { all, type SqlDatabase } from '../../db/sql-db';
import type { SavedView } from '../model/saved-views';

export function readSavedViews(db: SqlDatabase, view?: 'findings' | 'metrics'): SavedView[] {
  return all(
    db,
    `SELECT id, name, view, definition, updated_at FROM saved_views ${view ? 'WHERE view = ?' : ''} ORDER BY name COLLATE NOCASE`,
    view ? [view] : [],
  ).map((r) => {
    let definition: unknown;
    try {
      definition = JSON.parse(String(r.definition));
    } catch {
      definition = null;
    }
    return {
      id: Number(r.id),
      name: String(r.name),
      view: r.view === 'metrics' ? 'metrics' : 'findings',
      definition,
      updatedAt: String(r.updated_at),
    };
  });
}
