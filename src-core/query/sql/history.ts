import { all, type SqlDatabase } from '../../db/sql-db';
import type { HistoryEntry, HistoryTarget } from '../model/history';

/**
 * An item's audit trail, newest first: who changed which field when, from what to what. A finding's
 * includes the history of the list items folded into it (migration 006: the log is append-only, so
 * their rows keep the items' old ids).
 */
export function readHistory(db: SqlDatabase, targetType: HistoryTarget, id: number, limit = 200): HistoryEntry[] {
  return all(
    db,
    `SELECT at, author, field, old_value, new_value FROM audit_log
     WHERE target_type = ? AND (target_id = ? OR (target_type = 'finding' AND target_id IN (SELECT old_id FROM finding_merges WHERE new_id = ?)))
     ORDER BY id DESC LIMIT ?`,
    [targetType, id, id, limit],
  ).map((r) => ({
    at: String(r.at),
    author: String(r.author),
    field: String(r.field),
    oldValue: r.old_value === null ? null : String(r.old_value),
    newValue: r.new_value === null ? null : String(r.new_value),
  }));
}
