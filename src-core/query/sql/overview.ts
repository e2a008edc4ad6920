import { all, type SqlDatabase, type SqlValue } from '../../db/sql-db';
import type { OverviewJudgment, OverviewMetric, OverviewWarning, ReportOverview } from '../model/overview';
import { readWarnings } from './reports';

const text = (v: SqlValue | undefined): string => (v === null || v === undefined ? '' : String(v));
const textOrNull = (v: SqlValue | undefined): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const intOrNull = (v: SqlValue | undefined): number | null => (typeof v === 'number' ? v : null);

function position(page: SqlValue | undefined, line: SqlValue | undefined): string | null {
  const l = intOrNull(line);
  if (l === null) return null;
  const p = intOrNull(page);
  return p === null ? `line ${l}` : `page ${p}, line ${l}`;
}

function judgments(db: SqlDatabase, reportId: number): OverviewJudgment[] {
  return all(
    db,
    `SELECT question, grade, last_inspected, is_overall, quote, change_direction, change_since, change_quote
     FROM judgments WHERE report_id = ? ORDER BY is_overall DESC, id`,
    [reportId],
  ).map((r) => ({
    question: text(r.question),
    grade: text(r.grade),
    lastInspected: intOrNull(r.last_inspected),
    isOverall: r.is_overall === 1,
    quote: textOrNull(r.quote),
    change: r.change_direction
      ? { direction: text(r.change_direction), since: intOrNull(r.change_since), quote: text(r.change_quote) }
      : null,
  }));
}

function metrics(db: SqlDatabase, reportId: number): OverviewMetric[] {
  const sql = `SELECT id, category, label, unit, period, force_text, ew_text, source, page, line FROM metrics
    WHERE report_id = ? ORDER BY source = 'text', id`;
  return all(db, sql, [reportId]).map((r) => ({
    id: Number(r.id),
    category: textOrNull(r.category),
    label: text(r.label),
    unit: text(r.unit),
    period: textOrNull(r.period),
    forceText: text(r.force_text),
    ewText: text(r.ew_text),
    source: r.source === 'text' ? 'text' : 'force-in-numbers',
    where: position(r.page, r.line) ?? '',
  }));
}

function warnings(db: SqlDatabase, reportId: number): OverviewWarning[] {
  return readWarnings(db, reportId).map((w) => ({
    id: w.id,
    code: w.code,
    message: w.message,
    where: position(w.page, w.line),
    checked: w.checked,
    checkedBy: w.checkedBy,
    checkedAt: w.checkedAt,
  }));
}

/** Everything the read-only overview shows, newest reports first. */
export function readOverview(db: SqlDatabase): ReportOverview[] {
  const reports = all(
    db,
    `SELECT id, title, force, programme, year, coalesce(period, CAST(year AS TEXT)) AS period, scale, published, overall_grade, source_name
     FROM reports ORDER BY year DESC, force, id`,
  );
  return reports.map((r) => {
    const id = Number(r.id);
    return {
      id,
      title: text(r.title),
      force: text(r.force),
      programme: text(r.programme),
      year: Number(r.year),
      period: text(r.period),
      scale: r.scale === 'five-point' ? 'five-point' : 'four-point',
      published: textOrNull(r.published),
      overallGrade: textOrNull(r.overall_grade),
      sourceName: text(r.source_name),
      judgments: judgments(db, id),
      metrics: metrics(db, id),
      warnings: warnings(db, id),
    };
  });
}
