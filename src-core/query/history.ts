import { all, type SqlDatabase } from '../db/sql-db';

export interface HistoryEntry {
  at: string;
  author: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export type HistoryTarget = 'finding' | 'metric' | 'review_sample' | 'extraction_warning' | 'saved_view';

/** An item's audit trail, newest first: who changed which field when, from what to what. */
export function readHistory(db: SqlDatabase, targetType: HistoryTarget, id: number, limit = 200): HistoryEntry[] {
  return all(
    db,
    'SELECT at, author, field, old_value, new_value FROM audit_log WHERE target_type = ? AND target_id = ? ORDER BY id DESC LIMIT ?',
    [targetType, id, limit],
  ).map((r) => ({
    at: String(r.at),
    author: String(r.author),
    field: String(r.field),
    oldValue: r.old_value === null ? null : String(r.old_value),
    newValue: r.new_value === null ? null : String(r.new_value),
  }));
}
