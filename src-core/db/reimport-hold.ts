import { transaction, type SqlDatabase } from './sql-db';

/**
 * A replaced report's rows, held in TEMP tables (this connection's alone: never exported, never in
 * the schema the workspace check reads) until the replace is on disk. A replace is committed before
 * its checkpoint (sql.js cannot export inside a transaction), so when the checkpoint fails the old
 * rows are put back: the analyst was told it failed, and the next checkpoint must not save it.
 */
const HELD: readonly [table: string, where: string][] = [
  ['reports', 'id = :r'],
  ['sections', 'report_id = :r'],
  ['findings', 'report_id = :r'],
  ['finding_footnotes', 'finding_id IN (SELECT id FROM main.findings WHERE report_id = :r)'],
  ['finding_merges', 'new_id IN (SELECT id FROM main.findings WHERE report_id = :r)'],
  ['footnotes', 'report_id = :r'],
  ['judgments', 'report_id = :r'],
  ['metrics', 'report_id = :r'],
  ['areas_for_improvement', 'report_id = :r'],
  ['extraction_warnings', 'report_id = :r'],
  ['corrections', 'report_id = :r'],
  [
    'annotations',
    `(target_type = 'finding' AND target_id IN (SELECT id FROM main.findings WHERE report_id = :r))
      OR (target_type = 'metric' AND target_id IN (SELECT id FROM main.metrics WHERE report_id = :r))`,
  ],
];

export function holdReport(db: SqlDatabase, reportId: number): void {
  dropHeld(db);
  for (const [table, where] of HELD)
    db.run(`CREATE TEMP TABLE held_${table} AS SELECT * FROM main.${table} WHERE ${where}`, { ':r': reportId });
  db.run('CREATE TEMP TABLE held_samples AS SELECT id FROM main.review_samples WHERE report_id = :r', { ':r': reportId });
}

/** Puts the held rows back in place of what replaced them, in one transaction, and says so in the history. */
export function restoreHeld(db: SqlDatabase, reportId: number, stamp: { author: string; at: string }): void {
  transaction(db, () => {
    // Rows come back in table order, not reference order: the references are checked at commit.
    db.exec('PRAGMA defer_foreign_keys = ON');
    db.run("DELETE FROM annotations WHERE target_type = 'metric' AND target_id IN (SELECT id FROM metrics WHERE report_id = ?)", [
      reportId,
    ]);
    db.run('DELETE FROM reports WHERE id = ?', [reportId]);
    for (const [table] of HELD) db.run(`INSERT INTO main.${table} SELECT * FROM temp.held_${table}`);
    db.run('UPDATE review_samples SET report_id = ? WHERE id IN (SELECT id FROM temp.held_samples)', [reportId]);
    db.run(
      "INSERT INTO audit_log (at, author, target_type, target_id, field, old_value, new_value) VALUES (?, ?, 'report', ?, 'replace-undone', NULL, ?)",
      [stamp.at, stamp.author, reportId, 'The replacement could not be saved; the report is as it was.'],
    );
  });
  dropHeld(db);
}

export function dropHeld(db: SqlDatabase): void {
  for (const [table] of HELD) db.run(`DROP TABLE IF EXISTS temp.held_${table}`);
  db.run('DROP TABLE IF EXISTS temp.held_samples');
}
