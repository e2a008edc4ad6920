import { all, type SqlDatabase, type SqlValue } from '../../db/sql-db';
import type { MetricRow, MetricsQuery, WarningState } from '../model/metrics';
import { readCorrections } from './corrections';
import { checkState } from '../model/coverage';
import { figureAtWarning, figureCorrected } from './warning-figures';

const str = (v: SqlValue | undefined) => (v === null || v === undefined ? null : String(v));
const num = (v: SqlValue | undefined) => (typeof v === 'number' ? v : null);
// Floating-point subtraction prints 56.00000000001 otherwise; reports print at most 2 decimals.
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Whether a metric has a correction: one index probe. */
const CORRECTED = figureCorrected('m');

/** The extractor's warning about a figure (./warning-figures.ts: matched by where it was read). */
const WARNING_OF_METRIC = `SELECT w2.id FROM extraction_warnings w2 WHERE ${figureAtWarning('m', 'w2')} LIMIT 1`;

/**
 * Where a figure's warning stands for this figure: open until the analyst dismisses it, corrects the
 * figure or verifies it as printed. (The warning itself stands while any figure read at its place is
 * unchecked: ./warning-figures.ts.)
 */
function warningState(r: Record<string, SqlValue>): WarningState {
  if (r.warning_checked === 1) return 'dismissed';
  if (r.corrected === 1) return 'corrected';
  if (r.verified === 1) return 'verified';
  return 'open';
}

/** Metrics with their comparison worked out, in report order. Every value is a bound parameter. */
export function readMetrics(db: SqlDatabase, q: MetricsQuery = {}): MetricRow[] {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  if (q.reportIds?.length) {
    clauses.push(`m.report_id IN (${q.reportIds.map(() => '?').join(', ')})`);
    params.push(...q.reportIds);
  }
  if (q.source) {
    clauses.push('m.source = ?');
    params.push(q.source);
  }
  if (q.verified !== undefined) {
    clauses.push('m.verified = ?');
    params.push(q.verified ? 1 : 0);
  }
  if (q.check === 'corrected') clauses.push(CORRECTED);
  else if (q.check === 'verified') clauses.push(`m.verified = 1 AND NOT ${CORRECTED}`);
  else if (q.check === 'unverified') clauses.push(`m.verified = 0 AND NOT ${CORRECTED}`);
  if (q.includeInBrief !== undefined) {
    clauses.push('coalesce(a.include_in_brief, 0) = ?');
    params.push(q.includeInBrief ? 1 : 0);
  }
  for (const word of q.search?.match(/[\p{L}\p{N}]+/gu) ?? []) {
    clauses.push("(m.label || ' ' || coalesce(m.category, '') || ' ' || m.quote) LIKE ? ESCAPE '\\'");
    params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const rows = all(
    db,
    `SELECT m.*, r.force || ' ' || r.year AS report, coalesce(a.status, 'new') AS status, coalesce(a.tags, '[]') AS tags, a.rag,
       coalesce(a.note, '') AS note, coalesce(a.include_in_brief, 0) AS include_in_brief,
       w.id AS warning_id, w.message AS warning, w.checked AS warning_checked, w.reason AS warning_reason,
       ${CORRECTED} AS corrected
     FROM metrics m JOIN reports r ON r.id = m.report_id
     LEFT JOIN annotations a ON a.target_type = 'metric' AND a.target_id = m.id
     LEFT JOIN extraction_warnings w ON w.id = (${WARNING_OF_METRIC})
     ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
     ORDER BY m.report_id, m.source = 'text', m.id`,
    params,
  );
  const corrections = readCorrections(
    db,
    'metric',
    rows.filter((r) => r.corrected === 1).map((r) => Number(r.id)),
  );
  return rows.map((r) => {
    const force = num(r.force_value);
    const ew = num(r.ew_value);
    const change = String(r.unit).includes('change');
    let tags: string[] = [];
    try {
      const parsed: unknown = JSON.parse(String(r.tags));
      if (Array.isArray(parsed)) tags = parsed.map(String);
    } catch {
      tags = [];
    }
    return {
      id: Number(r.id),
      reportId: Number(r.report_id),
      report: String(r.report),
      category: str(r.category),
      label: String(r.label),
      unit: String(r.unit),
      period: str(r.period),
      force,
      englandWales: ew,
      forceText: String(r.force_text),
      ewText: String(r.ew_text),
      difference: force !== null && ew !== null ? round(force - ew) : null,
      ratio: force !== null && ew !== null && ew !== 0 && !change ? round(force / ew) : null,
      source: r.source === 'text' ? 'text' : 'force-in-numbers',
      quote: String(r.quote),
      page: num(r.page),
      line: Number(r.line),
      verified: r.verified === 1,
      verifiedBy: str(r.verified_by),
      verifiedAt: str(r.verified_at),
      status: String(r.status),
      tags,
      rag: str(r.rag),
      note: String(r.note),
      includeInBrief: Number(r.include_in_brief) === 1,
      warning: str(r.warning),
      warningId: num(r.warning_id),
      warningState: r.warning_id === null ? null : warningState(r),
      warningReason: str(r.warning_reason),
      corrections: corrections.get(Number(r.id)) ?? [],
      check: checkState(r.corrected === 1, r.verified === 1),
      addedBy: str(r.added_by),
      addedAt: str(r.added_at),
    };
  });
}
