import { figureAtWarning, itemCorrected } from './warning-figures';
import { checkState } from '../model/coverage';
import { all, type SqlDatabase, type SqlValue } from '../../db/sql-db';
import type { CheckState, OverviewArea, OverviewJudgment, OverviewMetric, OverviewWarning, ReportOverview } from '../model/overview';
import type { WarningState } from '../model/metrics';
import { readCorrections } from './corrections';
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

/** Whether the item (alias t) has a correction of any of its fields, as a column. */
const corrected = (target: string) => `${itemCorrected(target, 't')} AS corrected`;

const check = (r: Record<string, SqlValue>): CheckState => checkState(r.corrected === 1, r.verified === 1);

/** The ids of the rows with a correction: only theirs are read. */
const correctedIds = (rows: Record<string, SqlValue>[]) => rows.filter((r) => r.corrected === 1).map((r) => Number(r.id));

function judgments(db: SqlDatabase, reportId: number): OverviewJudgment[] {
  const rows = all(
    db,
    `SELECT t.id, t.question, t.grade, t.last_inspected, t.is_overall, t.quote, t.change_direction, t.change_since, t.change_quote,
       t.verified, t.verified_by, t.verified_at, t.page, t.line, ${corrected('judgment')}
     FROM judgments t WHERE t.report_id = ? ORDER BY t.is_overall DESC, t.id`,
    [reportId],
  );
  const corrections = readCorrections(db, 'judgment', correctedIds(rows));
  return rows.map((r) => ({
    id: Number(r.id),
    question: text(r.question),
    grade: text(r.grade),
    lastInspected: intOrNull(r.last_inspected),
    isOverall: r.is_overall === 1,
    quote: textOrNull(r.quote),
    change: r.change_direction
      ? { direction: text(r.change_direction), since: intOrNull(r.change_since), quote: text(r.change_quote) }
      : null,
    verified: r.verified === 1,
    verifiedBy: textOrNull(r.verified_by),
    verifiedAt: textOrNull(r.verified_at),
    check: check(r),
    corrections: corrections.get(Number(r.id)) ?? [],
    page: intOrNull(r.page),
    line: intOrNull(r.line),
  }));
}

function metrics(db: SqlDatabase, reportId: number): OverviewMetric[] {
  const sql = `SELECT t.id, t.category, t.label, t.unit, t.period, t.force_text, t.ew_text, t.source, t.page, t.line, t.verified, ${corrected('metric')}
    FROM metrics t WHERE t.report_id = ? ORDER BY t.source = 'text', t.id`;
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
    check: check(r),
  }));
}

/**
 * The figure each warning is about, matched by where it was read as the metrics grid and the
 * coverage match it (./metrics.ts WARNING_OF_METRIC): its check settles the warning.
 */
function warningFigures(db: SqlDatabase, reportId: number): Map<number, { metricId: number; check: CheckState }> {
  const rows = all(
    db,
    `SELECT w.id AS warning_id, t.id, t.verified, ${corrected('metric')}
     FROM extraction_warnings w JOIN metrics t ON ${figureAtWarning('t', 'w')}
     WHERE w.report_id = ? ORDER BY t.id`,
    [reportId],
  );
  const out = new Map<number, { metricId: number; check: CheckState }>();
  for (const r of rows) {
    const id = Number(r.warning_id);
    const seen = out.get(id);
    const mine = { metricId: Number(r.id), check: check(r) };
    // Two figures read at one place (./warning-figures.ts): the warning stands while either is unchecked.
    if (!seen || (seen.check !== 'unverified' && (mine.check === 'unverified' || mine.check === 'corrected'))) out.set(id, mine);
  }
  return out;
}

function warnings(db: SqlDatabase, reportId: number): OverviewWarning[] {
  const reasons = new Map(
    all(db, 'SELECT id, reason FROM extraction_warnings WHERE report_id = ?', [reportId]).map((r) => [Number(r.id), textOrNull(r.reason)]),
  );
  const figures = warningFigures(db, reportId);
  return readWarnings(db, reportId).map((w) => {
    const figure = figures.get(w.id);
    const state: WarningState = w.checked ? 'dismissed' : figure && figure.check !== 'unverified' ? figure.check : 'open';
    return {
      id: w.id,
      code: w.code,
      message: w.message,
      where: position(w.page, w.line),
      checked: w.checked,
      checkedBy: w.checkedBy,
      checkedAt: w.checkedAt,
      state,
      reason: reasons.get(w.id) ?? null,
      metricId: figure?.metricId ?? null,
    };
  });
}

function areas(db: SqlDatabase, reportId: number): OverviewArea[] {
  const rows = all(
    db,
    `SELECT t.id, t.parent_id, t.kind, t.section, t.ordinal, t.text, t.page, t.line, ${corrected('area')}
     FROM areas_for_improvement t WHERE t.report_id = ? ORDER BY t.id`,
    [reportId],
  );
  const corrections = readCorrections(db, 'area', correctedIds(rows));
  const byId = new Map<number, OverviewArea>();
  const top: OverviewArea[] = [];
  for (const r of rows) {
    const area: OverviewArea = {
      id: Number(r.id),
      kind: text(r.kind),
      section: text(r.section),
      ordinal: Number(r.ordinal),
      text: text(r.text),
      where: position(r.page, r.line) ?? '',
      page: intOrNull(r.page),
      line: intOrNull(r.line),
      corrections: corrections.get(Number(r.id)) ?? [],
      points: [],
    };
    byId.set(area.id, area);
    // Parents are inserted before their points (document order, the ORDER BY), so a point finds its area; one whose area is gone is shown on its own.
    const parent = r.parent_id === null ? undefined : byId.get(Number(r.parent_id));
    (parent ? parent.points : top).push(area);
  }
  return top;
}

/** Everything the Reports view shows, newest reports first. */
export function readOverview(db: SqlDatabase): ReportOverview[] {
  const reports = all(
    db,
    `SELECT t.id, t.title, t.force, t.programme, t.year, coalesce(t.period, CAST(t.year AS TEXT)) AS period, t.scale, t.published,
       t.overall_grade,
       t.source_name, ${corrected('report')}
     FROM reports t ORDER BY t.year DESC, t.force, t.id`,
  );
  const corrections = readCorrections(db, 'report', correctedIds(reports));
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
      areas: areas(db, id),
      corrections: corrections.get(id) ?? [],
    };
  });
}
