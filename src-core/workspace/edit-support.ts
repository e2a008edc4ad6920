import type { SqlDatabase, SqlValue } from '../db/sql-db';

/** An edit that cannot be made, in words the analyst can act on (the op and the field, never SQL). */
export class EditError extends Error {
  override readonly name = 'EditError';
}

/** One row of the append-only audit trail: who changed which field of which item when, from what to what. */
export function audit(
  db: SqlDatabase,
  p: { author: string; at: string },
  targetType: string,
  targetId: number,
  field: string,
  oldValue: SqlValue | undefined,
  newValue: SqlValue,
) {
  db.run('INSERT INTO audit_log (at, author, target_type, target_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    p.at,
    p.author,
    targetType,
    targetId,
    field,
    oldValue === undefined || oldValue === null ? null : String(oldValue),
    newValue === null ? null : String(newValue),
  ]);
}
