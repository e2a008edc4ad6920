import { one, type SqlDatabase } from '../db/sql-db';

/**
 * An import is acknowledged only once its checkpoint is on disk (it is too large for the journal).
 * When the checkpoint fails, the rows go out again, or the next checkpoint would save an import
 * the analyst was told had failed: everything after the last row that was there before.
 */
export function sampleMark(db: SqlDatabase): number {
  return Number(one(db, 'SELECT coalesce(max(id), 0) AS id FROM review_samples')?.id ?? 0);
}

export function removeSamplesAfter(db: SqlDatabase, mark: number): void {
  db.run('DELETE FROM review_samples WHERE id > ?', [mark]);
}
