import { all, type SqlDatabase } from '../../db/sql-db';
import type { WarningRow } from '../model/reports';

/** Extraction warnings, per report in the order they were raised, with who ticked them off. */
export function readWarnings(db: SqlDatabase, reportId?: number): WarningRow[] {
  const rows = all(
    db,
    `SELECT id, report_id, code, message, page, line, checked, checked_by, checked_at FROM extraction_warnings
     ${reportId === undefined ? '' : 'WHERE report_id = ?'} ORDER BY report_id, id`,
    reportId === undefined ? [] : [reportId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    reportId: Number(r.report_id),
    code: String(r.code),
    message: String(r.message),
    page: typeof r.page === 'number' ? r.page : null,
    line: typeof r.line === 'number' ? r.line : null,
    checked: r.checked === 1,
    checkedBy: r.checked_by === null ? null : String(r.checked_by),
    checkedAt: r.checked_at === null ? null : String(r.checked_at),
  }));
}
