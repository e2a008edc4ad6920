import { all, type SqlDatabase, type SqlValue } from '../../db/sql-db';
import type { CheckCounts, ReportCoverage } from '../model/coverage';
import { itemCorrected, warningOpen } from './warning-figures';

const counts = (r: Record<string, SqlValue> | undefined): CheckCounts => ({
  total: Number(r?.total ?? 0),
  verified: Number(r?.verified ?? 0),
  corrected: Number(r?.corrected ?? 0),
});

// A correction outranks a tick (checkState): a corrected item counts as corrected, not also as verified.
const corrected = itemCorrected;

/** Each report's check, in report order; only these reports when ids are given. */
export function readCoverage(db: SqlDatabase, reportIds?: readonly number[]): ReportCoverage[] {
  const ids = reportIds?.length ? [...reportIds] : [];
  const only = (column: string) => (ids.length ? `WHERE ${column} IN (${ids.map(() => '?').join(', ')})` : '');
  const reports = all(
    db,
    `SELECT r.id, r.force || ' ' || r.period AS report FROM reports r ${only('r.id')} ORDER BY r.year DESC, r.force, r.id`,
    ids,
  );
  const tally = (table: string, target: string) =>
    new Map(
      all(
        db,
        `SELECT t.report_id, count(*) AS total, sum(t.verified = 1 AND NOT ${corrected(target, 't')}) AS verified,
           sum(${corrected(target, 't')}) AS corrected
         FROM ${table} t ${only('t.report_id')} GROUP BY t.report_id`,
        ids,
      ).map((r) => [Number(r.report_id), r]),
    );
  const figures = tally('metrics', 'metric');
  const grades = tally('judgments', 'judgment');
  // The rule of ./warning-figures.ts: a figure's warning is settled by its figures' check, any warning by dismissing it.
  const open = new Map<number, ReportCoverage['openWarnings']>();
  for (const w of all(
    db,
    `SELECT w.id, w.report_id, w.message, w.page, w.line FROM extraction_warnings w
     WHERE ${warningOpen('w')} ${ids.length ? `AND w.report_id IN (${ids.map(() => '?').join(', ')})` : ''}
     ORDER BY w.report_id, w.id`,
    ids,
  )) {
    const list = open.get(Number(w.report_id)) ?? [];
    list.push({
      id: Number(w.id),
      message: String(w.message),
      page: w.page === null ? null : Number(w.page),
      line: w.line === null ? null : Number(w.line),
    });
    open.set(Number(w.report_id), list);
  }
  return reports.map((r) => {
    const id = Number(r.id);
    return {
      reportId: id,
      report: String(r.report),
      figures: counts(figures.get(id)),
      grades: counts(grades.get(id)),
      openWarnings: open.get(id) ?? [],
    };
  });
}
